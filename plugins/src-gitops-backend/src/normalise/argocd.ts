import {
  GitOpsHealth,
  GitOpsResource,
  GitOpsSync,
} from '@srcnet/plugin-src-gitops-common';
import {
  ObjectOrigin,
  RawObject,
  baseResource,
  isRecord,
  records,
  str,
} from './common';

const HEALTH: Record<string, GitOpsHealth> = {
  Healthy: 'healthy',
  Progressing: 'progressing',
  Degraded: 'degraded',
  Suspended: 'suspended',
  Missing: 'missing',
  Unknown: 'unknown',
};

const SYNC: Record<string, GitOpsSync> = {
  Synced: 'synced',
  OutOfSync: 'out-of-sync',
};

/** `revision`, or the git (non-chart) entry of multi-source `revisions`. */
function revisionOf(
  value: Record<string, unknown> | undefined,
  gitIndex: number,
): string | undefined {
  if (!value) return undefined;
  if (Array.isArray(value.revisions)) return str(value.revisions[gitIndex]);
  return str(value.revision);
}

function sourcesOf(spec: Record<string, unknown>): Record<string, unknown>[] {
  if (Array.isArray(spec.sources)) return records(spec.sources);
  return isRecord(spec.source) ? [spec.source] : [];
}

/**
 * An Argo CD Application as the one status model: health and sync as Argo CD reports them,
 * with a failed or errored sync operation counted as degraded (Argo CD keeps health Healthy
 * while the last sync failed, which hides the failure).
 */
export function normaliseApplication(
  object: RawObject,
  origin: ObjectOrigin,
): GitOpsResource {
  const spec = object.spec ?? {};
  const status = object.status ?? {};
  const sources = sourcesOf(spec);
  const chartSource = sources.find(s => str(s.chart));
  // The source whose revision is a commit: the git source, or a values-only `ref` source.
  let gitIndex = sources.findIndex(s => !str(s.chart) && !str(s.ref));
  if (gitIndex < 0) gitIndex = sources.findIndex(s => !str(s.chart));
  if (gitIndex < 0) gitIndex = 0;
  const gitSource = sources[gitIndex];
  const sync = isRecord(status.sync) ? status.sync : undefined;
  const health = isRecord(status.health) ? status.health : undefined;
  const operation = isRecord(status.operationState)
    ? status.operationState
    : undefined;
  const history = records(status.history);
  const last = history[history.length - 1];
  const phase = str(operation?.phase);
  const operationFailed = phase === 'Failed' || phase === 'Error';
  const reportedHealth = HEALTH[str(health?.status) ?? ''] ?? 'unknown';
  const conditions = records(status.conditions).map(c => ({
    type: str(c.type) ?? 'Unknown',
    status: 'True',
    message: str(c.message),
    lastTransitionTime: str(c.lastTransitionTime),
  }));
  const base = baseResource(object, origin, 'argocd', 'Application');
  return {
    ...base,
    health:
      operationFailed && reportedHealth !== 'suspended'
        ? 'degraded'
        : reportedHealth,
    sync: SYNC[str(sync?.status) ?? ''] ?? 'unknown',
    reason: operationFailed
      ? `Operation${phase}`
      : conditions[0]?.type ?? (str(health?.status) || undefined),
    message: operationFailed
      ? str(operation?.message)
      : str(health?.message) ?? conditions[0]?.message,
    desiredRevision:
      revisionOf(sync, gitIndex) ?? str(gitSource?.targetRevision),
    appliedRevision:
      revisionOf(
        isRecord(operation?.syncResult)
          ? (operation!.syncResult as Record<string, unknown>)
          : undefined,
        gitIndex,
      ) ?? revisionOf(last, gitIndex),
    chart: chartSource
      ? {
          name: str(chartSource.chart)!,
          version: str(chartSource.targetRevision),
          repoUrl: str(chartSource.repoURL),
        }
      : undefined,
    source: gitSource
      ? {
          repoUrl: str(gitSource.repoURL),
          path: str(gitSource.path),
          targetRevision: str(gitSource.targetRevision),
        }
      : undefined,
    destination: isRecord(spec.destination)
      ? {
          server: str(spec.destination.server) ?? str(spec.destination.name),
          namespace: str(spec.destination.namespace),
        }
      : undefined,
    lastSyncedAt: str(operation?.finishedAt) ?? str(last?.deployedAt),
    suspended: reportedHealth === 'suspended',
    conditions,
    history: history
      .slice(-5)
      .reverse()
      .map(h => ({
        revision: revisionOf(h, gitIndex) ?? '',
        deployedAt: str(h.deployedAt),
        id: h.id === undefined ? undefined : String(h.id),
      })),
    externalUrl: origin.argocdUrl
      ? `${origin.argocdUrl.replace(
          /\/+$/,
          '',
        )}/applications/${encodeURIComponent(
          base.namespace,
        )}/${encodeURIComponent(base.name)}`
      : undefined,
  };
}
