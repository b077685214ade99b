import { GitOpsEngine } from './srcnet';

/**
 * One status model for both engines, so sites on Argo CD and sites on Flux compare.
 *
 * - `healthy`: Argo CD Healthy, Flux Ready=True at the current generation
 * - `progressing`: Argo CD Progressing, Flux reconciling a new generation
 * - `degraded`: Argo CD Degraded or a failed operation, Flux Ready=False or Stalled
 * - `suspended`: Argo CD Suspended, Flux `spec.suspend: true`
 * - `missing`: Argo CD Missing (the objects are not in the cluster)
 * - `unknown`: the engine reports nothing we can interpret
 */
export const GITOPS_HEALTH_STATES = [
  'healthy',
  'progressing',
  'degraded',
  'suspended',
  'missing',
  'unknown',
] as const;
export type GitOpsHealth = (typeof GITOPS_HEALTH_STATES)[number];

/** Whether what is applied matches what the source wants. */
export const GITOPS_SYNC_STATES = ['synced', 'out-of-sync', 'unknown'] as const;
export type GitOpsSync = (typeof GITOPS_SYNC_STATES)[number];

/** The GitOps object kinds the plugins read. */
export type GitOpsKind =
  | 'Application'
  | 'ApplicationSet'
  | 'Kustomization'
  | 'HelmRelease'
  | 'GitRepository'
  | 'HelmRepository'
  | 'OCIRepository';

/** One entry of an object's deployment history. */
export type GitOpsHistoryEntry = {
  revision: string;
  deployedAt?: string;
  /** Argo CD history id or Flux HelmRelease version. */
  id?: string;
  status?: string;
};

/** A condition as reported by the object, kept for the detail view. */
export type GitOpsCondition = {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
};

/** A normalised Argo CD or Flux object, as the views and the search index see it. */
export type GitOpsResource = {
  /** Stable id: `<cluster>/<engine>/<kind>/<namespace>/<name>`. */
  id: string;
  engine: GitOpsEngine;
  kind: GitOpsKind;
  apiVersion: string;
  cluster: string;
  site: string;
  namespace: string;
  name: string;
  labels: Record<string, string>;
  health: GitOpsHealth;
  sync: GitOpsSync;
  /** Short machine-readable reason (e.g. `ReconciliationFailed`, `OperationFailed`). */
  reason?: string;
  /** A person-readable message from the engine. */
  message?: string;
  /** The revision the source wants (Argo CD target/synced-to, Flux source artifact). */
  desiredRevision?: string;
  /** The revision applied in the cluster. */
  appliedRevision?: string;
  chart?: { name: string; version?: string; repoUrl?: string };
  source?: { repoUrl?: string; path?: string; targetRevision?: string };
  /** Flux: the source object this one reads from (GitRepository, HelmRepository, ...). */
  sourceRef?: { kind: string; name: string; namespace: string };
  destination?: { server?: string; namespace?: string };
  /** Last sync (Argo CD) or reconcile (Flux) time, ISO 8601. */
  lastSyncedAt?: string;
  suspended: boolean;
  conditions: GitOpsCondition[];
  history: GitOpsHistoryEntry[];
  /** The component catalogue id, when the object carries our label. */
  component?: string;
  /** Argo CD UI link to the Application, when the cluster's Argo CD URL is configured. */
  externalUrl?: string;
};

/**
 * Why a cluster's state could not be read, kept apart from "read it and found nothing".
 */
export type ClusterReachability =
  | 'reachable'
  | 'unreachable'
  | 'forbidden'
  | 'unauthorized'
  | 'not-installed'
  | 'pending';

/** What the backend knows about one cluster, never including credentials or its URL. */
export type ClusterSummary = {
  name: string;
  site: string;
  reachability: ClusterReachability;
  engines: GitOpsEngine[];
  /** When the snapshot was last confirmed current. */
  observedAt?: string;
  /** The last error, for people; `undefined` when the last read succeeded. */
  lastError?: string;
  /** True when the simulated fleet backs this cluster (the demo). */
  simulated?: boolean;
};
