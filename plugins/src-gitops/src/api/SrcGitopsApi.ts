import { createApiRef } from '@backstage/core-plugin-api';
import {
  ClusterSummary,
  GitOpsHealth,
  GitOpsResource,
  GitOpsSync,
} from '@srcnet/plugin-src-gitops-common';

/** Counts by health and by sync. */
export type StateCounts = {
  total: number;
  health: Record<GitOpsHealth, number>;
  sync: Record<GitOpsSync, number>;
};

/** A cluster in an answer, with counts of what it holds (or what matched). */
export type ClusterView = ClusterSummary & {
  counts: StateCounts;
  failingSince?: string;
};

/** A cluster that could not be read: the answer is partial and says so. */
export type ClusterProblem = {
  cluster: string;
  site: string;
  reachability: ClusterSummary['reachability'];
  error: string;
  since?: string;
};

/** The clusters the backend reads, as a response object (room for paging and metadata). */
export type ClusterListResponse = {
  items: ClusterView[];
};

/** The GitOps objects of one catalog entity. */
export type EntityGitOpsResponse = {
  entityRef: string;
  matched: boolean;
  items: GitOpsResource[];
  clusters: ClusterView[];
  problems: ClusterProblem[];
  simulated?: boolean;
};

/** One site in the fleet view. */
export type FleetSite = {
  site: string;
  node?: string;
  clusters: ClusterView[];
  counts: StateCounts;
  worst?: {
    id: string;
    name: string;
    kind: string;
    cluster: string;
    health: GitOpsHealth;
    message?: string;
  };
  components: Record<
    string,
    {
      health: GitOpsHealth;
      sync: GitOpsSync;
      version?: string;
      cluster: string;
      suspended: boolean;
    }
  >;
};

export type FleetResponse = {
  sites: FleetSite[];
  problems: ClusterProblem[];
  simulated: boolean;
  generatedAt: string;
};

export type ResourceAction =
  | 'sync'
  | 'refresh'
  | 'reconcile'
  | 'suspend'
  | 'resume';

/** Client of the src-gitops backend. */
export interface SrcGitopsApi {
  /** The configured clusters with their reachability; never URLs or credentials. */
  getClusters(): Promise<ClusterListResponse>;
  /** Every site and cluster, with counts and deployed component versions. */
  getFleet(): Promise<FleetResponse>;
  /** The GitOps objects that belong to a catalog entity. */
  getEntityState(entityRef: string): Promise<EntityGitOpsResponse>;
  /** Asks the engine to act on one object of an entity (permission-checked in the backend). */
  runAction(options: {
    resource: GitOpsResource;
    action: ResourceAction;
    entityRef: string;
  }): Promise<{ resource: GitOpsResource }>;
}

export const srcGitopsApiRef = createApiRef<SrcGitopsApi>({
  id: 'plugin.src-gitops.service',
});
