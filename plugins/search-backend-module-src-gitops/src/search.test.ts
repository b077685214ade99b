import { Client } from 'pg';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import searchPlugin from '@backstage/plugin-search-backend';
import searchModulePg from '@backstage/plugin-search-backend-module-pg';
import { Fleet, SimClusterSpec, eventually } from '@srcnet/fleet-simulator';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the test runs the real src-gitops backend the collator reads
import srcGitopsPlugin from '@srcnet/plugin-src-gitops-backend';
import { searchModuleSrcGitopsServices } from './module';

jest.setTimeout(90_000);

const POSTGRES =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;

const cluster = (
  name: string,
  site: string,
  node: string,
  engine: 'argocd' | 'flux',
  scenario: SimClusterSpec['scenario'],
): SimClusterSpec => ({
  name,
  site,
  node,
  engine,
  environment: 'prod',
  apiGeneration: 'ga',
  objects: 40,
  scenario,
});

const platformService = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: {
    type: 'platform-service',
    owner: 'group:default/ops',
    lifecycle: 'production',
  },
});

/** Drops the databases one run created. */
async function dropDatabases(connectionString: string, prefix: string) {
  const url = new URL(connectionString);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

type Result = { type: string; document: Record<string, string> };

describe.each([
  ['the in-memory (Lunr) engine', undefined],
  ['the PostgreSQL engine', 'postgres'],
] as const)('platform service search with %s', (_name, engine) => {
  let fleet: Fleet;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  const prefix = `srctest_${Date.now().toString(36)}_`;

  beforeAll(async () => {
    if (engine === 'postgres' && !POSTGRES) {
      throw new Error(
        'PostgreSQL is needed for this test: run it through scripts/test.sh, which starts a local server, or set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING',
      );
    }
    fleet = await Fleet.start({
      clusters: [
        cluster('chsrc-prod', 'chsrc-main', 'CHSRC', 'argocd', 'healthy'),
        cluster(
          'uksrc-ral-prod',
          'uksrc-ral-prod',
          'UKSRC',
          'flux',
          'degraded',
        ),
      ],
    });
    const gitops = fleet.backendConfig();
    const database =
      engine === 'postgres'
        ? {
            client: 'pg',
            connection: POSTGRES,
            // A fresh set of databases per run, so a previous run's index is never read.
            prefix,
          }
        : { client: 'better-sqlite3', connection: ':memory:' };
    backend = await startTestBackend({
      features: [
        searchPlugin,
        ...(engine === 'postgres' ? [searchModulePg] : []),
        searchModuleSrcGitopsServices,
        srcGitopsPlugin,
        schedulerServiceFactory,
        mockServices.database.factory(),
        catalogServiceMock.factory({
          entities: [
            platformService('chsrc-main-vault', {
              'srcnet.skao.int/site': 'chsrc-main',
              'srcnet.skao.int/node': 'CHSRC',
              'srcnet.skao.int/component': 'vault',
              'srcnet.skao.int/cluster': 'chsrc-prod',
            }),
            platformService('espsrc-main-production-vault', {
              'srcnet.skao.int/site': 'espsrc-main',
              'srcnet.skao.int/node': 'ESPSRC',
              'srcnet.skao.int/component': 'vault',
              'srcnet.skao.int/chart-version': '0.28.0',
              'srcnet.skao.int/gitops-engine': 'flux',
              'srcnet.skao.int/gitops-objects': 'HelmRelease/vault/vault',
            }),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: { database },
            search: {
              collators: {
                srcGitopsServices: {
                  schedule: {
                    frequency: { seconds: 1 },
                    timeout: { seconds: 30 },
                    initialDelay: { seconds: 1 },
                  },
                },
              },
            },
            srcGitops: {
              ...gitops.srcGitops,
              watch: {
                resyncSeconds: 60,
                idleSeconds: 20,
                backoffInitialMs: 100,
                backoffMaxMs: 500,
              },
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await fleet?.stop();
    if (engine === 'postgres' && POSTGRES)
      await dropDatabases(POSTGRES, prefix);
  });

  const query = (params: Record<string, string>) =>
    request(backend.server)
      .get('/api/search/query')
      .query({ 'types[0]': 'src-gitops-service', ...params })
      .set('Authorization', mockCredentials.user.header());

  async function search(params: Record<string, string>): Promise<Result[]> {
    const res = await query(params);
    expect(res.status).toBe(200);
    return res.body.results;
  }

  const line = (r: Result) =>
    `${r.document.site} ${r.document.cluster} ${r.document.chartVersion} ${r.document.health}`;

  it("finds every site's Vault with its version and health, live state included", async () => {
    const vaults = await eventually(
      async () => {
        // Until the first index is built the engine answers that it has none.
        const res = await query({ term: 'vault' });
        if (res.status !== 200) return undefined;
        const vaultDocs = (res.body.results as Result[]).filter(
          r => r.document.component === 'vault',
        );
        return vaultDocs.length === 3 &&
          vaultDocs.every(r => r.document.health !== 'unknown')
          ? vaultDocs
          : undefined;
      },
      { what: 'both clusters in the index', timeoutMs: 60_000 },
    );
    expect(vaults.map(line).sort()).toEqual([
      'chsrc-main chsrc-prod 0.34.1 healthy',
      'espsrc-main  0.28.0 no-live-state',
      expect.stringMatching(
        /^uksrc-ral-prod uksrc-ral-prod 0\.34\.1 (healthy|degraded|progressing)$/,
      ),
    ]);
    const chsrc = vaults.find(r => r.document.site === 'chsrc-main')!;
    expect(chsrc.document).toMatchObject({
      node: 'CHSRC',
      engine: 'argocd',
      sync: 'synced',
      location:
        '/catalog/default/component/chsrc-main-vault/gitops?cluster=chsrc-prod',
      entityRef: 'component:default/chsrc-main-vault',
    });
    expect(chsrc.document.title).toBe('Vault 0.34.1 · chsrc-main (chsrc-prod)');
  });

  it('narrows by node, by health and by component', async () => {
    const chsrcOnly = await search({ term: 'vault', 'filters[node]': 'CHSRC' });
    expect(chsrcOnly.length).toBeGreaterThan(0);
    expect(new Set(chsrcOnly.map(r => r.document.node))).toEqual(
      new Set(['CHSRC']),
    );

    const degraded = await search({ term: '', 'filters[health]': 'degraded' });
    expect(degraded.length).toBeGreaterThan(0);
    expect(
      degraded.every(
        r =>
          r.document.health === 'degraded' &&
          r.document.site === 'uksrc-ral-prod',
      ),
    ).toBe(true);

    const certManagers = await search({
      term: '',
      'filters[component]': 'cert-manager',
    });
    expect(certManagers.map(r => r.document.site).sort()).toEqual([
      'chsrc-main',
      'uksrc-ral-prod',
    ]);
    expect(certManagers.every(r => r.document.chartVersion === 'v1.20.0')).toBe(
      true,
    );
  });

  it('never indexes a cluster token or URL', async () => {
    const all = await search({ term: '' });
    const text = JSON.stringify(all);
    for (const c of fleet.backendConfig().srcGitops.clusters) {
      expect(text).not.toContain(c.url);
      expect(text).not.toContain((c.auth as { token: string }).token);
    }
  });
});
