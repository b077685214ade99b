import {
  COMPONENT_CATALOGUE,
  ComponentId,
  SiteEnvironment,
  SiteSpec,
  enabledComponents,
} from '@srcnet/plugin-src-gitops-common';
import type {
  FluxKustomizationObject,
  HelmReleaseObject,
  HelmRepositoryObject,
  NamespaceObject,
} from './manifests';
import { SiteFile, yamlFile } from './siteFiles';
import { kustomizeFile } from './kustomize';
import { siteLabels } from './labels';
import { baseValues, chartVersion, environmentValues } from './componentValues';
import { clusterConfig } from './clusterConfig';

const FLUX_NAMESPACE = 'flux-system';
/** `flux bootstrap` creates this GitRepository for the site repository itself. */
const BOOTSTRAP_SOURCE = {
  kind: 'GitRepository' as const,
  name: 'flux-system',
};

/** The Flux Kustomization chain: controllers (with CRDs) -> configs -> apps. */
const LAYERS = {
  controllers: 'infra-controllers',
  configs: 'infra-configs',
  apps: 'apps',
} as const;

function kustomization(
  spec: SiteSpec,
  env: SiteEnvironment,
  options: { name: string; path: string; dependsOn?: string; wait: boolean },
): FluxKustomizationObject {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: {
      name: options.name,
      namespace: FLUX_NAMESPACE,
      labels: siteLabels(spec.site, { environment: env.name }),
    },
    spec: {
      ...(options.dependsOn
        ? { dependsOn: [{ name: options.dependsOn }] }
        : {}),
      interval: '1h',
      retryInterval: '1m',
      timeout: '5m',
      sourceRef: BOOTSTRAP_SOURCE,
      path: options.path,
      prune: true,
      wait: options.wait,
    },
  };
}

function controllerObjects(
  spec: SiteSpec,
  id: ComponentId,
): [NamespaceObject, HelmRepositoryObject, HelmReleaseObject] {
  const entry = COMPONENT_CATALOGUE[id];
  const labels = siteLabels(spec.site);
  const componentLabels = siteLabels(spec.site, { component: id });
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: entry.namespace, labels },
    },
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'HelmRepository',
      metadata: {
        name: id,
        namespace: entry.namespace,
        labels: componentLabels,
      },
      spec: { interval: '24h', url: entry.chart.repoUrl },
    },
    {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: {
        name: id,
        namespace: entry.namespace,
        labels: componentLabels,
      },
      spec: {
        interval: '30m',
        releaseName: entry.releaseName,
        chart: {
          spec: {
            chart: entry.chart.name,
            version: chartVersion(spec, id),
            sourceRef: { kind: 'HelmRepository', name: id },
            interval: '12h',
          },
        },
        install: { crds: 'CreateReplace', remediation: { retries: 3 } },
        upgrade: { crds: 'CreateReplace', remediation: { retries: 3 } },
        values: baseValues(spec, id),
      },
    },
  ];
}

/** A strategic-merge patch of one HelmRelease's values for one environment. */
function valuesPatch(
  spec: SiteSpec,
  id: ComponentId,
  env: SiteEnvironment,
): HelmReleasePatch {
  const entry = COMPONENT_CATALOGUE[id];
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: {
      name: id,
      namespace: entry.namespace,
      labels: siteLabels(spec.site, { environment: env.name, component: id }),
    },
    spec: { values: environmentValues(spec, id, env) },
  };
}

/** Patches are partial objects by design; they are not validated as whole HelmReleases. */
type HelmReleasePatch = {
  apiVersion: 'helm.toolkit.fluxcd.io/v2';
  kind: 'HelmRelease';
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: { values: Record<string, unknown> };
};

function controllersFiles(spec: SiteSpec): SiteFile[] {
  const components = enabledComponents(spec.components);
  return [
    yamlFile(
      'infrastructure/controllers/base/kustomization.yaml',
      kustomizeFile(components.map(id => `${id}.yaml`)),
    ),
    ...components.map(id =>
      yamlFile(
        `infrastructure/controllers/base/${id}.yaml`,
        ...controllerObjects(spec, id),
      ),
    ),
    ...spec.environments.flatMap(env => [
      yamlFile(
        `infrastructure/controllers/${env.name}/kustomization.yaml`,
        kustomizeFile(
          ['../base'],
          components.map(id => ({
            path: `${id}-values.yaml`,
            target: { kind: 'HelmRelease', name: id },
          })),
        ),
      ),
      ...components.map(id =>
        yamlFile(
          `infrastructure/controllers/${env.name}/${id}-values.yaml`,
          valuesPatch(spec, id, env),
        ),
      ),
    ]),
  ];
}

function configsFiles(spec: SiteSpec): SiteFile[] {
  const config = clusterConfig(
    spec,
    siteLabels(spec.site, { component: 'cluster-config' }),
  );
  const resources = [
    ...(config.issuers.length ? ['cluster-issuers.yaml'] : []),
    ...(config.secretStores.length ? ['cluster-secret-stores.yaml'] : []),
  ];
  return [
    yamlFile(
      'infrastructure/configs/base/kustomization.yaml',
      kustomizeFile(resources),
    ),
    ...(config.issuers.length
      ? [
          yamlFile(
            'infrastructure/configs/base/cluster-issuers.yaml',
            ...config.issuers,
          ),
        ]
      : []),
    ...(config.secretStores.length
      ? [
          yamlFile(
            'infrastructure/configs/base/cluster-secret-stores.yaml',
            ...config.secretStores,
          ),
        ]
      : []),
    ...spec.environments.map(env =>
      yamlFile(
        `infrastructure/configs/${env.name}/kustomization.yaml`,
        kustomizeFile(['../base']),
      ),
    ),
  ];
}

function clusterFiles(spec: SiteSpec): SiteFile[] {
  return spec.environments.flatMap(env => [
    yamlFile(
      `clusters/${env.name}/infrastructure.yaml`,
      kustomization(spec, env, {
        name: LAYERS.controllers,
        path: `./infrastructure/controllers/${env.name}`,
        wait: true,
      }),
      kustomization(spec, env, {
        name: LAYERS.configs,
        path: `./infrastructure/configs/${env.name}`,
        dependsOn: LAYERS.controllers,
        wait: true,
      }),
    ),
    yamlFile(
      `clusters/${env.name}/apps.yaml`,
      kustomization(spec, env, {
        name: LAYERS.apps,
        path: `./apps/${env.name}`,
        dependsOn: LAYERS.configs,
        wait: false,
      }),
    ),
    // The site's own applications go here; it starts empty.
    yamlFile(`apps/${env.name}/kustomization.yaml`, kustomizeFile([])),
  ]);
}

/** The Flux flavour of a site repository, after the flux2-kustomize-helm-example layout. */
export function renderFluxSite(spec: SiteSpec): SiteFile[] {
  return [
    ...clusterFiles(spec),
    ...controllersFiles(spec),
    ...configsFiles(spec),
  ];
}
