import { createApiRef } from '@backstage/core-plugin-api';
import {
  ClusterListResponse,
  EntityGitOpsResponse,
  FleetResponse,
  GitOpsResource,
  PlatformServiceSearchDocument,
  PlatformServiceSearchFilters,
  ResourceAction,
} from '@srcnet/plugin-src-gitops-common';

export type {
  ClusterListResponse,
  ClusterProblem,
  ClusterView,
  EntityGitOpsResponse,
  FleetResponse,
  FleetSite,
  PlatformServiceSearchDocument,
  PlatformServiceSearchFilters,
  ResourceAction,
  StateCounts,
} from '@srcnet/plugin-src-gitops-common';

/** Client of the src-gitops backend. */
export interface SrcGitopsApi {
  /** The configured clusters with their reachability; never URLs or credentials. */
  getClusters(): Promise<ClusterListResponse>;
  /** Every site and cluster, with counts and deployed component versions. */
  getFleet(): Promise<FleetResponse>;
  /** The GitOps objects that belong to a catalog entity. */
  getEntityState(entityRef: string): Promise<EntityGitOpsResponse>;
  /**
   * Searches every site's platform services in the search index (the same documents the
   * Backstage search page shows), e.g. `vault` narrowed by node or health.
   */
  searchServices(options: {
    term: string;
    filters?: PlatformServiceSearchFilters;
  }): Promise<{ results: PlatformServiceSearchDocument[]; total?: number }>;
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
