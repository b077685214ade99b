import {
  GitOpsHealth,
  GitOpsKind,
  GitOpsResource,
} from '@srcnet/plugin-src-gitops-common';
import {
  ObjectOrigin,
  RawObject,
  baseResource,
  conditionsOf,
  isRecord,
  records,
  str,
} from './common';

type Condition = ReturnType<typeof conditionsOf>[number] & {
  observedGeneration?: number;
};

/**
 * Flux state from its conditions, kstatus-style: a spec change not yet observed is progressing;
 * Stalled or Ready=False is degraded; Reconciling counts only at the current generation, so a
 * stale Reconciling never overrides an applied Ready; suspended objects say so.
 */
export function fluxHealth(object: RawObject): {
  health: GitOpsHealth;
  reason?: string;
  message?: string;
} {
  const status = object.status ?? {};
  const generation = object.metadata?.generation ?? 0;
  const observed =
    typeof status.observedGeneration === 'number'
      ? status.observedGeneration
      : undefined;
  const raw = records(status.conditions);
  const find = (type: string): Condition | undefined => {
    const c = raw.find(x => x.type === type);
    return c
      ? {
          ...conditionsOf({ conditions: [c] })[0],
          observedGeneration:
            typeof c.observedGeneration === 'number'
              ? c.observedGeneration
              : undefined,
        }
      : undefined;
  };
  const ready = find('Ready');
  const stalled = find('Stalled');
  const reconciling = find('Reconciling');
  if (object.spec?.suspend === true) {
    return {
      health: 'suspended',
      reason: 'Suspended',
      message: 'reconciliation is suspended',
    };
  }
  if (stalled?.status === 'True') {
    return {
      health: 'degraded',
      reason: stalled.reason ?? 'Stalled',
      message: stalled.message,
    };
  }
  if (observed === undefined && !ready) {
    return {
      health: 'unknown',
      reason: 'NoStatus',
      message: 'the controller has not reported a status yet',
    };
  }
  if (observed !== undefined && observed < generation) {
    return {
      health: 'progressing',
      reason: 'NewGeneration',
      message: `generation ${generation} not yet reconciled (observed ${observed})`,
    };
  }
  if (ready?.status === 'False') {
    return { health: 'degraded', reason: ready.reason, message: ready.message };
  }
  const reconcilingNow =
    reconciling?.status === 'True' &&
    (reconciling.observedGeneration ?? observed ?? 0) >= generation;
  if (reconcilingNow) {
    return {
      health: 'progressing',
      reason: reconciling!.reason ?? 'Reconciling',
      message: reconciling!.message,
    };
  }
  if (ready?.status === 'True') {
    return { health: 'healthy', reason: ready.reason, message: ready.message };
  }
  if (ready?.status === 'Unknown') {
    return {
      health: 'progressing',
      reason: ready.reason,
      message: ready.message,
    };
  }
  return { health: 'unknown', reason: ready?.reason, message: ready?.message };
}

/** Synced when what is applied is what is wanted (`*`: any chart version). */
function compareRevisions(
  desired: string | undefined,
  applied: string | undefined,
): GitOpsResource['sync'] {
  if (desired === undefined || applied === undefined) return 'unknown';
  return desired === applied || desired === '*' ? 'synced' : 'out-of-sync';
}

function sourceOf(
  kind: GitOpsKind,
  spec: Record<string, unknown>,
): GitOpsResource['source'] {
  if (kind === 'Kustomization') return { path: str(spec.path) };
  return str(spec.url) ? { repoUrl: str(spec.url) } : undefined;
}

function sourceRefOf(object: RawObject): GitOpsResource['sourceRef'] {
  const spec = object.spec ?? {};
  const chartSpec =
    isRecord(spec.chart) && isRecord(spec.chart.spec) ? spec.chart.spec : {};
  const ref = [spec.sourceRef, chartSpec.sourceRef, spec.chartRef].find(
    isRecord,
  );
  if (!ref || !str(ref.kind) || !str(ref.name)) return undefined;
  return {
    kind: str(ref.kind)!,
    name: str(ref.name)!,
    namespace: str(ref.namespace) ?? object.metadata?.namespace ?? '',
  };
}

/** A Flux Kustomization, HelmRelease or source as the one status model. */
export function normaliseFluxObject(
  object: RawObject,
  origin: ObjectOrigin,
  kind: GitOpsKind,
): GitOpsResource {
  const spec = object.spec ?? {};
  const status = object.status ?? {};
  const { health, reason, message } = fluxHealth(object);
  const ready = conditionsOf(status).find(c => c.type === 'Ready');
  const artifact = isRecord(status.artifact) ? status.artifact : undefined;
  const base = baseResource(object, origin, 'flux', kind);
  let desiredRevision: string | undefined;
  let appliedRevision: string | undefined;
  let chart: GitOpsResource['chart'];
  let history: GitOpsResource['history'] = [];
  if (kind === 'Kustomization') {
    desiredRevision = str(status.lastAttemptedRevision);
    appliedRevision = str(status.lastAppliedRevision);
  } else if (kind === 'HelmRelease') {
    const chartSpec =
      isRecord(spec.chart) && isRecord(spec.chart.spec) ? spec.chart.spec : {};
    const entries = records(status.history);
    desiredRevision = str(chartSpec.version);
    // v2 keeps a release history; v2beta1 only lastAppliedRevision.
    appliedRevision =
      str(entries[0]?.chartVersion) ??
      str(status.lastAppliedRevision) ??
      str(status.lastAttemptedRevision);
    chart = {
      name: str(chartSpec.chart) ?? base.name,
      version: appliedRevision ?? desiredRevision,
    };
    history = entries.slice(0, 5).map(h => ({
      revision: str(h.chartVersion) ?? '',
      deployedAt: str(h.lastDeployed),
      id: h.version === undefined ? undefined : String(h.version),
      status: str(h.status),
    }));
  } else {
    desiredRevision = str(artifact?.revision);
    appliedRevision = str(artifact?.revision);
  }
  const sync = compareRevisions(desiredRevision, appliedRevision);
  return {
    ...base,
    health,
    sync,
    reason,
    message,
    desiredRevision,
    appliedRevision,
    chart,
    source: sourceOf(kind, spec),
    sourceRef: sourceRefOf(object),
    destination: str(spec.targetNamespace)
      ? { namespace: str(spec.targetNamespace) }
      : undefined,
    lastSyncedAt:
      str(status.lastHandledReconcileAt) && !ready?.lastTransitionTime
        ? str(status.lastHandledReconcileAt)
        : ready?.lastTransitionTime,
    suspended: spec.suspend === true,
    conditions: conditionsOf(status),
    history,
  };
}

/**
 * Links Flux objects to their sources in the same cluster: a Kustomization's desired revision is
 * its GitRepository's artifact (so a lagging apply shows as out of sync), a HelmRelease's chart
 * repository is its HelmRepository's URL. Pure; returns new objects.
 */
export function linkFluxSources(resources: GitOpsResource[]): GitOpsResource[] {
  const sources = new Map(
    resources
      .filter(r => r.engine === 'flux' && /Repository$/.test(r.kind))
      .map(r => [`${r.kind}/${r.namespace}/${r.name}`, r]),
  );
  return resources.map(resource => {
    const ref = resource.sourceRef;
    const source = ref
      ? sources.get(`${ref.kind}/${ref.namespace}/${ref.name}`)
      : undefined;
    if (!source) return resource;
    if (resource.kind === 'Kustomization' && source.appliedRevision) {
      const desiredRevision = source.appliedRevision;
      const sync = compareRevisions(desiredRevision, resource.appliedRevision);
      return {
        ...resource,
        desiredRevision,
        sync,
        source: { ...resource.source, repoUrl: source.source?.repoUrl },
      };
    }
    if (resource.kind === 'HelmRelease' && resource.chart) {
      return {
        ...resource,
        chart: { ...resource.chart, repoUrl: source.source?.repoUrl },
      };
    }
    return resource;
  });
}
