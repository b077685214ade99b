import {
  COMPONENT_CATALOGUE,
  ComponentId,
  GITOPS_ENGINE_CATALOGUE,
  SiteEnvironment,
  SiteSpec,
} from '@srcnet/plugin-src-gitops-common';

type Values = Record<string, unknown>;

/** The ingress class the site's ingress controller provides, if any. */
export function siteIngressClass(spec: SiteSpec): string | undefined {
  if (spec.components.traefik?.enabled) return 'traefik';
  if (spec.components['ingress-nginx']?.enabled) return 'nginx';
  return undefined;
}

/** The chart version to deploy: the spec's override, else the catalogue's pin. */
export function chartVersion(spec: SiteSpec, id: ComponentId): string {
  return spec.components[id]?.version ?? COMPONENT_CATALOGUE[id].chart.version;
}

/** external-dns' registry owner id: one per cluster, so two clusters never fight over records. */
export function txtOwnerId(spec: SiteSpec, env: SiteEnvironment): string {
  return `${spec.site}-${env.name}`;
}

function ingressFor(spec: SiteSpec, host: string): Values | undefined {
  const ingressClassName = siteIngressClass(spec);
  if (!ingressClassName) return undefined;
  const tls =
    spec.components['cert-manager']?.enabled &&
    spec.components['cert-manager'].issuers;
  return {
    enabled: true,
    ingressClassName,
    hosts: [host],
    ...(tls
      ? {
          annotations: {
            'cert-manager.io/cluster-issuer': 'letsencrypt-prod',
          },
          tls: [{ secretName: `${host.split('.')[0]}-tls`, hosts: [host] }],
        }
      : {}),
  };
}

/** Helm values shared by every environment of a site. */
export function baseValues(spec: SiteSpec, id: ComponentId): Values {
  const defaults = COMPONENT_CATALOGUE[id].defaultValues;
  switch (id) {
    case 'external-dns': {
      const options = spec.components['external-dns']!;
      return {
        ...defaults,
        policy: options.policy,
        provider:
          options.provider === 'webhook' && options.webhookImage
            ? {
                name: 'webhook',
                webhook: { image: imageValues(options.webhookImage) },
              }
            : { name: options.provider },
      };
    }
    case 'vault': {
      const options = spec.components.vault!;
      return {
        ...defaults,
        server: {
          ha: {
            enabled: options.ha,
            replicas: options.ha ? options.replicas : 1,
            raft: { enabled: options.ha, setNodeId: true },
          },
          dataStorage: { enabled: true, size: '10Gi' },
        },
        ui: { enabled: options.ui },
        injector: { enabled: options.injector },
      };
    }
    default:
      return { ...defaults };
  }
}

/** Helm values of one environment (one cluster), layered over the base values. */
export function environmentValues(
  spec: SiteSpec,
  id: ComponentId,
  env: SiteEnvironment,
): Values {
  switch (id) {
    case 'external-dns':
      return {
        txtOwnerId: txtOwnerId(spec, env),
        domainFilters: [env.baseDomain],
      };
    case 'ingress-nginx':
      return {
        controller: {
          replicaCount: spec.components['ingress-nginx']!.replicas,
        },
      };
    case 'traefik':
      return { deployment: { replicas: spec.components.traefik!.replicas } };
    case 'vault': {
      const ingress = ingressFor(spec, `vault.${env.baseDomain}`);
      return ingress
        ? {
            server: {
              ingress: {
                ...ingress,
                hosts: [{ host: `vault.${env.baseDomain}`, paths: [] }],
              },
            },
          }
        : {};
    }
    default:
      return {};
  }
}

/** Values of Argo CD's own chart when it manages itself. */
export function argoCdBaseValues(): Values {
  return {
    configs: {
      cm: {
        // Lets Applications render charts through Kustomize `helmCharts:` (CHSRC's pattern).
        'kustomize.buildOptions': '--enable-helm',
        'application.resourceTrackingMethod': 'annotation',
      },
      params: { 'server.insecure': false },
    },
  };
}

export function argoCdEnvironmentValues(
  spec: SiteSpec,
  env: SiteEnvironment,
): Values {
  const host = `argocd.${env.baseDomain}`;
  const ingress = ingressFor(spec, host);
  return {
    global: { domain: host },
    ...(ingress
      ? {
          server: {
            ingress: {
              enabled: true,
              ingressClassName: ingress.ingressClassName,
              ...(ingress.annotations
                ? { annotations: ingress.annotations, tls: true }
                : {}),
            },
          },
        }
      : {}),
  };
}

export const ARGO_CD = GITOPS_ENGINE_CATALOGUE.argocd;

function imageValues(image: string): Values {
  const at = image.lastIndexOf(':');
  const slash = image.lastIndexOf('/');
  if (at > slash) {
    return { repository: image.slice(0, at), tag: image.slice(at + 1) };
  }
  return { repository: image };
}
