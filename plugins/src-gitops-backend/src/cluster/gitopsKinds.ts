import { GitOpsEngine, GitOpsKind } from '@srcnet/plugin-src-gitops-common';

/** A GitOps object type and the API versions that serve it, most preferred first. */
export type GitOpsKindSpec = {
  engine: GitOpsEngine;
  kind: GitOpsKind;
  group: string;
  plural: string;
  versions: string[];
};

/** GA versions first; the betas older sites (ESPSRC) still run after them. */
export const GITOPS_KINDS: GitOpsKindSpec[] = [
  {
    engine: 'argocd',
    kind: 'Application',
    group: 'argoproj.io',
    plural: 'applications',
    versions: ['v1alpha1'],
  },
  {
    engine: 'flux',
    kind: 'Kustomization',
    group: 'kustomize.toolkit.fluxcd.io',
    plural: 'kustomizations',
    versions: ['v1', 'v1beta2', 'v1beta1'],
  },
  {
    engine: 'flux',
    kind: 'HelmRelease',
    group: 'helm.toolkit.fluxcd.io',
    plural: 'helmreleases',
    versions: ['v2', 'v2beta2', 'v2beta1'],
  },
  {
    engine: 'flux',
    kind: 'GitRepository',
    group: 'source.toolkit.fluxcd.io',
    plural: 'gitrepositories',
    versions: ['v1', 'v1beta2', 'v1beta1'],
  },
  {
    engine: 'flux',
    kind: 'HelmRepository',
    group: 'source.toolkit.fluxcd.io',
    plural: 'helmrepositories',
    versions: ['v1', 'v1beta2', 'v1beta1'],
  },
  {
    engine: 'flux',
    kind: 'OCIRepository',
    group: 'source.toolkit.fluxcd.io',
    plural: 'ocirepositories',
    versions: ['v1', 'v1beta2'],
  },
];

/** A GitOps kind as a cluster serves it. */
export type ServedKind = GitOpsKindSpec & { version: string };

type ApiGroupList = {
  groups?: Array<{ name: string; versions?: Array<{ version: string }> }>;
};

/**
 * The GitOps kinds a cluster serves, each at the most preferred version it offers, from its
 * `/apis` discovery document. Pure.
 */
export function servedKinds(
  discovery: ApiGroupList,
  options: { argocd: boolean; flux: boolean },
): ServedKind[] {
  const served = new Map<string, Set<string>>();
  for (const group of discovery.groups ?? []) {
    served.set(group.name, new Set((group.versions ?? []).map(v => v.version)));
  }
  const result: ServedKind[] = [];
  for (const spec of GITOPS_KINDS) {
    if (!options[spec.engine]) continue;
    const version = spec.versions.find(v => served.get(spec.group)?.has(v));
    if (version) result.push({ ...spec, version });
  }
  return result;
}

/** The collection path of a kind in some namespaces, or all of them. */
export function collectionPath(kind: ServedKind, namespace?: string): string {
  return namespace
    ? `/apis/${kind.group}/${kind.version}/namespaces/${encodeURIComponent(
        namespace,
      )}/${kind.plural}`
    : `/apis/${kind.group}/${kind.version}/${kind.plural}`;
}

/** The path of one object. */
export function objectPath(
  kind: ServedKind,
  namespace: string,
  name: string,
): string {
  return `${collectionPath(kind, namespace)}/${encodeURIComponent(name)}`;
}
