/** A Kubernetes resource type the simulator serves. */
export type ResourceType = {
  group: string;
  version: string;
  plural: string;
  kind: string;
  singular: string;
  shortNames?: string[];
};

/** Served API versions of a simulated cluster: GA Flux, or the betas older sites still run. */
export type ApiGeneration = 'ga' | 'beta';

const ARGO: ResourceType[] = [
  {
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'applications',
    kind: 'Application',
    singular: 'application',
    shortNames: ['app', 'apps'],
  },
  {
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'appprojects',
    kind: 'AppProject',
    singular: 'appproject',
    shortNames: ['appproj'],
  },
];

function flux(generation: ApiGeneration): ResourceType[] {
  const source = generation === 'ga' ? 'v1' : 'v1beta2';
  return [
    {
      group: 'kustomize.toolkit.fluxcd.io',
      version: generation === 'ga' ? 'v1' : 'v1beta1',
      plural: 'kustomizations',
      kind: 'Kustomization',
      singular: 'kustomization',
      shortNames: ['ks'],
    },
    {
      group: 'helm.toolkit.fluxcd.io',
      version: generation === 'ga' ? 'v2' : 'v2beta1',
      plural: 'helmreleases',
      kind: 'HelmRelease',
      singular: 'helmrelease',
      shortNames: ['hr'],
    },
    {
      group: 'source.toolkit.fluxcd.io',
      version: source,
      plural: 'gitrepositories',
      kind: 'GitRepository',
      singular: 'gitrepository',
      shortNames: ['gitrepo'],
    },
    {
      group: 'source.toolkit.fluxcd.io',
      version: source,
      plural: 'helmrepositories',
      kind: 'HelmRepository',
      singular: 'helmrepository',
      shortNames: ['helmrepo'],
    },
    {
      group: 'source.toolkit.fluxcd.io',
      version: source,
      plural: 'ocirepositories',
      kind: 'OCIRepository',
      singular: 'ocirepository',
      shortNames: ['ocirepo'],
    },
  ];
}

/** The resource types a cluster serves for its engine and API generation. */
export function servedResources(
  engine: 'argocd' | 'flux',
  generation: ApiGeneration,
): ResourceType[] {
  return engine === 'argocd' ? ARGO : flux(generation);
}

export function apiVersionOf(type: ResourceType): string {
  return `${type.group}/${type.version}`;
}
