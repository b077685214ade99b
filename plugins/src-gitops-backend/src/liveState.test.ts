import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { Fleet } from '@srcnet/fleet-simulator';
import {
  cluster,
  eventually,
  startSimulatedBackend,
} from './__testUtils__/simulatedBackend';

/**
 * Integration: the backend plugin against the fleet simulator (real HTTPS, real watches), with
 * faults injected per cluster. Every case must give partial answers naming the failing cluster,
 * and recover when the cluster does.
 */
jest.setTimeout(60_000);

const user = mockCredentials.user.header();
const site = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name,
    annotations: {
      'srcnet.skao.int/site': name,
      'srcnet.skao.int/gitops-selector': `srcnet.skao.int/site=${name}`,
    },
  },
  spec: { owner: 'group:default/uksrc-platform' },
});

describe('live GitOps state from a simulated fleet', () => {
  let fleet: Fleet;
  let backend: Awaited<ReturnType<typeof startSimulatedBackend>>;

  beforeAll(async () => {
    fleet = await Fleet.start({
      clusters: [
        cluster('argo-a', 'argocd', { site: 'site-a', scenario: 'degraded' }),
        cluster('flux-b', 'flux', { site: 'site-b', scenario: 'drift' }),
        cluster('flux-beta', 'flux', { site: 'site-c', apiGeneration: 'beta' }),
        cluster('argo-faulty', 'argocd', { site: 'site-d' }),
      ],
    });
    backend = await startSimulatedBackend({
      fleet,
      entities: [
        site('site-a'),
        site('site-b'),
        site('site-c'),
        site('site-d'),
      ],
    });
    await eventually(async () => {
      const res = await request(backend.server)
        .get('/api/src-gitops/fleet')
        .set('Authorization', user);
      return res.body.problems?.length === 0 ? res.body : undefined;
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await fleet?.stop();
  });

  afterEach(async () => {
    for (const name of fleet.clusters.keys()) await fleet.setFaults(name, {});
    await eventually(async () =>
      (await fleetAnswer()).problems.length === 0 ? true : undefined,
    );
  });

  const applications = (name: string) =>
    fleet.cluster(name).server.store.list('applications').length;

  async function fleetAnswer() {
    const res = await request(backend.server)
      .get('/api/src-gitops/fleet')
      .set('Authorization', user);
    expect(res.status).toBe(200);
    return res.body;
  }

  it('serves every site with counts, worst resource and no problems when all is well', async () => {
    const body = await fleetAnswer();
    expect(body.sites.map((s: { site: string }) => s.site)).toEqual([
      'site-a',
      'site-b',
      'site-c',
      'site-d',
    ]);
    const a = body.sites.find((s: { site: string }) => s.site === 'site-a');
    expect(a.counts.total).toBe(applications('argo-a'));
    expect(a.counts.health.degraded).toBe(1);
    expect(a.worst).toMatchObject({ kind: 'Application', health: 'degraded' });
    expect(a.clusters[0]).toMatchObject({
      name: 'argo-a',
      reachability: 'reachable',
      engines: ['argocd'],
    });
  });

  it('lists every Application and HelmRelease as a platform service with its component, version and state', async () => {
    const res = await request(backend.server)
      .get('/api/src-gitops/services')
      .set('Authorization', user);
    expect(res.status).toBe(200);
    const items = res.body.items as Array<Record<string, string>>;
    const certManagers = items.filter(i => i.component === 'cert-manager');
    expect(
      certManagers.map(v => `${v.site} ${v.cluster} ${v.kind}`).sort(),
    ).toEqual([
      'site-a argo-a Application',
      'site-b flux-b HelmRelease',
      'site-c flux-beta HelmRelease',
      'site-d argo-faulty Application',
    ]);
    expect(certManagers[0]).toMatchObject({
      node: 'UKSRC',
      chart: 'cert-manager',
      version: 'v1.20.0',
      environment: 'prod',
      reachability: 'reachable',
    });
    // Every Application of the Argo CD cluster is listed once.
    expect(items.filter(i => i.cluster === 'argo-a')).toHaveLength(
      applications('argo-a'),
    );
    expect(
      items.some(i => i.site === 'site-a' && i.health === 'degraded'),
    ).toBe(true);
  });

  it('answers a poller 304 while the fleet is unchanged', async () => {
    const first = await request(backend.server)
      .get('/api/src-gitops/fleet')
      .set('Authorization', user);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"fleet-[0-9a-f]{40}"$/);
    const again = await request(backend.server)
      .get('/api/src-gitops/fleet')
      .set('Authorization', user)
      .set('If-None-Match', etag);
    expect(again.status).toBe(304);
    const stale = await request(backend.server)
      .get('/api/src-gitops/fleet')
      .set('Authorization', user)
      .set('If-None-Match', '"fleet-0000"');
    expect(stale.status).toBe(200);
  });

  it('reads Flux at the beta versions an older cluster serves', async () => {
    const body = await fleetAnswer();
    const c = body.sites.find((s: { site: string }) => s.site === 'site-c');
    expect(c.clusters[0].engines).toEqual(['flux']);
    expect(c.counts.total).toBeGreaterThan(5);
    const res = await request(backend.server)
      .get('/api/src-gitops/sites/site-c')
      .set('Authorization', user);
    const kinds = new Set(
      res.body.items.map((r: { apiVersion: string }) => r.apiVersion),
    );
    expect(kinds).toContain('helm.toolkit.fluxcd.io/v2beta1');
    expect(kinds).toContain('kustomize.toolkit.fluxcd.io/v1beta1');
  });

  it('shows a lagging Flux apply as out of sync with desired and applied revisions', async () => {
    const res = await request(backend.server)
      .get('/api/src-gitops/sites/site-b')
      .set('Authorization', user);
    const lagging = res.body.items.find(
      (r: { kind: string; sync: string }) => r.sync === 'out-of-sync',
    );
    expect(lagging).toBeDefined();
    expect(lagging.desiredRevision).not.toEqual(lagging.appliedRevision);
  });

  it.each([
    ['down', { down: true }, /connection refused/, 'unreachable'],
    ['500s', { errorRate: 1 }, /HTTP 500: Internal error/, 'unreachable'],
    [
      'malformed JSON',
      { malformed: true },
      /not valid JSON|ended in the middle of an event/,
      'unreachable',
    ],
    [
      'expired token',
      { expiredToken: true },
      /HTTP 401: Unauthorized/,
      'unauthorized',
    ],
  ])(
    'keeps answering when a cluster is %s, names it, and recovers',
    async (_name, faults, message, reachability) => {
      await fleet.setFaults('argo-faulty', faults);
      fleet.cluster('argo-faulty').server.dropWatches();
      const body = await eventually(async () => {
        const b = await fleetAnswer();
        return b.problems.some(
          (p: { cluster: string }) => p.cluster === 'argo-faulty',
        )
          ? b
          : undefined;
      });
      const problem = body.problems.find(
        (p: { cluster: string }) => p.cluster === 'argo-faulty',
      );
      expect(problem.error).toMatch(message);
      expect(problem.reachability).toBe(reachability);
      // The other sites are whole, and the faulty cluster keeps its last known objects.
      expect(
        body.sites.find((s: { site: string }) => s.site === 'site-a').counts
          .total,
      ).toBe(applications('argo-a'));
      expect(
        body.sites.find((s: { site: string }) => s.site === 'site-d').counts
          .total,
      ).toBe(applications('argo-faulty'));

      await fleet.setFaults('argo-faulty', {});
      await eventually(async () => {
        const b = await fleetAnswer();
        return b.problems.length === 0 ? b : undefined;
      });
    },
  );

  it('answers the fleet within its own time while a cluster hangs', async () => {
    await fleet.setFaults('argo-faulty', { hang: true });
    fleet.cluster('argo-faulty').server.dropWatches();
    const started = Date.now();
    const body = await fleetAnswer();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(body.sites).toHaveLength(4);
    // Within the per-call timeout (1.5 s) the hang becomes a named problem.
    const later = await eventually(async () => {
      const b = await fleetAnswer();
      return b.problems.find(
        (p: { cluster: string }) => p.cluster === 'argo-faulty',
      );
    });
    expect(later.error).toMatch(/no answer within 1500 ms/);
  });

  it('relists after 410 Gone and sees changes made meanwhile', async () => {
    const store = fleet.cluster('flux-b').server.store;
    const release = store.list('helmreleases')[0];
    store.compact();
    fleet.cluster('flux-b').server.dropWatches();
    store.update('helmreleases', release, o => {
      o.metadata.labels = { ...o.metadata.labels, 'test/relisted': 'yes' };
    });
    await eventually(async () => {
      const res = await request(backend.server)
        .get('/api/src-gitops/sites/site-b')
        .set('Authorization', user);
      return res.body.items.find(
        (r: { name: string; labels: Record<string, string> }) =>
          r.name === release.metadata.name &&
          r.labels['test/relisted'] === 'yes',
      );
    });
    expect(backend.logs.lines.some(l => l.includes('410 Gone'))).toBe(true);
  });

  it('shows a change in a cluster through the watch, without a request reaching the cluster', async () => {
    const server = fleet.cluster('argo-a').server;
    const app = server.store
      .list('applications')
      .find(a => a.status?.health?.status === 'Healthy')!;
    server.store.update('applications', app, o => {
      o.status = {
        ...o.status,
        health: { status: 'Degraded', message: 'changed in the cluster' },
      };
    });
    const before = server.calls.total;
    const seen = await eventually(async () => {
      const res = await request(backend.server)
        .get('/api/src-gitops/entity?entityRef=system:default/site-a')
        .set('Authorization', user);
      return res.body.items.find(
        (r: { name: string; message?: string }) =>
          r.name === app.metadata.name &&
          r.message === 'changed in the cluster',
      );
    });
    expect(seen.health).toBe('degraded');
    expect(server.calls.total).toBe(before);
  });

  it('keeps a cluster with no matches in the entity answer', async () => {
    const res = await request(backend.server)
      .get('/api/src-gitops/entity?entityRef=system:default/site-a')
      .set('Authorization', user);
    expect(res.status).toBe(200);
    expect(res.body.clusters.map((c: { name: string }) => c.name)).toEqual([
      'argo-a',
    ]);
  });

  it('answers 400 for a malformed entity ref and 404 for unknown names', async () => {
    const bad = await request(backend.server)
      .get('/api/src-gitops/entity?entityRef=')
      .set('Authorization', user);
    expect(bad.status).toBe(400);
    const malformed = await request(backend.server)
      .get('/api/src-gitops/entity?entityRef=system%3Adefault%2F')
      .set('Authorization', user);
    expect(malformed.status).toBe(400);
    const unknownSite = await request(backend.server)
      .get('/api/src-gitops/sites/nowhere')
      .set('Authorization', user);
    expect(unknownSite.status).toBe(404);
    const unknownEntity = await request(backend.server)
      .get('/api/src-gitops/entity?entityRef=system:default/nowhere')
      .set('Authorization', user);
    expect(unknownEntity.status).toBe(404);
    const unknownResource = await request(backend.server)
      .get('/api/src-gitops/resources/argo-a/argocd/Application/argocd/nope')
      .set('Authorization', user);
    expect(unknownResource.status).toBe(404);
    const badKind = await request(backend.server)
      .get('/api/src-gitops/resources/argo-a/argocd/Pod/argocd/nope')
      .set('Authorization', user);
    expect(badKind.status).toBe(400);
  });

  it('syncs an Argo CD Application with a PATCH, records it, and shows the result', async () => {
    const server = fleet.cluster('argo-a').server;
    const app = server.store
      .list('applications')
      .find(a => a.metadata.name === 'vault')!;
    const res = await request(backend.server)
      .post(
        '/api/src-gitops/resources/argo-a/argocd/Application/argocd/vault/actions/sync',
      )
      .set('Authorization', user)
      .send({ entityRef: 'system:default/site-a' });
    expect(res.status).toBe(202);
    expect(
      server.store.get('applications', 'argocd', 'vault')!.operation,
    ).toBeDefined();
    fleet.tick();
    const after = await eventually(async () => {
      const r = await request(backend.server)
        .get('/api/src-gitops/resources/argo-a/argocd/Application/argocd/vault')
        .set('Authorization', user);
      return r.body.resource.history.length > app.status!.history.length
        ? r.body.resource
        : undefined;
    });
    expect(after.sync).toBe('synced');
    expect(backend.logs.lines.some(l => l.includes('resource-sync'))).toBe(
      true,
    );
  });

  it('suspends and resumes a Flux HelmRelease', async () => {
    const server = fleet.cluster('flux-b').server;
    const release = server.store.list('helmreleases')[0];
    const path = `/api/src-gitops/resources/flux-b/flux/HelmRelease/${release.metadata.namespace}/${release.metadata.name}/actions`;
    const suspended = await request(backend.server)
      .post(`${path}/suspend`)
      .set('Authorization', user)
      .send({ entityRef: 'system:default/site-b' });
    expect(suspended.status).toBe(202);
    expect(suspended.body.resource.health).toBe('suspended');
    expect(
      server.store.get(
        'helmreleases',
        release.metadata.namespace!,
        release.metadata.name,
      )!.spec!.suspend,
    ).toBe(true);
    const resumed = await request(backend.server)
      .post(`${path}/resume`)
      .set('Authorization', user)
      .send({ entityRef: 'system:default/site-b' });
    expect(resumed.status).toBe(202);
    const object = server.store.get(
      'helmreleases',
      release.metadata.namespace!,
      release.metadata.name,
    )!;
    expect(object.spec!.suspend).toBeUndefined();
    expect(
      object.metadata.annotations!['reconcile.fluxcd.io/requestedAt'],
    ).toBeDefined();
  });

  it('refuses an action on an object that does not belong to the entity', async () => {
    const res = await request(backend.server)
      .post(
        '/api/src-gitops/resources/argo-a/argocd/Application/argocd/vault/actions/refresh',
      )
      .set('Authorization', user)
      .send({ entityRef: 'system:default/site-b' });
    expect(res.status).toBe(403);
  });

  it('refuses the wrong action for an engine', async () => {
    const res = await request(backend.server)
      .post(
        '/api/src-gitops/resources/argo-a/argocd/Application/argocd/vault/actions/suspend',
      )
      .set('Authorization', user)
      .send({ entityRef: 'system:default/site-a' });
    expect(res.status).toBe(400);
  });

  it('never puts a token or CA key in a response body or a log line', async () => {
    const bodies = await Promise.all(
      [
        '/api/src-gitops/fleet',
        '/api/src-gitops/clusters',
        '/api/src-gitops/sites/site-a',
        '/api/src-gitops/entity?entityRef=system:default/site-b',
      ].map(async path =>
        JSON.stringify(
          (
            await request(backend.server).get(path).set('Authorization', user)
          ).body,
        ),
      ),
    );
    const secrets = [...fleet.clusters.values()].flatMap(c => [
      c.server.tokens.readWrite,
      c.server.tokens.readOnly,
    ]);
    const caBody = fleet.tls.caPem.split('\n')[1];
    for (const text of [...bodies, ...backend.logs.lines]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toContain(caBody);
      expect(text).not.toContain('BEGIN CERTIFICATE');
    }
    for (const body of bodies)
      expect(body).not.toMatch(/https:\/\/127\.0\.0\.1/);
  });
});

describe('permissions on actions', () => {
  let fleet: Fleet;
  let backend: Awaited<ReturnType<typeof startSimulatedBackend>>;

  beforeAll(async () => {
    fleet = await Fleet.start({
      clusters: [
        cluster('argo-p', 'argocd', { site: 'site-p' }),
        cluster('argo-ro', 'argocd', { site: 'site-ro' }),
      ],
    });
    backend = await startSimulatedBackend({
      fleet,
      entities: [site('site-p'), site('site-ro')],
      denyOperate: true,
      readOnly: ['argo-ro'],
    });
    await eventually(async () => {
      const res = await request(backend.server)
        .get('/api/src-gitops/fleet')
        .set('Authorization', user);
      return res.body.problems?.length === 0 ? true : undefined;
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await fleet?.stop();
  });

  it('gives 403 on a denied action and leaves the object unpatched', async () => {
    const store = fleet.cluster('argo-p').server.store;
    const before = store.get('applications', 'argocd', 'vault')!.metadata
      .resourceVersion;
    const res = await request(backend.server)
      .post(
        '/api/src-gitops/resources/argo-p/argocd/Application/argocd/vault/actions/sync',
      )
      .set('Authorization', user)
      .send({ entityRef: 'system:default/site-p' });
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(fleet.cluster('argo-p').server.calls.patch).toBe(0);
    expect(
      store.get('applications', 'argocd', 'vault')!.metadata.resourceVersion,
    ).toBe(before);
  });
});
