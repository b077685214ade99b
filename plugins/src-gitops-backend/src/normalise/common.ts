import {
  GitOpsCondition,
  GitOpsResource,
  SRC_COMPONENT_LABEL,
} from '@srcnet/plugin-src-gitops-common';

/** An object as a cluster returns it; every field may be missing on odd real-world objects. */
export type RawObject = {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
};

/** Where the object was read. */
export type ObjectOrigin = {
  cluster: string;
  site: string;
  argocdUrl?: string;
};

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function conditionsOf(
  status: Record<string, unknown> | undefined,
): GitOpsCondition[] {
  return records(status?.conditions).map(c => ({
    type: str(c.type) ?? 'Unknown',
    status: str(c.status) ?? 'Unknown',
    reason: str(c.reason),
    message: str(c.message),
    lastTransitionTime: str(c.lastTransitionTime),
  }));
}

/** The fields every normalised resource shares. */
export function baseResource(
  object: RawObject,
  origin: ObjectOrigin,
  engine: GitOpsResource['engine'],
  kind: GitOpsResource['kind'],
): Pick<
  GitOpsResource,
  | 'id'
  | 'engine'
  | 'kind'
  | 'apiVersion'
  | 'cluster'
  | 'site'
  | 'namespace'
  | 'name'
  | 'labels'
  | 'component'
> {
  const namespace = object.metadata?.namespace ?? '';
  const name = object.metadata?.name ?? '';
  const labels = object.metadata?.labels ?? {};
  return {
    id: [origin.cluster, engine, kind, namespace, name].join('/'),
    engine,
    kind,
    apiVersion: object.apiVersion ?? '',
    cluster: origin.cluster,
    site: origin.site,
    namespace,
    name,
    labels,
    component: labels[SRC_COMPONENT_LABEL],
  };
}
