import { Entity } from '@backstage/catalog-model';
import { GitOpsResource } from '@srcnet/plugin-src-gitops-common';
import { entityMatch } from './entityMatcher';
import { actionPatch } from './resourceActions';
import { countStates, fleetView, worstResource } from './views';
import { ClusterSnapshot } from '../cluster/ClusterWatcher';

function resource(overrides: Partial<GitOpsResource>): GitOpsResource {
  return {
    id: 'c/argocd/Application/argocd/x',
    engine: 'argocd',
    kind: 'Application',
    apiVersion: 'argoproj.io/v1alpha1',
    cluster: 'chsrc-prod',
    site: 'chsrc-main',
    namespace: 'argocd',
    name: 'x',
    labels: {},
    health: 'healthy',
    sync: 'synced',
    suspended: false,
    conditions: [],
    history: [],
    ...overrides,
  };
}

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'e', annotations },
  };
}

const snapshot = (
  cluster: string,
  site: string,
  resources: GitOpsResource[],
  extra: Partial<ClusterSnapshot> = {},
): ClusterSnapshot => ({
  cluster,
  site,
  reachability: 'reachable',
  engines: ['argocd'],
  resources,
  observedAt: '2026-11-24T00:00:00Z',
  ...extra,
});

describe('entityMatch', () => {
  const vault = resource({
    name: 'vault',
    labels: {
      'srcnet.skao.int/site': 'chsrc-main',
      'srcnet.skao.int/component': 'vault',
    },
  });
  const traefik = resource({
    name: 'traefik',
    labels: {
      'srcnet.skao.int/site': 'chsrc-main',
      'srcnet.skao.int/component': 'traefik',
      'backstage.io/kubernetes-id': 'edge',
    },
  });

  it('matches by our selector annotation', () => {
    const m = entityMatch(
      entity({
        'srcnet.skao.int/gitops-selector': 'srcnet.skao.int/component=vault',
      }),
    )!;
    expect([vault, traefik].filter(m.resources).map(r => r.name)).toEqual([
      'vault',
    ]);
  });

  it('matches the Argo CD plugins and the Kubernetes plugin annotations', () => {
    expect(
      [vault, traefik]
        .filter(
          entityMatch(entity({ 'argocd/app-name': 'traefik' }))!.resources,
        )
        .map(r => r.name),
    ).toEqual(['traefik']);
    expect(
      [vault, traefik]
        .filter(
          entityMatch(
            entity({
              'argocd/app-selector': 'srcnet.skao.int/component=vault',
            }),
          )!.resources,
        )
        .map(r => r.name),
    ).toEqual(['vault']);
    expect(
      [vault, traefik]
        .filter(
          entityMatch(entity({ 'backstage.io/kubernetes-id': 'edge' }))!
            .resources,
        )
        .map(r => r.name),
    ).toEqual(['traefik']);
  });

  it('limits the clusters to the cluster annotation, else to the site', () => {
    const byCluster = entityMatch(
      entity({
        'srcnet.skao.int/cluster': 'chsrc-dev',
        'srcnet.skao.int/site': 'chsrc-main',
      }),
    )!;
    expect(byCluster.clusters(snapshot('chsrc-dev', 'chsrc-main', []))).toBe(
      true,
    );
    expect(byCluster.clusters(snapshot('chsrc-prod', 'chsrc-main', []))).toBe(
      false,
    );
    const bySite = entityMatch(
      entity({ 'srcnet.skao.int/site': 'chsrc-main' }),
    )!;
    expect(bySite.clusters(snapshot('chsrc-prod', 'chsrc-main', []))).toBe(
      true,
    );
    expect(
      bySite.clusters(snapshot('uksrc-ral-prod', 'uksrc-ral-prod', [])),
    ).toBe(false);
  });

  it('matches the objects named by the gitops-objects annotation of an ingested service', () => {
    const release = resource({
      engine: 'flux',
      kind: 'HelmRelease',
      namespace: 'vault',
      name: 'vault',
    });
    const m = entityMatch(
      entity({
        'srcnet.skao.int/gitops-objects':
          'HelmRelease/vault/vault,Application/argocd/traefik',
      }),
    )!;
    expect(
      [vault, traefik, release]
        .filter(m.resources)
        .map(r => `${r.kind}/${r.name}`),
    ).toEqual(['Application/traefik', 'HelmRelease/vault']);
    expect(() =>
      entityMatch(entity({ 'srcnet.skao.int/gitops-objects': 'vault' })),
    ).toThrow(/gitops-objects is malformed: 'vault' is not/);
  });

  it('has no match for an entity without our annotations, and rejects a bad selector', () => {
    expect(entityMatch(entity({}))).toBeUndefined();
    expect(() =>
      entityMatch(entity({ 'srcnet.skao.int/gitops-selector': 'a=b,,=' })),
    ).toThrow(/not a valid label selector/);
  });
});

describe('actionPatch', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  it('builds the patches the engines read', () => {
    expect(
      actionPatch('sync', resource({}), { user: 'user:default/ana', now }),
    ).toMatchObject({
      operation: { initiatedBy: { username: 'user:default/ana' }, sync: {} },
    });
    expect(actionPatch('refresh', resource({}), { user: 'u', now })).toEqual({
      metadata: { annotations: { 'argocd.argoproj.io/refresh': 'normal' } },
    });
    const hr = resource({ engine: 'flux', kind: 'HelmRelease' });
    expect(actionPatch('reconcile', hr, { user: 'u', now })).toEqual({
      metadata: {
        annotations: {
          'reconcile.fluxcd.io/requestedAt': '2026-11-24T12:00:00.000Z',
        },
      },
    });
    expect(actionPatch('suspend', hr, { user: 'u', now })).toEqual({
      spec: { suspend: true },
    });
    expect(actionPatch('resume', hr, { user: 'u', now })).toMatchObject({
      spec: { suspend: null },
    });
  });

  it('refuses actions of the other engine', () => {
    expect(() =>
      actionPatch('suspend', resource({}), { user: 'u', now }),
    ).toThrow(/Argo CD Applications take sync or refresh/);
    expect(() =>
      actionPatch('sync', resource({ engine: 'flux', kind: 'Kustomization' }), {
        user: 'u',
        now,
      }),
    ).toThrow(/Flux objects take/);
  });
});

describe('views', () => {
  it('counts every state and names the worst resource', () => {
    const rs = [
      resource({ health: 'healthy' }),
      resource({ name: 'bad', health: 'degraded', sync: 'out-of-sync' }),
      resource({ health: 'progressing' }),
    ];
    expect(countStates(rs)).toMatchObject({
      total: 3,
      health: { healthy: 1, degraded: 1, progressing: 1, missing: 0 },
      sync: { synced: 2, 'out-of-sync': 1 },
    });
    expect(worstResource(rs)?.name).toBe('bad');
  });

  it('keeps a site whose cluster cannot be read, with its last known objects and the error', () => {
    const view = fleetView([
      snapshot('a', 'site-a', [resource({})]),
      snapshot('b', 'site-b', [resource({ cluster: 'b' })], {
        reachability: 'unreachable',
        lastError: 'connection refused',
        failingSince: '2026-11-24T00:01:00Z',
      }),
      snapshot('c', 'site-c', [], { reachability: 'reachable' }),
    ]);
    expect(view.sites.map(s => s.site)).toEqual(['site-a', 'site-b', 'site-c']);
    expect(view.sites[2].counts.total).toBe(0);
    expect(view.problems).toEqual([
      {
        cluster: 'b',
        site: 'site-b',
        reachability: 'unreachable',
        error: 'connection refused',
        since: '2026-11-24T00:01:00Z',
      },
    ]);
  });
});
