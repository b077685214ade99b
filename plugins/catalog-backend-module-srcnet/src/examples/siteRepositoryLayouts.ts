import { stringify } from 'yaml';
import { RepoFile } from '../siteRepository/types';

/**
 * Site repositories in the layouts real SRC sites use (CHSRC on Argo CD, UKSRC and ESPSRC on Flux),
 * built as objects and serialised: the embedded default's example site repositories, and the
 * fixtures of the ingestion tests and the search benchmark.
 */

type Doc = Record<string, unknown>;

const yamlFile = (path: string, ...docs: Doc[]): RepoFile => ({
  path,
  content: docs.map(d => stringify(d)).join('---\n'),
});

const kustomization = (spec: Doc): Doc => ({
  apiVersion: 'kustomize.config.k8s.io/v1beta1',
  kind: 'Kustomization',
  ...spec,
});

const SYNC_POLICY = {
  automated: { prune: true, selfHeal: true },
  syncOptions: ['CreateNamespace=true'],
  retry: {
    limit: 5,
    backoff: { duration: '5s', factor: 2, maxDuration: '3m' },
  },
};

/** CHSRC, Argo CD: apps of apps per environment, Kustomize helmCharts, multi-source, an ApplicationSet. */
export function chsrcRepository(
  options: { repoUrl?: string } = {},
): RepoFile[] {
  const repoUrl =
    options.repoUrl ?? 'https://gitlab.com/ska-telescope/src/chsrc/gitops.git';
  const files: RepoFile[] = [];
  const certManagerVersion: Record<string, string> = {
    dev: 'v1.20.0',
    prod: 'v1.19.2',
  };
  const vaultVersion: Record<string, string> = {
    dev: '0.34.1',
    prod: '0.28.0',
  };
  files.push(
    yamlFile(
      'apps/cert-manager/base/kustomization.yaml',
      kustomization({ resources: ['cluster-issuer.yaml'] }),
    ),
    yamlFile('apps/cert-manager/base/cluster-issuer.yaml', {
      apiVersion: 'cert-manager.io/v1',
      kind: 'ClusterIssuer',
      metadata: { name: 'letsencrypt-prod' },
      spec: {
        acme: {
          server: 'https://acme-v02.api.letsencrypt.org/directory',
          privateKeySecretRef: { name: 'le' },
        },
      },
    }),
    yamlFile('apps/vault/base/values.yaml', {
      server: { ha: { enabled: true } },
    }),
  );
  for (const env of ['dev', 'prod']) {
    files.push(
      yamlFile(`argocd-apps/${env}/main.yaml`, {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: {
          name: `main-${env}`,
          namespace: 'argocd',
          finalizers: ['resources-finalizer.argocd.argoproj.io'],
        },
        spec: {
          project: 'default',
          source: {
            repoURL: repoUrl,
            targetRevision: 'main',
            path: `argocd-apps/${env}`,
            directory: { exclude: 'main.yaml' },
          },
          destination: {
            server: 'https://kubernetes.default.svc',
            namespace: 'argocd',
          },
          syncPolicy: SYNC_POLICY,
        },
      }),
      yamlFile(
        `apps/cert-manager/overlays/${env}/kustomization.yaml`,
        kustomization({
          namespace: 'cert-manager',
          resources: ['../../base'],
          helmCharts: [
            {
              name: 'cert-manager',
              repo: 'https://charts.jetstack.io',
              version: certManagerVersion[env],
              releaseName: 'cert-manager',
              valuesFile: 'values.yaml',
            },
          ],
        }),
      ),
      yamlFile(`apps/cert-manager/overlays/${env}/values.yaml`, {
        crds: { enabled: true },
      }),
      yamlFile(`argocd-apps/${env}/cert-manager.yaml`, {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'cert-manager', namespace: 'argocd' },
        spec: {
          project: 'default',
          source: {
            repoURL: repoUrl,
            targetRevision: 'main',
            path: `apps/cert-manager/overlays/${env}`,
          },
          destination: {
            server: 'https://kubernetes.default.svc',
            namespace: 'cert-manager',
          },
          syncPolicy: SYNC_POLICY,
        },
      }),
      yamlFile(`apps/vault/overlays/${env}/values.yaml`, {
        server: { ha: { replicas: env === 'prod' ? 3 : 1 } },
      }),
      yamlFile(`argocd-apps/${env}/vault.yaml`, {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'vault', namespace: 'argocd' },
        spec: {
          project: 'default',
          sources: [
            {
              repoURL: 'https://helm.releases.hashicorp.com',
              chart: 'vault',
              targetRevision: vaultVersion[env],
              helm: {
                valueFiles: [
                  '$values/apps/vault/base/values.yaml',
                  `$values/apps/vault/overlays/${env}/values.yaml`,
                ],
              },
            },
            { repoURL: repoUrl, targetRevision: 'main', ref: 'values' },
          ],
          destination: {
            server: 'https://kubernetes.default.svc',
            namespace: 'vault',
          },
          syncPolicy: SYNC_POLICY,
        },
      }),
    );
  }
  // external-dns as a single-source Helm Application, prod only
  files.push(
    yamlFile('argocd-apps/prod/external-dns.yaml', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'external-dns', namespace: 'argocd' },
      spec: {
        project: 'default',
        source: {
          repoURL: 'https://kubernetes-sigs.github.io/external-dns/',
          chart: 'external-dns',
          targetRevision: '1.21.1',
          helm: {
            values: stringify({
              provider: { name: 'webhook' },
              policy: 'sync',
              txtOwnerId: 'chsrc-prod',
            }),
          },
        },
        destination: {
          server: 'https://kubernetes.default.svc',
          namespace: 'external-dns',
        },
      },
    }),
    // The ingress and secrets controllers come from one ApplicationSet with a list generator.
    yamlFile('argocd-apps/prod/addons.yaml', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: { name: 'addons', namespace: 'argocd' },
      spec: {
        generators: [
          {
            list: {
              elements: [
                {
                  name: 'traefik',
                  repo: 'https://traefik.github.io/charts',
                  version: '37.0.0',
                  namespace: 'traefik',
                },
                {
                  name: 'external-secrets',
                  repo: 'https://charts.external-secrets.io',
                  version: '0.9.20',
                  namespace: 'external-secrets',
                },
              ],
            },
          },
        ],
        template: {
          metadata: { name: '{{name}}' },
          spec: {
            project: 'default',
            source: {
              repoURL: '{{repo}}',
              chart: '{{name}}',
              targetRevision: '{{version}}',
            },
            destination: {
              server: 'https://kubernetes.default.svc',
              namespace: '{{namespace}}',
            },
          },
        },
      },
    }),
  );
  return files;
}

const gitRepositoryDoc = (apiVersion: string, url: string): Doc => ({
  apiVersion,
  kind: 'GitRepository',
  metadata: { name: 'flux-system', namespace: 'flux-system' },
  spec: { interval: '1m', ref: { branch: 'main' }, url },
});

const fluxKustomization = (
  apiVersion: string,
  name: string,
  path: string,
  extra: Doc = {},
): Doc => ({
  apiVersion,
  kind: 'Kustomization',
  metadata: { name, namespace: 'flux-system' },
  spec: {
    interval: '10m',
    path,
    prune: true,
    sourceRef: { kind: 'GitRepository', name: 'flux-system' },
    ...extra,
  },
});

const helmRepository = (
  apiVersion: string,
  name: string,
  url: string,
): Doc => ({
  apiVersion,
  kind: 'HelmRepository',
  metadata: { name, namespace: 'flux-system' },
  spec: { interval: '24h', url },
});

const helmRelease = (
  apiVersion: string,
  name: string,
  namespace: string,
  chart: string,
  version: string,
  source: string,
): Doc => ({
  apiVersion,
  kind: 'HelmRelease',
  metadata: { name, namespace },
  spec: {
    interval: '30m',
    chart: {
      spec: {
        chart,
        version,
        sourceRef: {
          kind: 'HelmRepository',
          name: source,
          namespace: 'flux-system',
        },
      },
    },
  },
});

/**
 * UKSRC, Flux: `clusters/<name>/`, shared `components/`, `infra/<x>/{base,overlays/<site>}` and
 * `apps/<app>/{base,overlays/<site>}`, with JSON 6902 and strategic merge patches and post-build
 * substitution.
 */
export function uksrcRepository(): RepoFile[] {
  const K = 'kustomize.toolkit.fluxcd.io/v1';
  const H = 'helm.toolkit.fluxcd.io/v2';
  const S = 'source.toolkit.fluxcd.io/v1';
  const files: RepoFile[] = [
    yamlFile(
      'components/cert-manager/helm-repository.yaml',
      helmRepository(S, 'jetstack', 'https://charts.jetstack.io'),
    ),
    yamlFile(
      'components/cert-manager/kustomization.yaml',
      kustomization({ resources: ['helm-repository.yaml'] }),
    ),
    yamlFile(
      'components/traefik/helm-repository.yaml',
      helmRepository(S, 'traefik', 'https://traefik.github.io/charts'),
    ),
    yamlFile(
      'components/jupyterhub/helm-repository.yaml',
      helmRepository(S, 'jupyterhub', 'https://hub.jupyter.org/helm-chart/'),
    ),
    yamlFile(
      'infra/cert-manager/base/kustomization.yaml',
      kustomization({
        resources: ['../../../components/cert-manager', 'helm-release.yaml'],
      }),
    ),
    yamlFile(
      'infra/cert-manager/base/helm-release.yaml',
      helmRelease(
        H,
        'cert-manager',
        'cert-manager',
        'cert-manager',
        'v1.18.0',
        'jetstack',
      ),
    ),
    yamlFile(
      'infra/traefik/base/kustomization.yaml',
      kustomization({
        resources: ['../../../components/traefik', 'helm-release.yaml'],
      }),
    ),
    yamlFile(
      'infra/traefik/base/helm-release.yaml',
      helmRelease(H, 'traefik', 'traefik', 'traefik', '36.3.0', 'traefik'),
    ),
    yamlFile(
      'apps/jupyterhub/base/kustomization.yaml',
      kustomization({
        resources: ['../../../components/jupyterhub', 'helm-release.yaml'],
      }),
    ),
    yamlFile(
      'apps/jupyterhub/base/helm-release.yaml',
      helmRelease(
        H,
        'jupyterhub',
        'jupyterhub',
        'jupyterhub',
        '${jupyterhub_version}',
        'jupyterhub',
      ),
    ),
  ];
  const sites: Record<
    string,
    { certManager: string; traefik: string; jupyterhub: string }
  > = {
    'ral-prod': {
      certManager: 'v1.20.0',
      traefik: '37.0.0',
      jupyterhub: '4.2.0',
    },
    'cam-preprod': {
      certManager: 'v1.19.2',
      traefik: '36.3.0',
      jupyterhub: '4.3.0',
    },
  };
  for (const [site, v] of Object.entries(sites)) {
    files.push(
      yamlFile(
        `clusters/${site}/flux-system/gotk-sync.yaml`,
        gitRepositoryDoc(
          S,
          'ssh://git@gitlab.com/ska-telescope/src/uksrc/gitops',
        ),
        fluxKustomization(K, 'flux-system', `./clusters/${site}`),
      ),
      yamlFile(
        `clusters/${site}/flux-system/kustomization.yaml`,
        kustomization({ resources: ['gotk-sync.yaml'] }),
      ),
      yamlFile(
        `clusters/${site}/infra.yaml`,
        fluxKustomization(
          K,
          'cert-manager',
          `./infra/cert-manager/overlays/${site}`,
          { wait: true },
        ),
        fluxKustomization(K, 'traefik', `./infra/traefik/overlays/${site}`, {
          dependsOn: [{ name: 'cert-manager' }],
        }),
      ),
      yamlFile(
        `clusters/${site}/apps.yaml`,
        fluxKustomization(
          K,
          'jupyterhub',
          `./apps/jupyterhub/overlays/${site}`,
          {
            dependsOn: [{ name: 'traefik' }],
            postBuild: { substitute: { jupyterhub_version: v.jupyterhub } },
          },
        ),
      ),
      // cert-manager: an inline JSON 6902 patch of the chart version
      yamlFile(
        `infra/cert-manager/overlays/${site}/kustomization.yaml`,
        kustomization({
          resources: ['../../base'],
          patches: [
            {
              target: { kind: 'HelmRelease', name: 'cert-manager' },
              patch: stringify([
                {
                  op: 'replace',
                  path: '/spec/chart/spec/version',
                  value: v.certManager,
                },
              ]),
            },
          ],
        }),
      ),
      // traefik: a strategic merge patch file
      yamlFile(
        `infra/traefik/overlays/${site}/kustomization.yaml`,
        kustomization({
          resources: ['../../base'],
          patches: [{ path: 'version.yaml' }],
        }),
      ),
      yamlFile(`infra/traefik/overlays/${site}/version.yaml`, {
        apiVersion: H,
        kind: 'HelmRelease',
        metadata: { name: 'traefik', namespace: 'traefik' },
        spec: { chart: { spec: { version: v.traefik } } },
      }),
      yamlFile(
        `apps/jupyterhub/overlays/${site}/kustomization.yaml`,
        kustomization({ resources: ['../../base'] }),
      ),
    );
  }
  return files;
}

/**
 * ESPSRC, Flux on the beta APIs, in Flux's reference layout: `clusters/<env>/`,
 * `infrastructure/controllers/`, `apps/base/` and `apps/<env>/`, one chart from an OCIRepository.
 */
export function espsrcRepository(): RepoFile[] {
  const K = 'kustomize.toolkit.fluxcd.io/v1beta2';
  const H = 'helm.toolkit.fluxcd.io/v2beta1';
  const S = 'source.toolkit.fluxcd.io/v1beta2';
  return [
    yamlFile(
      'clusters/production/flux-system/gotk-sync.yaml',
      gitRepositoryDoc(S, 'https://github.com/espsrc/gitops'),
      fluxKustomization(K, 'flux-system', './clusters/production'),
    ),
    yamlFile(
      'clusters/production/infrastructure.yaml',
      fluxKustomization(
        K,
        'infra-controllers',
        './infrastructure/controllers',
        { wait: true },
      ),
    ),
    yamlFile(
      'clusters/production/apps.yaml',
      fluxKustomization(K, 'apps', './apps/production', {
        dependsOn: [{ name: 'infra-controllers' }],
      }),
    ),
    yamlFile(
      'infrastructure/controllers/kustomization.yaml',
      kustomization({
        resources: [
          'cert-manager.yaml',
          'ingress-nginx.yaml',
          'external-secrets.yaml',
        ],
      }),
    ),
    yamlFile(
      'infrastructure/controllers/cert-manager.yaml',
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'cert-manager' },
      },
      helmRepository(S, 'jetstack', 'https://charts.jetstack.io'),
      helmRelease(
        H,
        'cert-manager',
        'cert-manager',
        'cert-manager',
        'v1.15.1',
        'jetstack',
      ),
    ),
    yamlFile(
      'infrastructure/controllers/ingress-nginx.yaml',
      helmRepository(
        S,
        'ingress-nginx',
        'https://kubernetes.github.io/ingress-nginx',
      ),
      helmRelease(
        'helm.toolkit.fluxcd.io/v2beta2',
        'ingress-nginx',
        'ingress-nginx',
        'ingress-nginx',
        '4.14.3',
        'ingress-nginx',
      ),
    ),
    yamlFile(
      'infrastructure/controllers/external-secrets.yaml',
      {
        apiVersion: S,
        kind: 'OCIRepository',
        metadata: { name: 'external-secrets', namespace: 'flux-system' },
        spec: {
          interval: '12h',
          url: 'oci://ghcr.io/external-secrets/charts/external-secrets',
          ref: { tag: '0.10.4' },
        },
      },
      {
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        metadata: { name: 'external-secrets', namespace: 'external-secrets' },
        spec: {
          interval: '1h',
          chartRef: {
            kind: 'OCIRepository',
            name: 'external-secrets',
            namespace: 'flux-system',
          },
        },
      },
    ),
    yamlFile(
      'apps/base/vault/kustomization.yaml',
      kustomization({ namespace: 'vault', resources: ['release.yaml'] }),
    ),
    yamlFile(
      'apps/base/vault/release.yaml',
      helmRepository(S, 'hashicorp', 'https://helm.releases.hashicorp.com'),
      helmRelease(H, 'vault', 'default', 'vault', '0.28.0', 'hashicorp'),
    ),
    yamlFile(
      'apps/production/kustomization.yaml',
      kustomization({ resources: ['../base/vault'] }),
    ),
  ];
}
