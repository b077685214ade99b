import {
  ClusterSummary,
  GitOpsHealth,
  GitOpsResource,
  GitOpsSync,
} from './gitopsResource';

/**
 * The shapes the src-gitops backend answers with, shared by the backend that builds them and
 * the frontend that reads them.
 */

/** Counts by health and by sync; every state present, zero when none. */
export type StateCounts = {
  total: number;
  health: Record<GitOpsHealth, number>;
  sync: Record<GitOpsSync, number>;
};

/** A cluster in an answer: reachability, freshness, counts; never its URL or credentials. */
export type ClusterView = ClusterSummary & {
  counts: StateCounts;
  failingSince?: string;
};

/** A problem reading one cluster, so partial answers name what failed. */
export type ClusterProblem = {
  cluster: string;
  site: string;
  reachability: ClusterSummary['reachability'];
  error: string;
  since?: string;
};

/** `GET /clusters`. */
export type ClusterListResponse = { items: ClusterView[] };

/** The deployed state of one component at a site, for the fleet matrix. */
export type FleetComponentState = {
  health: GitOpsHealth;
  sync: GitOpsSync;
  version?: string;
  cluster: string;
  suspended: boolean;
};

/** One site in the fleet answer. */
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
  components: Record<string, FleetComponentState>;
};

/** `GET /fleet`. */
export type FleetResponse = {
  sites: FleetSite[];
  problems: ClusterProblem[];
  simulated: boolean;
  generatedAt: string;
};

/** `GET /entity?entityRef=`: the GitOps objects of one catalog entity. */
export type EntityGitOpsResponse = {
  entityRef: string;
  matched: boolean;
  items: GitOpsResource[];
  clusters: ClusterView[];
  problems: ClusterProblem[];
  simulated?: boolean;
};

/** The actions the backend performs on one object. */
export type ResourceAction =
  | 'sync'
  | 'refresh'
  | 'reconcile'
  | 'suspend'
  | 'resume';

/**
 * The live state of one platform service in one cluster: an Argo CD Application or Flux
 * HelmRelease, named by its component. What the search index and the fleet search read.
 */
export type PlatformServiceState = {
  site: string;
  node?: string;
  cluster: string;
  engine: GitOpsResource['engine'];
  kind: GitOpsResource['kind'];
  namespace: string;
  name: string;
  /** Component catalogue id from our label or the chart name, else the object's name. */
  component: string;
  chart?: string;
  version?: string;
  environment?: string;
  health: GitOpsHealth;
  sync: GitOpsSync;
  suspended: boolean;
  message?: string;
  /** Whether the cluster answered at the last read; stale state is still listed. */
  reachability: ClusterSummary['reachability'];
  observedAt?: string;
};

/** `GET /services`. */
export type PlatformServiceListResponse = {
  items: PlatformServiceState[];
  problems: ClusterProblem[];
  generatedAt: string;
};

/** The search document type of SRC platform services (the search backend's `types[]`). */
export const PLATFORM_SERVICE_SEARCH_TYPE = 'src-gitops-service';

/**
 * A platform service of one site in one cluster, as the search index holds it. Every field is
 * always present (empty when unknown).
 */
export type PlatformServiceSearchDocument = {
  title: string;
  text: string;
  /** The entity's GitOps tab, or the fleet page for services without an entity. */
  location: string;
  site: string;
  node: string;
  cluster: string;
  engine: string;
  component: string;
  chartVersion: string;
  /** The version the site repository pins, from the catalog entity. */
  repositoryVersion: string;
  /** `missing` or `no-live-state` for catalog services without a live object. */
  health: GitOpsHealth | 'no-live-state';
  sync: GitOpsSync;
  environment: string;
  namespace: string;
  object: string;
  entityRef: string;
};

/** The filters the platform service index is searched by. */
export type PlatformServiceSearchFilters = Partial<
  Pick<PlatformServiceSearchDocument, 'node' | 'health' | 'component' | 'site' | 'engine'>
>;
