import fs from 'fs';
import path from 'path';
import { execFileSync } from 'child_process';
import request from 'supertest';
import { eventually } from '@srcnet/fleet-simulator';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';

/**
 * Integration: the real "Create a new SRC site" template, run by the real scaffolder backend
 * with our module, pushed to a local bare repository with git, registered in the real catalog.
 */
jest.setTimeout(120_000);

const repoRoot = path.resolve(__dirname, '../../..');
const templatePath = path.join(
  repoRoot,
  'templates/create-src-site/template.yaml',
);

const siteValues = {
  node: 'UKSRC',
  site: 'uksrc-test-prod',
  owner: 'group:default/uksrc-platform',
  environments: [
    {
      name: 'prod',
      cluster: 'uksrc-test-prod',
      baseDomain: 'test.uksrc.example.org',
    },
  ],
  acmeEmail: 'platform@uksrc.example.org',
  engine: 'flux',
  components: {
    'cert-manager': { enabled: true, issuers: true },
    'external-dns': { enabled: true, provider: 'rfc2136', policy: 'sync' },
    traefik: { enabled: true, replicas: 2 },
    'ingress-nginx': { enabled: false, replicas: 2 },
    'external-secrets': {
      enabled: true,
      vaultStore: true,
      vaultRole: 'external-secrets',
    },
    vault: { enabled: true, ha: false, replicas: 1, ui: true, injector: false },
  },
  publishTarget: 'local',
  branch: 'main',
};

function git(args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8' });
}

const waitFor = <T>(what: string, check: () => Promise<T | undefined>) =>
  eventually(check, { what, timeoutMs: 60_000, intervalMs: 250 });

describe('Create a new SRC site (scaffolder integration)', () => {
  const dir = createMockDirectory();
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;
  const remotes = () => dir.resolve('remotes');

  beforeAll(async () => {
    fs.mkdirSync(dir.resolve('work'), { recursive: true });
    const backend = await startTestBackend({
      features: [
        import('@backstage/plugin-catalog-backend'),
        import(
          '@backstage/plugin-catalog-backend-module-scaffolder-entity-model'
        ),
        import('@srcnet/plugin-catalog-backend-module-srcnet'),
        import('@backstage/plugin-scaffolder-backend'),
        import('@srcnet/plugin-scaffolder-backend-module-src-gitops'),
        mockServices.rootConfig.factory({
          data: {
            backend: { workingDirectory: dir.resolve('work') },
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'Resource',
                    'Location',
                    'Template',
                    'Domain',
                    'Group',
                  ],
                },
              ],
              locations: [{ type: 'file', target: templatePath }],
            },
            srcGitops: { localGitRemotes: { directory: remotes() } },
            scaffolder: {
              defaultAuthor: {
                name: 'SRC GitOps',
                email: 'src-gitops@localhost',
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
  });

  async function runTask(values: Record<string, unknown>) {
    await waitFor('the template in the catalog', async () => {
      const res = await request(server)
        .get('/api/catalog/entities/by-name/template/default/create-src-site')
        .set('Authorization', mockCredentials.user.header());
      return res.status === 200 ? true : undefined;
    });
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header())
      .send({ templateRef: 'template:default/create-src-site', values });
    expect(created.status).toBe(201);
    return waitFor('the task to finish', async () => {
      const res = await request(server)
        .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
        .set('Authorization', mockCredentials.user.header());
      return ['completed', 'failed'].includes(res.body.status)
        ? res.body
        : undefined;
    });
  }

  async function events(taskId: string): Promise<string> {
    const res = await request(server)
      .get(`/api/scaffolder/v2/tasks/${taskId}/events`)
      .set('Authorization', mockCredentials.user.header());
    return res.body
      .map((e: { body: { message?: string } }) => e.body.message ?? '')
      .join('\n');
  }

  it('renders, validates, pushes and registers a new site', async () => {
    const task = await runTask(siteValues);
    const log = await events(task.id);
    expect(task.status).toBe('completed');
    expect(log).toMatch(/All \d+ files are valid/);

    // The pushed tree is the Flux layout, with the site's catalog entities.
    const bare = path.join(remotes(), 'uksrc-test-prod.git');
    const tree = git([
      '--git-dir',
      bare,
      'ls-tree',
      '-r',
      '--name-only',
      'main',
    ])
      .trim()
      .split('\n');
    expect(tree).toEqual(
      expect.arrayContaining([
        'catalog-info.yaml',
        'README.md',
        '.gitlab-ci.yml',
        'clusters/prod/infrastructure.yaml',
        'clusters/prod/apps.yaml',
        'infrastructure/controllers/base/vault.yaml',
        'infrastructure/configs/base/cluster-secret-stores.yaml',
      ]),
    );
    const apps = git([
      '--git-dir',
      bare,
      'show',
      'main:clusters/prod/apps.yaml',
    ]);
    expect(apps).toContain('dependsOn:\n    - name: infra-configs');

    // The catalog now has the site, its cluster and its services.
    const system = await waitFor('the site in the catalog', async () => {
      const res = await request(server)
        .get('/api/catalog/entities/by-name/system/default/uksrc-test-prod')
        .set('Authorization', mockCredentials.user.header());
      return res.status === 200 ? res.body : undefined;
    });
    expect(system.metadata.annotations['srcnet.skao.int/gitops-engine']).toBe(
      'flux',
    );
    const vault = await waitFor(
      'the Vault service in the catalog',
      async () => {
        const res = await request(server)
          .get(
            '/api/catalog/entities/by-name/component/default/uksrc-test-prod-vault',
          )
          .set('Authorization', mockCredentials.user.header());
        return res.status === 200 ? res.body : undefined;
      },
    );
    expect(vault.spec.system).toBe('system:default/uksrc-test-prod');
  });

  it('refuses input the form schema rejects before any task starts', async () => {
    const res = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header())
      .send({
        templateRef: 'template:default/create-src-site',
        values: { ...siteValues, site: 'CH_SRC', acmeEmail: 'not-an-email' },
      });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(
      'instance.site does not match pattern',
    );
    expect(fs.existsSync(path.join(remotes(), 'CH_SRC.git'))).toBe(false);
  });

  it('refuses invalid input with named fields, and leaves no repository or entity behind', async () => {
    const environments = [
      {
        name: 'prod',
        cluster: 'bad-site-prod',
        baseDomain: 'https://bad.example.org/x',
      },
    ];
    const components = {
      ...siteValues.components,
      grafana: {},
      vault: { enabled: false },
    };
    const task = await runTask({
      ...siteValues,
      site: 'bad-site',
      environments,
      components,
    });
    expect(task.status).toBe('failed');
    const log = await events(task.id);
    expect(log).toContain(
      "environments[0].baseDomain: base domain must be a DNS name like 'src.example.org'",
    );
    expect(log).toContain("unknown component 'grafana'");
    expect(log).toContain(
      "External Secrets Operator option 'vaultStore' needs vault",
    );
    expect(fs.existsSync(path.join(remotes(), 'bad-site.git'))).toBe(false);
    const res = await request(server)
      .get('/api/catalog/entities/by-name/system/default/bad-site')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
  });

  it('refuses an existing target repository before rendering anything', async () => {
    const before = git([
      '--git-dir',
      path.join(remotes(), 'uksrc-test-prod.git'),
      'rev-parse',
      'main',
    ]);
    const task = await runTask(siteValues);
    expect(task.status).toBe('failed');
    expect(await events(task.id)).toContain(
      "repository 'uksrc-test-prod' already exists",
    );
    expect(
      git([
        '--git-dir',
        path.join(remotes(), 'uksrc-test-prod.git'),
        'rev-parse',
        'main',
      ]),
    ).toBe(before);
  });
});
