import {
  COMPONENT_CATALOGUE,
  ComponentId,
  SiteEnvironment,
  SiteSpec,
  enabledComponents,
} from '@srcnet/plugin-src-gitops-common';
import type { AppProjectObject, ApplicationObject } from './manifests';
import { SiteFile, yamlFile } from './siteFiles';
import { kustomizeFile } from './kustomize';
import { siteLabels } from './labels';
import {
  ARGO_CD,
  argoCdBaseValues,
  argoCdEnvironmentValues,
  baseValues,
  chartVersion,
  environmentValues,
} from './componentValues';
import { clusterConfig } from './clusterConfig';

const IN_CLUSTER = 'https://kubernetes.default.svc';
const ARGOCD_NAMESPACE = ARGO_CD.namespace;
/** The cluster configs (issuers, secret stores) apply after every controller and its CRDs. */
const CLUSTER_CONFIG_WAVE = 10;
const CLUSTER_CONFIG = 'cluster-config';

/** Retry with backoff, as CHSRC runs it: 5 attempts, 5 s doubling up to 3 min. */
const RETRY = {
  limit: 5,
  backoff: { duration: '5s', factor: 2, maxDuration: '3m' },
};

function appsDir(env: SiteEnvironment): string {
  return `argocd-apps/${env.name}`;
}

function application(
  spec: SiteSpec,
  env: SiteEnvironment,
  options: {
    name: string;
    component?: string;
    wave: number;
    sources: NonNullable<ApplicationObject['spec']['sources']>;
    namespace: string;
    syncOptions: string[];
  },
): ApplicationObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: options.name,
      namespace: ARGOCD_NAMESPACE,
      labels: siteLabels(spec.site, {
        environment: env.name,
        component: options.component,
      }),
      annotations: { 'argocd.argoproj.io/sync-wave': String(options.wave) },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: spec.site,
      sources: options.sources,
      destination: { server: IN_CLUSTER, namespace: options.namespace },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: options.syncOptions,
        retry: RETRY,
      },
    },
  };
}

/** A Helm chart Application with its values from this repository (multi-source with `ref`). */
function chartApplication(
  spec: SiteSpec,
  env: SiteEnvironment,
  chart: {
    name: string;
    component: string;
    repoUrl: string;
    chart: string;
    version: string;
    releaseName: string;
    namespace: string;
    wave: number;
  },
): ApplicationObject {
  return application(spec, env, {
    name: chart.name,
    component: chart.component,
    wave: chart.wave,
    namespace: chart.namespace,
    sources: [
      {
        repoURL: chart.repoUrl,
        chart: chart.chart,
        targetRevision: chart.version,
        helm: {
          releaseName: chart.releaseName,
          valueFiles: [
            `$values/apps/${chart.component}/base/values.yaml`,
            `$values/apps/${chart.component}/overlays/${env.name}/values.yaml`,
          ],
        },
      },
      {
        repoURL: spec.repository.url,
        targetRevision: spec.repository.branch,
        ref: 'values',
      },
    ],
    // Server-side apply: CRDs such as cert-manager's exceed the client-side annotation limit.
    syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
  });
}

function appProject(spec: SiteSpec, env: SiteEnvironment): AppProjectObject {
  const chartRepos = enabledComponents(spec.components).map(
    id => COMPONENT_CATALOGUE[id].chart.repoUrl,
  );
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name: spec.site,
      namespace: ARGOCD_NAMESPACE,
      labels: siteLabels(spec.site, { environment: env.name }),
    },
    spec: {
      description: `Platform services of SRC site ${spec.site} (${spec.node})`,
      sourceRepos: [
        spec.repository.url,
        ...(ARGO_CD.chart ? [ARGO_CD.chart.repoUrl] : []),
        ...new Set(chartRepos),
      ],
      destinations: [{ server: IN_CLUSTER, namespace: '*' }],
      clusterResourceWhitelist: [{ group: '*', kind: '*' }],
    },
  };
}

/** The app of apps, applied once by hand; it owns every other file in its folder. */
function appOfApps(spec: SiteSpec, env: SiteEnvironment): ApplicationObject {
  const app = application(spec, env, {
    name: `main-${env.name}`,
    wave: 0,
    namespace: ARGOCD_NAMESPACE,
    sources: [
      {
        repoURL: spec.repository.url,
        targetRevision: spec.repository.branch,
        path: appsDir(env),
        directory: { exclude: 'main.yaml' },
      },
    ],
    syncOptions: [],
  });
  // The app of apps belongs to the default project: it creates the site's project itself.
  app.spec.project = 'default';
  delete app.metadata.annotations;
  return app;
}

function componentFiles(spec: SiteSpec, id: ComponentId): SiteFile[] {
  const entry = COMPONENT_CATALOGUE[id];
  return [
    yamlFile(`apps/${id}/base/values.yaml`, baseValues(spec, id)),
    ...spec.environments.flatMap(env => [
      yamlFile(
        `apps/${id}/overlays/${env.name}/values.yaml`,
        environmentValues(spec, id, env),
      ),
      yamlFile(
        `${appsDir(env)}/${id}.yaml`,
        chartApplication(spec, env, {
          name: id,
          component: id,
          repoUrl: entry.chart.repoUrl,
          chart: entry.chart.name,
          version: chartVersion(spec, id),
          releaseName: entry.releaseName,
          namespace: entry.namespace,
          wave: entry.syncWave,
        }),
      ),
    ]),
  ];
}

function argoCdSelfFiles(spec: SiteSpec): SiteFile[] {
  const chart = ARGO_CD.chart!;
  return [
    yamlFile('apps/argo-cd/base/values.yaml', argoCdBaseValues()),
    ...spec.environments.flatMap(env => [
      yamlFile(
        `apps/argo-cd/overlays/${env.name}/values.yaml`,
        argoCdEnvironmentValues(spec, env),
      ),
      yamlFile(
        `${appsDir(env)}/argo-cd.yaml`,
        chartApplication(spec, env, {
          name: 'argo-cd',
          component: 'argo-cd',
          repoUrl: chart.repoUrl,
          chart: chart.name,
          version: chart.version,
          releaseName: 'argocd',
          namespace: ARGOCD_NAMESPACE,
          wave: -10,
        }),
      ),
    ]),
  ];
}

function clusterConfigFiles(spec: SiteSpec): SiteFile[] {
  const base = `apps/${CLUSTER_CONFIG}/base`;
  return spec.environments.flatMap((env, index) => {
    const config = clusterConfig(
      spec,
      siteLabels(spec.site, {
        environment: env.name,
        component: CLUSTER_CONFIG,
      }),
    );
    const resources = [
      ...(config.issuers.length ? ['cluster-issuers.yaml'] : []),
      ...(config.secretStores.length ? ['cluster-secret-stores.yaml'] : []),
    ];
    if (resources.length === 0) return [];
    // The base is the same for every environment; write it once.
    const baseFiles =
      index === 0
        ? [
            yamlFile(`${base}/kustomization.yaml`, kustomizeFile(resources)),
            ...(config.issuers.length
              ? [yamlFile(`${base}/cluster-issuers.yaml`, ...config.issuers)]
              : []),
            ...(config.secretStores.length
              ? [
                  yamlFile(
                    `${base}/cluster-secret-stores.yaml`,
                    ...config.secretStores,
                  ),
                ]
              : []),
          ]
        : [];
    return [
      ...baseFiles,
      yamlFile(
        `apps/${CLUSTER_CONFIG}/overlays/${env.name}/kustomization.yaml`,
        kustomizeFile(['../../base']),
      ),
      yamlFile(
        `${appsDir(env)}/${CLUSTER_CONFIG}.yaml`,
        application(spec, env, {
          name: CLUSTER_CONFIG,
          component: CLUSTER_CONFIG,
          wave: CLUSTER_CONFIG_WAVE,
          namespace: 'default',
          sources: [
            {
              repoURL: spec.repository.url,
              targetRevision: spec.repository.branch,
              path: `apps/${CLUSTER_CONFIG}/overlays/${env.name}`,
            },
          ],
          // The CRDs arrive in earlier waves; skip the dry run that would fail before they exist.
          syncOptions: ['SkipDryRunOnMissingResource=true'],
        }),
      ),
    ];
  });
}

/** The Argo CD flavour of a site repository, after CHSRC's layout. */
export function renderArgoCdSite(spec: SiteSpec): SiteFile[] {
  return [
    ...spec.environments.flatMap(env => [
      yamlFile(`${appsDir(env)}/main.yaml`, appOfApps(spec, env)),
      yamlFile(`${appsDir(env)}/project.yaml`, appProject(spec, env)),
    ]),
    ...argoCdSelfFiles(spec),
    ...enabledComponents(spec.components).flatMap(id =>
      componentFiles(spec, id),
    ),
    ...clusterConfigFiles(spec),
  ];
}
