/**
 * The component catalogue: every platform service a site repository can deploy, as data.
 *
 * Versions and chart coordinates live here and nowhere else, so a version bump is a one-line
 * change that the renderer, the template form and the fleet view's "differs from pinned" check
 * all pick up.
 */

/** Ids of the components a site may select. The GitOps engines are catalogued separately. */
export const COMPONENT_IDS = [
  'cert-manager',
  'external-dns',
  'ingress-nginx',
  'traefik',
  'external-secrets',
  'vault',
] as const;

/** One component catalogue id. */
export type ComponentId = (typeof COMPONENT_IDS)[number];

/** Where a component's Helm chart comes from. */
export type ChartSource = {
  /** Helm repository URL. */
  repoUrl: string;
  /** Chart name within the repository. */
  name: string;
  /** Pinned chart version. */
  version: string;
  /** The application version the pinned chart ships, for display. */
  appVersion?: string;
};

/**
 * The layer decides ordering: controllers (with their CRDs) are applied before the configs that
 * use those CRDs. Argo CD turns it into sync waves; Flux into dependent Kustomizations.
 */
export type ComponentLayer = 'controllers' | 'configs';

/** A dependency of a component (or of one of its options) on other components. */
export type ComponentRequirement = {
  /** The option that needs the dependency; absent when the component itself needs it. */
  option?: string;
  /** At least one of these components must be selected. */
  anyOf: readonly ComponentId[];
  /** Why, in words a person understands. */
  reason: string;
};

/** A component that can be rendered into a site repository. */
export type CatalogueComponent = {
  id: ComponentId;
  title: string;
  /** What the component does for the site, e.g. `certificates`. */
  role: string;
  description: string;
  chart: ChartSource;
  /** Namespace the chart is installed into. */
  namespace: string;
  /** Helm release name. */
  releaseName: string;
  layer: ComponentLayer;
  /** Argo CD sync wave of the controller Application. */
  syncWave: number;
  /** Whether the component is selected in a new site by default. */
  defaultEnabled: boolean;
  /** Base Helm values, shared by every environment. */
  defaultValues: Record<string, unknown>;
  requires: readonly ComponentRequirement[];
  /** Components that cannot be selected together with this one. */
  conflictsWith: readonly ComponentId[];
  /** A note for the form and the generated README (e.g. upstream retirement). */
  notice?: string;
  /** Links for operators. */
  docsUrl: string;
};

/** The GitOps engine's own entry: what the site bootstraps with. */
export type CatalogueEngine = {
  id: 'argocd' | 'flux';
  title: string;
  namespace: string;
  /** Argo CD is installed from its Helm chart; Flux by `flux bootstrap` at this CLI version. */
  chart?: ChartSource;
  version: string;
  docsUrl: string;
};

export const GITOPS_ENGINE_CATALOGUE: Readonly<
  Record<'argocd' | 'flux', CatalogueEngine>
> = {
  argocd: {
    id: 'argocd',
    title: 'Argo CD',
    namespace: 'argocd',
    chart: {
      repoUrl: 'https://argoproj.github.io/argo-helm',
      name: 'argo-cd',
      version: '9.5.0',
      appVersion: 'v3.4.0',
    },
    version: 'v3.4.0',
    docsUrl: 'https://argo-cd.readthedocs.io/',
  },
  flux: {
    id: 'flux',
    title: 'Flux',
    namespace: 'flux-system',
    version: 'v2.8.0',
    docsUrl: 'https://fluxcd.io/flux/',
  },
};

export const COMPONENT_CATALOGUE: Readonly<
  Record<ComponentId, CatalogueComponent>
> = {
  'cert-manager': {
    id: 'cert-manager',
    title: 'cert-manager',
    role: 'certificates',
    description:
      "Issues TLS certificates from Let's Encrypt (ACME staging and production ClusterIssuers).",
    chart: {
      repoUrl: 'https://charts.jetstack.io',
      name: 'cert-manager',
      version: 'v1.20.0',
      appVersion: 'v1.20.0',
    },
    namespace: 'cert-manager',
    releaseName: 'cert-manager',
    layer: 'controllers',
    syncWave: -2,
    defaultEnabled: true,
    // `crds.enabled` replaced the deprecated `installCRDs`.
    defaultValues: { crds: { enabled: true, keep: true } },
    requires: [
      {
        option: 'issuers',
        anyOf: ['ingress-nginx', 'traefik'],
        reason:
          'the ACME HTTP-01 solver of the ClusterIssuers needs an ingress class',
      },
    ],
    conflictsWith: [],
    docsUrl: 'https://cert-manager.io/docs/',
  },
  'external-dns': {
    id: 'external-dns',
    title: 'external-dns',
    role: 'dns',
    description:
      "Publishes DNS records for the site's Services and Ingresses in the environment's base domain.",
    chart: {
      repoUrl: 'https://kubernetes-sigs.github.io/external-dns/',
      name: 'external-dns',
      version: '1.21.1',
      appVersion: 'v0.21.0',
    },
    namespace: 'external-dns',
    releaseName: 'external-dns',
    layer: 'controllers',
    syncWave: 0,
    defaultEnabled: true,
    defaultValues: { sources: ['service', 'ingress'], registry: 'txt' },
    requires: [],
    conflictsWith: [],
    notice:
      'The gandi provider was removed upstream; use a webhook provider for DNS services without an in-tree provider.',
    docsUrl: 'https://kubernetes-sigs.github.io/external-dns/',
  },
  'ingress-nginx': {
    id: 'ingress-nginx',
    title: 'ingress-nginx',
    role: 'ingress',
    description: 'NGINX Ingress controller (ingress class `nginx`).',
    chart: {
      repoUrl: 'https://kubernetes.github.io/ingress-nginx',
      name: 'ingress-nginx',
      version: '4.15.1',
    },
    namespace: 'ingress-nginx',
    releaseName: 'ingress-nginx',
    layer: 'controllers',
    syncWave: -1,
    defaultEnabled: false,
    defaultValues: {
      controller: {
        ingressClassResource: { name: 'nginx', default: true },
        metrics: { enabled: true },
      },
    },
    requires: [],
    conflictsWith: ['traefik'],
    notice:
      'ingress-nginx is retired upstream and gets no patches after March 2026; prefer Traefik for new sites.',
    docsUrl: 'https://kubernetes.github.io/ingress-nginx/',
  },
  traefik: {
    id: 'traefik',
    title: 'Traefik',
    role: 'ingress',
    description:
      'Traefik ingress controller and Gateway (ingress class `traefik`), already run by CHSRC and UKSRC.',
    chart: {
      repoUrl: 'https://traefik.github.io/charts',
      name: 'traefik',
      version: '37.0.0',
    },
    namespace: 'traefik',
    releaseName: 'traefik',
    layer: 'controllers',
    syncWave: -1,
    defaultEnabled: true,
    defaultValues: {
      ingressClass: { enabled: true, isDefaultClass: true, name: 'traefik' },
      providers: { kubernetesIngress: { enabled: true } },
    },
    requires: [],
    conflictsWith: ['ingress-nginx'],
    docsUrl: 'https://doc.traefik.io/traefik/',
  },
  'external-secrets': {
    id: 'external-secrets',
    title: 'External Secrets Operator',
    role: 'secrets-management',
    description:
      'Syncs secrets from Vault into Kubernetes Secrets (external-secrets.io/v1 API).',
    chart: {
      repoUrl: 'https://charts.external-secrets.io',
      name: 'external-secrets',
      version: '2.10.0',
    },
    namespace: 'external-secrets',
    releaseName: 'external-secrets',
    layer: 'controllers',
    syncWave: 1,
    defaultEnabled: true,
    defaultValues: { installCRDs: true },
    requires: [
      {
        option: 'vaultStore',
        anyOf: ['vault'],
        reason: 'the Vault ClusterSecretStore reads secrets from Vault',
      },
    ],
    conflictsWith: [],
    docsUrl: 'https://external-secrets.io/',
  },
  vault: {
    id: 'vault',
    title: 'Vault',
    role: 'secrets-storage',
    description:
      'HashiCorp Vault with integrated (raft) storage; secrets at the kv-v2 mount `app`.',
    chart: {
      repoUrl: 'https://helm.releases.hashicorp.com',
      name: 'vault',
      version: '0.34.1',
    },
    namespace: 'vault',
    releaseName: 'vault',
    layer: 'controllers',
    syncWave: 0,
    defaultEnabled: true,
    defaultValues: { global: { enabled: true } },
    requires: [],
    conflictsWith: [],
    docsUrl: 'https://developer.hashicorp.com/vault/docs/platform/k8s/helm',
  },
};

/** The catalogue entry of a component id. */
export function getCatalogueComponent(id: ComponentId): CatalogueComponent {
  return COMPONENT_CATALOGUE[id];
}

/** Whether a string is a component catalogue id. */
export function isComponentId(value: string): value is ComponentId {
  return (COMPONENT_IDS as readonly string[]).includes(value);
}

/**
 * The catalogue id of a Helm chart by its name (`vault` -> `vault`, `argo-cd` -> `argo-cd`), so
 * services of sites not rendered by us still line up with the catalogue; `undefined` if unknown.
 */
export function componentForChart(chartName: string): string | undefined {
  const name = chartName.split('/').pop();
  const entry = Object.values(COMPONENT_CATALOGUE).find(
    c => c.chart.name === name,
  );
  if (entry) return entry.id;
  if (name === GITOPS_ENGINE_CATALOGUE.argocd.chart?.name) return name;
  return undefined;
}
