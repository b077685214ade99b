import { parseAllDocuments } from 'yaml';
import {
  parseSiteSpec,
  SRC_COMPONENT_LABEL,
  SRC_SITE_LABEL,
} from '@srcnet/plugin-src-gitops-common';
import { renderSite } from '@srcnet/plugin-scaffolder-backend-module-src-gitops';
import { ClusterStore, KubeObject } from './clusterStore';
import { ApiGeneration, servedResources } from './resources';
import { fakeSha, seededRandom } from './random';

/** What a simulated cluster looks like. */
export type SimClusterSpec = {
  name: string;
  site: string;
  node: string;
  engine: 'argocd' | 'flux';
  environment: string;
  apiGeneration: ApiGeneration;
  /** GitOps objects to hold (rendered ones plus site services to pad up to it). */
  objects: number;
  /** `healthy`, or a problem the site shows: `degraded`, `progressing`, `drift`, `suspended`. */
  scenario: 'healthy' | 'degraded' | 'progressing' | 'drift' | 'suspended';
};

/** Local services SRC sites run (Site Capabilities API types), used to pad clusters. */
const SITE_SERVICES = [
  'jupyterhub',
  'binderhub',
  'dask',
  'ingest',
  'soda-sync',
  'soda-async',
  'gatekeeper',
  'monitoring',
  'perfsonar',
  'canfar',
  'carta',
  'echo',
];

const PLURAL: Record<string, string> = {
  Application: 'applications',
  AppProject: 'appprojects',
  Kustomization: 'kustomizations',
  HelmRelease: 'helmreleases',
  GitRepository: 'gitrepositories',
  HelmRepository: 'helmrepositories',
  OCIRepository: 'ocirepositories',
};

/** How the object that shows a site's problem looks in each scenario. */
const ARGO_STATE: Partial<
  Record<SimClusterSpec['scenario'], 'Degraded' | 'Progressing' | 'Suspended'>
> = {
  degraded: 'Degraded',
  progressing: 'Progressing',
  suspended: 'Suspended',
};
const FLUX_READY: Partial<
  Record<SimClusterSpec['scenario'], 'False' | 'Unknown'>
> = {
  degraded: 'False',
  progressing: 'Unknown',
};
const READY_REASON = {
  True: 'ReconciliationSucceeded',
  False: 'InstallFailed',
  Unknown: 'Progressing',
};
const READY_MESSAGE = {
  False: 'Helm install failed: context deadline exceeded',
  Unknown: 'Reconciliation in progress',
};

function now(offsetSeconds = 0): string {
  return new Date(Date.now() - offsetSeconds * 1000).toISOString();
}

/** The GitOps objects our site renderer generates for this cluster's site and environment. */
function renderedObjects(spec: SimClusterSpec): KubeObject[] {
  const site = renderSite(
    parseSiteSpec({
      node: spec.node,
      site: spec.site,
      owner: 'group:default/srcnet-operations',
      environments: [
        {
          name: spec.environment,
          cluster: spec.name,
          baseDomain: `${spec.environment}.${spec.site}.example.org`,
        },
      ],
      acmeEmail: 'ops@example.org',
      engine: spec.engine,
      repository: {
        url: `https://gitlab.com/ska-telescope/src/${spec.site}-gitops.git`,
      },
      components: {
        'cert-manager': {},
        'external-dns': {},
        traefik: {},
        'external-secrets': {},
        vault: {},
      },
    }),
  );
  const objects: KubeObject[] = [];
  for (const file of site.files) {
    if (
      !/\.ya?ml$/.test(file.path) ||
      file.path === 'catalog-info.yaml' ||
      file.path.startsWith('.')
    )
      continue;
    if (/(^|\/)(kustomization|values|[\w-]+-values)\.yaml$/.test(file.path))
      continue;
    for (const doc of parseAllDocuments(file.content) as unknown as Array<{
      toJS(): KubeObject;
    }>) {
      const object = doc.toJS();
      if (object?.kind && PLURAL[object.kind]) objects.push(object);
    }
  }
  return objects;
}

/** Extra site services so a cluster holds as many objects as asked. */
function paddingObjects(spec: SimClusterSpec, count: number): KubeObject[] {
  const repoUrl = `https://gitlab.com/ska-telescope/src/${spec.site}-gitops.git`;
  const objects: KubeObject[] = [];
  if (spec.engine === 'flux' && count > 0) {
    objects.push({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'HelmRepository',
      metadata: {
        name: 'srcnet-charts',
        namespace: 'flux-system',
        labels: { [SRC_SITE_LABEL]: spec.site },
      },
      spec: { interval: '1h', url: 'https://charts.srcnet.example.org' },
    });
  }
  for (let i = 0; objects.length < count; i++) {
    const service = SITE_SERVICES[i % SITE_SERVICES.length];
    const name =
      i < SITE_SERVICES.length
        ? service
        : `${service}-${Math.floor(i / SITE_SERVICES.length)}`;
    const labels = {
      [SRC_SITE_LABEL]: spec.site,
      [SRC_COMPONENT_LABEL]: service,
      'srcnet.skao.int/environment': spec.environment,
    };
    objects.push(
      spec.engine === 'argocd'
        ? {
            apiVersion: 'argoproj.io/v1alpha1',
            kind: 'Application',
            metadata: { name, namespace: 'argocd', labels },
            spec: {
              project: spec.site,
              source: {
                repoURL: repoUrl,
                targetRevision: 'main',
                path: `apps/${service}/overlays/${spec.environment}`,
              },
              destination: {
                server: 'https://kubernetes.default.svc',
                namespace: service,
              },
              syncPolicy: { automated: { prune: true, selfHeal: true } },
            },
          }
        : {
            apiVersion: 'helm.toolkit.fluxcd.io/v2',
            kind: 'HelmRelease',
            metadata: { name, namespace: 'flux-system', labels },
            spec: {
              interval: '30m',
              releaseName: name,
              targetNamespace: service,
              chart: {
                spec: {
                  chart: service,
                  version: '1.2.0',
                  sourceRef: { kind: 'HelmRepository', name: 'srcnet-charts' },
                },
              },
            },
          },
    );
  }
  return objects;
}

function argoStatus(
  app: KubeObject,
  random: () => number,
  state: 'Healthy' | 'Progressing' | 'Degraded' | 'Suspended',
  outOfSync: boolean,
): Record<string, any> {
  const sources = (app.spec?.sources ??
    (app.spec?.source ? [app.spec.source] : [])) as Array<Record<string, any>>;
  const sha = fakeSha(random);
  const revisions = sources.map(s =>
    s.chart ? String(s.targetRevision) : sha,
  );
  const multi = Array.isArray(app.spec?.sources);
  const revisionFields = multi ? { revisions } : { revision: revisions[0] };
  const deployedAt = now(3600 + Math.floor(random() * 86400));
  const failed = state === 'Degraded';
  return {
    sync: {
      status: outOfSync ? 'OutOfSync' : 'Synced',
      ...revisionFields,
      comparedTo: {
        destination: app.spec?.destination,
        ...(multi ? { sources } : { source: sources[0] }),
      },
    },
    health: {
      status: state,
      ...(failed
        ? { message: 'Deployment has exceeded its progress deadline' }
        : {}),
    },
    operationState: {
      phase: failed ? 'Failed' : 'Succeeded',
      message: failed
        ? 'one or more objects failed to apply, reason: admission webhook denied the request'
        : 'successfully synced (all tasks run)',
      startedAt: deployedAt,
      finishedAt: deployedAt,
      operation: { sync: { ...revisionFields } },
      syncResult: { ...revisionFields },
    },
    history: [
      {
        id: 1,
        ...revisionFields,
        deployedAt: now(86400 * 7),
        deployStartedAt: now(86400 * 7),
      },
      { id: 2, ...revisionFields, deployedAt, deployStartedAt: deployedAt },
    ],
    resources: [
      {
        group: 'apps',
        version: 'v1',
        kind: 'Deployment',
        namespace: app.spec?.destination?.namespace,
        name: app.metadata.name,
        status: outOfSync ? 'OutOfSync' : 'Synced',
        health: { status: state },
      },
      {
        version: 'v1',
        kind: 'Service',
        namespace: app.spec?.destination?.namespace,
        name: app.metadata.name,
        status: 'Synced',
        health: { status: 'Healthy' },
      },
    ],
    conditions: failed
      ? [
          {
            type: 'SyncError',
            message: 'Failed sync attempt: one or more objects failed to apply',
            lastTransitionTime: deployedAt,
          },
        ]
      : [],
    reconciledAt: now(30),
    sourceType: sources[0]?.chart ? 'Helm' : 'Kustomize',
  };
}

function fluxStatus(
  object: KubeObject,
  random: () => number,
  ready: 'True' | 'False' | 'Unknown',
  lagging: boolean,
): Record<string, any> {
  const sha = fakeSha(random);
  const revision = `main@sha1:${sha}`;
  const older = `main@sha1:${fakeSha(random)}`;
  const generation = object.metadata.generation ?? 1;
  const transition = now(600 + Math.floor(random() * 7200));
  const readyCondition = {
    type: 'Ready',
    status: ready,
    reason: READY_REASON[ready],
    message:
      ready === 'True'
        ? `Applied revision: ${lagging ? older : revision}`
        : READY_MESSAGE[ready],
    lastTransitionTime: transition,
    observedGeneration: generation,
  };
  switch (object.kind) {
    case 'Kustomization':
      return {
        observedGeneration: generation,
        conditions: [readyCondition],
        lastAppliedRevision: lagging ? older : revision,
        lastAttemptedRevision: revision,
      };
    case 'HelmRelease': {
      const version = String(object.spec?.chart?.spec?.version ?? '1.0.0');
      return {
        observedGeneration: generation,
        conditions: [readyCondition, { ...readyCondition, type: 'Released' }],
        lastAttemptedRevision: version,
        history: [
          {
            chartName: object.spec?.chart?.spec?.chart,
            chartVersion: version,
            status: ready === 'False' ? 'failed' : 'deployed',
            version: 2,
            firstDeployed: now(86400 * 7),
            lastDeployed: transition,
          },
        ],
      };
    }
    default:
      return {
        observedGeneration: generation,
        conditions: [
          {
            ...readyCondition,
            status: 'True',
            reason: 'Succeeded',
            message: `stored artifact for revision '${revision}'`,
          },
        ],
        artifact: {
          revision:
            object.kind === 'GitRepository' ? revision : `sha256:${sha}`,
          lastUpdateTime: transition,
        },
      };
  }
}

/** Builds one simulated cluster: rendered and padded objects with realistic statuses. */
export function seedCluster(spec: SimClusterSpec): ClusterStore {
  const store = new ClusterStore(
    spec.name,
    servedResources(spec.engine, spec.apiGeneration),
  );
  const random = seededRandom(spec.name);
  const rendered = renderedObjects(spec);
  const objects = [
    ...rendered,
    ...paddingObjects(spec, Math.max(0, spec.objects - rendered.length)),
  ].slice(0, Math.max(spec.objects, 1));
  if (spec.engine === 'flux') {
    objects.unshift({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: {
        name: 'flux-system',
        namespace: 'flux-system',
        labels: { [SRC_SITE_LABEL]: spec.site },
      },
      spec: {
        interval: '1m',
        url: `https://gitlab.com/ska-telescope/src/${spec.site}-gitops.git`,
        ref: { branch: 'main' },
      },
    });
  }
  // Which object shows the site's problem (the first service the scenario applies to).
  const troubled = objects.find(
    o =>
      o.kind === (spec.engine === 'argocd' ? 'Application' : 'HelmRelease') &&
      !o.metadata.name.startsWith('main-'),
  );
  for (const object of objects) {
    const plural = PLURAL[object.kind];
    const hit = object === troubled;
    if (object.kind === 'Application') {
      const state = (hit && ARGO_STATE[spec.scenario]) || 'Healthy';
      object.status = argoStatus(
        object,
        random,
        state,
        hit && spec.scenario === 'drift',
      );
    } else if (object.kind !== 'AppProject') {
      const ready = (hit && FLUX_READY[spec.scenario]) || 'True';
      if (hit && spec.scenario === 'suspended')
        object.spec = { ...object.spec, suspend: true };
      object.status = fluxStatus(
        object,
        random,
        ready,
        hit && spec.scenario === 'drift',
      );
    }
    store.put(plural, object);
  }
  return store;
}
