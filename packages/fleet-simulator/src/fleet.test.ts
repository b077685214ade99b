import { execFile } from 'child_process';
import { promisify } from 'util';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Agent } from 'undici';
import { Fleet } from './fleet';
import { SimClusterSpec } from './seedCluster';

const run = promisify(execFile);
jest.setTimeout(60_000);

const spec = (
  name: string,
  engine: 'argocd' | 'flux',
  extra: Partial<SimClusterSpec> = {},
): SimClusterSpec => ({
  name,
  site: `${name}-site`,
  node: 'CHSRC',
  engine,
  environment: 'prod',
  apiGeneration: 'ga',
  objects: 30,
  scenario: 'healthy',
  ...extra,
});

describe('fleet simulator', () => {
  let fleet: Fleet;
  let agent: Agent;

  beforeAll(async () => {
    fleet = await Fleet.start({
      clusters: [
        spec('argo', 'argocd', { scenario: 'degraded' }),
        spec('flux', 'flux'),
        spec('old', 'flux', { apiGeneration: 'beta' }),
      ],
    });
    agent = new Agent({ connect: { ca: fleet.tls.caPem } });
  });

  afterAll(async () => {
    await fleet.stop();
  });

  async function call(
    cluster: string,
    apiPath: string,
    init: {
      method?: string;
      body?: unknown;
      token?: string;
      contentType?: string;
    } = {},
  ) {
    const c = fleet.cluster(cluster);
    const res = await fetch(`${c.server.url}${apiPath}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${init.token ?? c.server.tokens.readWrite}`,
        ...(init.body
          ? {
              'Content-Type':
                init.contentType ?? 'application/merge-patch+json',
            }
          : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
      dispatcher: agent,
    } as RequestInit);
    return {
      status: res.status,
      body: await res.json().catch(() => undefined),
    };
  }

  it('seeds clusters from the site renderer, padded to the asked size', () => {
    const argo = fleet.cluster('argo').server.store;
    const names = argo.list('applications').map(a => a.metadata.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'argo-cd',
        'cert-manager',
        'vault',
        'cluster-config',
        'main-prod',
        'jupyterhub',
      ]),
    );
    expect(argo.all()).toHaveLength(30);
    const vault = argo.get('applications', 'argocd', 'vault')!;
    expect(vault.status?.sync.revisions).toHaveLength(2); // multi-source, as rendered
    expect(
      fleet.cluster('flux').server.store.get('helmreleases', 'vault', 'vault')!
        .status?.conditions[0].type,
    ).toBe('Ready');
  });

  it('serves discovery with GA or beta Flux versions', async () => {
    const ga = await call('flux', '/apis');
    const beta = await call('old', '/apis');
    const versions = (
      body: {
        groups: Array<{ name: string; versions: Array<{ version: string }> }>;
      },
      group: string,
    ) => body.groups.find(g => g.name === group)!.versions.map(v => v.version);
    expect(versions(ga.body, 'helm.toolkit.fluxcd.io')).toEqual(['v2']);
    expect(versions(beta.body, 'helm.toolkit.fluxcd.io')).toEqual(['v2beta1']);
    expect(
      (await call('old', '/apis/helm.toolkit.fluxcd.io/v2/helmreleases'))
        .status,
    ).toBe(404);
  });

  it('lists with a label selector, limit and continue', async () => {
    const first = await call(
      'argo',
      '/apis/argoproj.io/v1alpha1/applications?limit=10',
    );
    expect(first.body.items).toHaveLength(10);
    expect(first.body.metadata.continue).toBeDefined();
    const second = await call(
      'argo',
      `/apis/argoproj.io/v1alpha1/applications?limit=10&continue=${first.body.metadata.continue}`,
    );
    expect(second.body.items[0].metadata.name).not.toBe(
      first.body.items[0].metadata.name,
    );
    const vault = await call(
      'argo',
      '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications?labelSelector=srcnet.skao.int/component%3Dvault',
    );
    expect(
      vault.body.items.map(
        (i: { metadata: { name: string } }) => i.metadata.name,
      ),
    ).toEqual(['vault']);
  });

  it('answers Status objects: 401 without a valid token, 403 for the read-only token on patch, 404', async () => {
    expect(await call('argo', '/apis', { token: 'wrong' })).toMatchObject({
      status: 401,
      body: { kind: 'Status', reason: 'Unauthorized' },
    });
    const ro = fleet.cluster('argo').server.tokens.readOnly;
    expect(
      (
        await call('argo', '/apis/argoproj.io/v1alpha1/applications', {
          token: ro,
        })
      ).status,
    ).toBe(200);
    const patched = await call(
      'argo',
      '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/vault',
      {
        method: 'PATCH',
        token: ro,
        body: { metadata: { annotations: { a: 'b' } } },
      },
    );
    expect(patched).toMatchObject({
      status: 403,
      body: { reason: 'Forbidden' },
    });
    expect(
      (
        await call(
          'argo',
          '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/nope',
        )
      ).status,
    ).toBe(404);
  });

  it('watches from a resourceVersion and answers 410 for a compacted one', async () => {
    const store = fleet.cluster('flux').server.store;
    const rv = store.resourceVersion;
    const release = store.list('helmreleases')[0];
    store.update('helmreleases', release, o => {
      o.metadata.labels = { ...o.metadata.labels, touched: 'yes' };
    });
    const c = fleet.cluster('flux');
    const res = await fetch(
      `${c.server.url}/apis/helm.toolkit.fluxcd.io/v2/helmreleases?watch=true&resourceVersion=${rv}&timeoutSeconds=1`,
      {
        headers: { Authorization: `Bearer ${c.server.tokens.readWrite}` },
        dispatcher: agent,
      } as RequestInit,
    );
    const events = (await res.text())
      .trim()
      .split('\n')
      .map(l => JSON.parse(l));
    expect(events[0]).toMatchObject({
      type: 'MODIFIED',
      object: {
        metadata: { name: release.metadata.name, labels: { touched: 'yes' } },
      },
    });
    store.compact();
    const gone = await fetch(
      `${c.server.url}/apis/helm.toolkit.fluxcd.io/v2/helmreleases?watch=true&resourceVersion=${rv}&timeoutSeconds=1`,
      {
        headers: { Authorization: `Bearer ${c.server.tokens.readWrite}` },
        dispatcher: agent,
      } as RequestInit,
    );
    expect(JSON.parse((await gone.text()).trim())).toMatchObject({
      type: 'ERROR',
      object: { code: 410 },
    });
  });

  it('reconciles: a sync operation completes and a Flux reconcile request is handled', async () => {
    const argo = fleet.cluster('argo').server.store;
    await call(
      'argo',
      '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/traefik',
      { method: 'PATCH', body: { operation: { sync: {} } } },
    );
    fleet.tick();
    const app = argo.get('applications', 'argocd', 'traefik')!;
    expect(app.operation).toBeUndefined();
    expect(app.status).toMatchObject({
      sync: { status: 'Synced' },
      operationState: { phase: 'Succeeded' },
      health: { status: 'Progressing' },
    });
    fleet.tick();
    fleet.tick();
    expect(
      argo.get('applications', 'argocd', 'traefik')!.status?.health.status,
    ).toBe('Healthy');

    await call(
      'flux',
      '/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/apps',
      {
        method: 'PATCH',
        body: {
          metadata: {
            annotations: { 'reconcile.fluxcd.io/requestedAt': 'now-1' },
          },
        },
      },
    );
    fleet.tick();
    expect(
      fleet
        .cluster('flux')
        .server.store.get('kustomizations', 'flux-system', 'apps')!.status
        ?.lastHandledReconcileAt,
    ).toBe('now-1');
  });

  it('injects faults: latency, 500s, down and back on the same port', async () => {
    await fleet.setFaults('argo', { latencyMs: 150 });
    const started = Date.now();
    await call('argo', '/version');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await fleet.setFaults('argo', { errorRate: 1 });
    expect((await call('argo', '/version')).status).toBe(500);
    const url = fleet.cluster('argo').server.url;
    await fleet.setFaults('argo', { down: true });
    await expect(call('argo', '/version')).rejects.toThrow();
    await fleet.setFaults('argo', {});
    expect(fleet.cluster('argo').server.url).toBe(url);
    expect((await call('argo', '/version')).status).toBe(200);
  });

  it('works with the real kubectl: get, annotate and patch', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-kubectl-'));
    const kubeconfig = path.join(dir, 'kubeconfig');
    fleet.writeFiles({ kubeconfigPath: kubeconfig });
    const kubectl = (...args: string[]) =>
      run('kubectl', ['--kubeconfig', kubeconfig, ...args]);
    const apps = await kubectl(
      '--context',
      'argo',
      'get',
      'applications.argoproj.io',
      '-A',
    );
    expect(apps.stdout).toMatch(/argocd\s+vault/);
    const ks = await kubectl(
      '--context',
      'flux',
      'get',
      'kustomizations',
      '-A',
    );
    expect(ks.stdout).toMatch(/flux-system\s+infra-controllers/);
    await kubectl(
      '--context',
      'argo',
      'annotate',
      '--overwrite',
      'applications.argoproj.io',
      '-n',
      'argocd',
      'vault',
      'argocd.argoproj.io/refresh=hard',
    );
    expect(
      fleet.cluster('argo').server.store.get('applications', 'argocd', 'vault')!
        .metadata.annotations!['argocd.argoproj.io/refresh'],
    ).toBe('hard');
    await kubectl(
      '--context',
      'flux',
      'patch',
      'helmreleases.helm.toolkit.fluxcd.io',
      '-n',
      'vault',
      'vault',
      '--type',
      'merge',
      '-p',
      '{"spec":{"suspend":true}}',
    );
    expect(
      fleet.cluster('flux').server.store.get('helmreleases', 'vault', 'vault')!
        .spec!.suspend,
    ).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
