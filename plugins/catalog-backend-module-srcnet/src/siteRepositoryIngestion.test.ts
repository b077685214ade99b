import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import * as tar from 'tar';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { stringify } from 'yaml';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { eventually } from '@srcnet/fleet-simulator';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleUnprocessedEntities from '@backstage/plugin-catalog-backend-module-unprocessed';
import { catalogModuleSrcNet } from './module';
import {
  chsrcRepository,
  espsrcRepository,
  uksrcRepository,
} from './examples/siteRepositoryLayouts';
import { RepoFile } from './siteRepository/types';

const GITHUB_TOKEN = 'ghp_notARealTokenButSecret0123456789';
const CHSRC_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

function git(args: string[], cwd: string) {
  return execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 't@example.org',
    },
  }).toString();
}

function writeFiles(dir: string, files: RepoFile[]) {
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, f.path), f.content);
  }
}

/** A bare remote with one pushed commit, as the embedded default publishes sites. */
function publishLocal(root: string, name: string, files: RepoFile[]): string {
  const bare = path.join(root, 'remotes', `${name}.git`);
  const work = path.join(root, 'work', name);
  fs.mkdirSync(bare, { recursive: true });
  git(['init', '-q', '--bare', '-b', 'main'], bare);
  fs.mkdirSync(work, { recursive: true });
  git(['init', '-q', '-b', 'main'], work);
  writeFiles(work, files);
  git(['add', '-A'], work);
  git(['commit', '-qm', 'site'], work);
  git(['push', '-q', bare, 'main'], work);
  return bare;
}

const location = (
  name: string,
  target: string,
  annotations: Record<string, string>,
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Location',
  metadata: { name, annotations },
  spec: { type: 'srcnet-site-repo', target },
});

let debugState: (() => Promise<unknown>) | undefined;

/** Waits for the catalog; on timeout names what the catalog holds (Locations, unprocessed). */
const waitFor = <T>(what: string, check: () => Promise<T | undefined>) =>
  eventually(check, {
    what,
    timeoutMs: 30_000,
    intervalMs: 200,
    diagnose: async () => debugState?.(),
  });

jest.setTimeout(60_000);

describe('site repository ingestion (catalog integration)', () => {
  const dir = createMockDirectory();
  const github = setupServer();
  const githubRequests: string[] = [];
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;

  const get = (url: string) =>
    request(server)
      .get(url)
      .set('Authorization', mockCredentials.user.header());

  beforeAll(async () => {
    github.listen({ onUnhandledRequest: 'bypass' });
    const root = dir.resolve('');
    // CHSRC is read from GitHub through the UrlReader: a tarball answered by msw at the boundary.
    const tree = path.join(root, 'tarball', `chsrc-gitops-${CHSRC_SHA}`);
    writeFiles(
      tree,
      chsrcRepository({ repoUrl: 'https://github.com/chsrc/gitops' }),
    );
    const tarball = path.join(root, 'chsrc.tar.gz');
    tar.c({ gzip: true, sync: true, cwd: path.dirname(tree), file: tarball }, [
      path.basename(tree),
    ]);
    github.use(
      http.get(
        'https://api.github.com/repos/chsrc/gitops/commits/main/status',
        ({ request: req }) => {
          githubRequests.push(req.headers.get('authorization') ?? '');
          return HttpResponse.json({
            sha: CHSRC_SHA,
            repository: {
              archive_url:
                'https://api.github.com/repos/chsrc/gitops/{archive_format}{/ref}',
            },
          });
        },
      ),
      http.get(
        `https://api.github.com/repos/chsrc/gitops/tarball/${CHSRC_SHA}`,
        () =>
          new HttpResponse(fs.readFileSync(tarball), {
            headers: { 'content-type': 'application/x-gzip' },
          }),
      ),
      http.get(
        'https://api.github.com/repos/chsrc/private/commits/main/status',
        () => HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
      ),
    );
    const uksrc = publishLocal(root, 'uksrc-gitops', uksrcRepository());
    const espsrc = publishLocal(root, 'espsrc-gitops', espsrcRepository());
    const notASite = publishLocal(root, 'docs', [
      { path: 'README.md', content: '# docs' },
      { path: 'mkdocs.yml', content: 'site_name: docs\n' },
    ]);
    fs.writeFileSync(
      path.join(root, 'site-repositories.yaml'),
      [
        location('chsrc-gitops', 'https://github.com/chsrc/gitops/tree/main', {
          'srcnet.skao.int/site': 'chsrc-main',
          'srcnet.skao.int/node': 'CHSRC',
          'srcnet.skao.int/owner': 'group:default/chsrc-ops',
          'srcnet.skao.int/environment-clusters':
            'dev=chsrc-dev,prod=chsrc-prod',
        }),
        location('uksrc-gitops', `file://${uksrc}`, {
          'srcnet.skao.int/site': 'uksrc',
          'srcnet.skao.int/node': 'UKSRC',
        }),
        // A repository shared by several sites, narrowed to one site's folder; a relative target.
        location('uksrc-ral-gitops', './remotes/uksrc-gitops.git', {
          'srcnet.skao.int/site': 'uksrc-ral-prod',
          'srcnet.skao.int/environments': 'ral-prod',
          'srcnet.skao.int/environment-clusters': 'ral-prod=uksrc-ral-prod',
        }),
        location('espsrc-gitops', espsrc, {
          'srcnet.skao.int/site': 'espsrc-main',
          'srcnet.skao.int/node': 'ESPSRC',
        }),
        location('docs-repo', `file://${notASite}`, {
          'srcnet.skao.int/site': 'skaosrc',
        }),
        location('private-repo', 'https://github.com/chsrc/private/tree/main', {
          'srcnet.skao.int/site': 'chsrc-main',
        }),
        location('no-site', 'https://github.com/chsrc/gitops/tree/main', {}),
        location('outside', '/etc', { 'srcnet.skao.int/site': 'x' }),
      ]
        .map(d => stringify(d))
        .join('---\n'),
    );
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleUnprocessedEntities,
        catalogModuleSrcNet,
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [{ host: 'github.com', token: GITHUB_TOKEN }],
            },
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Component', 'Location'] }],
              locations: [
                {
                  type: 'file',
                  target: path.join(root, 'site-repositories.yaml'),
                },
              ],
            },
            srcGitops: {
              localGitRemotes: { directory: path.join(root, 'remotes') },
            },
          },
        }),
      ],
    });
    server = backend.server;
    debugState = async () => [
      (await get('/api/catalog/entities?filter=kind=location')).body.map(
        (e: Entity) => [e.metadata.name, (e as { status?: unknown }).status],
      ),
      (await get('/api/catalog/entities/unprocessed/failed')).body,
      (await get('/api/catalog/entities/unprocessed/pending')).body,
    ];
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
    github.close();
  });

  async function services(site: string): Promise<Entity[]> {
    const res = await get(
      `/api/catalog/entities?filter=kind=component,metadata.annotations.srcnet.skao.int/site=${site}`,
    );
    return res.body as Entity[];
  }

  type ProcessingError = {
    name: string;
    message: string;
    cause?: { message: string };
  };
  const describe = (e: ProcessingError) =>
    `${e.message}${e.cause ? ` (${e.cause.message})` : ''}`;

  /**
   * Errors of a Location that never processed: it has no catalog entity yet, so the catalog's
   * unprocessed-entities API lists it (as pending, or failed once stitched) with its errors.
   */
  async function failedLocationErrors(name: string): Promise<string[]> {
    return waitFor(`${name} among the unprocessed entities`, async () => {
      for (const list of ['failed', 'pending']) {
        const res = await get(`/api/catalog/entities/unprocessed/${list}`);
        const found = (
          res.body.entities as Array<{
            unprocessed_entity: Entity;
            errors?: ProcessingError[];
          }>
        ).find(e => e.unprocessed_entity.metadata.name === name);
        if (found?.errors?.length) return found.errors.map(describe);
      }
      return undefined;
    });
  }

  /** Errors on a Location that processed before: they show in its status. */
  async function locationStatusErrors(name: string): Promise<string[]> {
    return waitFor(`processing errors on ${name}`, async () => {
      const res = await get(
        `/api/catalog/entities/by-name/location/default/${name}`,
      );
      const items = (res.body?.status?.items ?? []) as Array<{
        error: ProcessingError;
      }>;
      return items.length > 0 ? items.map(i => describe(i.error)) : undefined;
    });
  }

  const brief = (e: Entity) => {
    const a = e.metadata.annotations!;
    return `${e.metadata.name} ${a['srcnet.skao.int/gitops-engine']} ${
      a['srcnet.skao.int/component']
    } ${a['srcnet.skao.int/chart-version'] ?? '-'} ${
      a['srcnet.skao.int/namespace']
    } ${a['srcnet.skao.int/environment']}`;
  };

  it('emits the platform services of an Argo CD site read from GitHub through the UrlReader', async () => {
    const chsrc = await waitFor('CHSRC services', async () => {
      const items = await services('chsrc-main');
      return items.length === 7 ? items : undefined;
    });
    expect(chsrc.map(brief).sort()).toEqual([
      'chsrc-main-dev-cert-manager argocd cert-manager v1.20.0 cert-manager dev',
      'chsrc-main-dev-vault argocd vault 0.34.1 vault dev',
      'chsrc-main-prod-cert-manager argocd cert-manager v1.19.2 cert-manager prod',
      'chsrc-main-prod-external-dns argocd external-dns 1.21.1 external-dns prod',
      'chsrc-main-prod-external-secrets argocd external-secrets 0.9.20 external-secrets prod',
      'chsrc-main-prod-traefik argocd traefik 37.0.0 traefik prod',
      'chsrc-main-prod-vault argocd vault 0.28.0 vault prod',
    ]);
    const vault = chsrc.find(e => e.metadata.name === 'chsrc-main-prod-vault')!;
    expect(vault.spec).toMatchObject({
      type: 'platform-service',
      system: 'system:default/chsrc-main',
      owner: 'group:default/chsrc-ops',
    });
    expect(vault.metadata.annotations).toMatchObject({
      'srcnet.skao.int/node': 'CHSRC',
      'srcnet.skao.int/cluster': 'chsrc-prod',
      'srcnet.skao.int/chart': 'https://helm.releases.hashicorp.com/vault',
      'srcnet.skao.int/gitops-objects': 'Application/argocd/vault',
    });
    expect(vault.relations).toEqual(
      expect.arrayContaining([
        { type: 'partOf', targetRef: 'system:default/chsrc-main' },
      ]),
    );
    // The integration's token went to GitHub and nowhere else.
    expect(githubRequests[0]).toBe(`Bearer ${GITHUB_TOKEN}`);
    expect(JSON.stringify(chsrc)).not.toContain(GITHUB_TOKEN);
  });

  it('emits the services of Flux sites read from local git remotes, beta APIs tagged', async () => {
    const uksrc = await waitFor('UKSRC services', async () => {
      const items = await services('uksrc');
      return items.length === 6 ? items : undefined;
    });
    expect(uksrc.map(brief)).toContain(
      'uksrc-ral-prod-cert-manager flux cert-manager v1.20.0 cert-manager ral-prod',
    );
    const ral = await waitFor('UKSRC RAL services', async () => {
      const items = await services('uksrc-ral-prod');
      return items.length === 3 ? items : undefined;
    });
    expect(
      ral.map(e => e.metadata.annotations!['srcnet.skao.int/cluster']),
    ).toEqual(['uksrc-ral-prod', 'uksrc-ral-prod', 'uksrc-ral-prod']);
    const espsrc = await waitFor('ESPSRC services', async () => {
      const items = await services('espsrc-main');
      return items.length === 4 ? items : undefined;
    });
    const nginx = espsrc.find(
      e => e.metadata.name === 'espsrc-main-production-ingress-nginx',
    )!;
    expect(nginx.metadata.tags).toEqual([
      'platform-service',
      'flux',
      'deprecated-api',
    ]);
  });

  it('picks up a new commit on the next processing', async () => {
    const work = dir.resolve('work/uksrc-gitops');
    const file = path.join(
      work,
      'infra/traefik/overlays/ral-prod/version.yaml',
    );
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('37.0.0', '37.1.0'),
    );
    git(['commit', '-qam', 'traefik 37.1.0'], work);
    git(['push', '-q', dir.resolve('remotes/uksrc-gitops.git'), 'main'], work);
    const traefik = await waitFor('the new traefik version', async () => {
      const res = await get(
        '/api/catalog/entities/by-name/component/default/uksrc-ral-prod-traefik',
      );
      const version =
        res.body?.metadata?.annotations?.['srcnet.skao.int/chart-version'];
      return version === '37.1.0' ? version : undefined;
    });
    expect(traefik).toBe('37.1.0');
  });

  it('puts a clear processing error on the Location of a repository it cannot read, and emits nothing', async () => {
    expect(await failedLocationErrors('docs-repo')).toEqual([
      expect.stringMatching(
        /site repository file:\/\/.*docs\.git of skaosrc could not be fully read \(1 problem\): no platform service found in 1 files/,
      ),
    ]);
    expect(await services('skaosrc')).toEqual([]);
    expect(await failedLocationErrors('private-repo')).toEqual([
      expect.stringMatching(
        /could not read site repository https:\/\/github\.com\/chsrc\/private\/tree\/main: .*404/,
      ),
    ]);
    expect(await failedLocationErrors('no-site')).toEqual([
      expect.stringContaining(
        "annotation srcnet.skao.int/site must name the site's System",
      ),
    ]);
    expect(await failedLocationErrors('outside')).toEqual([
      expect.stringContaining(
        "local site repository '/etc' is outside the allowed folders",
      ),
    ]);
    const pending = await get('/api/catalog/entities/unprocessed/pending');
    expect(JSON.stringify(pending.body)).not.toContain(GITHUB_TOKEN);
  });

  it('keeps the last good services of a repository that breaks, and names the broken file on its Location', async () => {
    await waitFor('ESPSRC services', async () =>
      (await services('espsrc-main')).length === 4 ? true : undefined,
    );
    const work = dir.resolve('work/espsrc-gitops');
    fs.writeFileSync(
      path.join(work, 'apps/production/kustomization.yaml'),
      'resources: [../base/vault\n',
    );
    git(['commit', '-qam', 'typo'], work);
    git(['push', '-q', dir.resolve('remotes/espsrc-gitops.git'), 'main'], work);
    expect(await locationStatusErrors('espsrc-gitops')).toEqual([
      expect.stringMatching(
        /could not be fully read \(1 problem\): apps\/production\/kustomization\.yaml: YAML syntax error in document 1/,
      ),
    ]);
    expect(
      (await services('espsrc-main')).map(e => e.metadata.name).sort(),
    ).toEqual([
      'espsrc-main-production-cert-manager',
      'espsrc-main-production-external-secrets',
      'espsrc-main-production-ingress-nginx',
      'espsrc-main-production-vault',
    ]);
  });
});
