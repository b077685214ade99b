/**
 * Benchmark: catalog search across 100 SRC sites. Publishes 100 site repositories as local git
 * remotes (our rendered Argo CD and Flux repos, and the CHSRC, UKSRC and ESPSRC layouts), runs
 * one real backend with the catalog and the site repository processor, the src-gitops backend on
 * a simulated fleet of the same 100 sites (own process), and the search backend with the
 * platform service collator. Prints: ingestion time for all repositories, index build time,
 * and search query latency (median, p95) through the search API.
 *
 * Run: yarn bench:search                 (in-memory Lunr engine)
 *      ENGINE=postgres yarn bench:search (PostgreSQL; source scripts/postgres.sh first)
 * SITES, OBJECTS and QUERIES change the load.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { stringify } from 'yaml';
import request from 'supertest';
import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import searchPlugin from '@backstage/plugin-search-backend';
import searchModulePg from '@backstage/plugin-search-backend-module-pg';
import { eventually, generatedFleet } from '@srcnet/fleet-simulator';
import { parseSiteSpec } from '@srcnet/plugin-src-gitops-common';
import { renderSite } from '@srcnet/plugin-scaffolder-backend-module-src-gitops';
import catalogModuleSrcNet, {
  RepoFile,
  chsrcRepository,
  espsrcRepository,
  scanSiteRepository,
  uksrcRepository,
} from '@srcnet/plugin-catalog-backend-module-srcnet';
import searchModuleSrcGitops from '@srcnet/plugin-search-backend-module-src-gitops';
import srcGitopsPlugin from '@srcnet/plugin-src-gitops-backend';
import { percentile, startSimulator } from './lib/simulator';

const SITES = Number(process.env.SITES ?? 100);
const OBJECTS = Number(process.env.OBJECTS ?? 60);
const QUERIES = Number(process.env.QUERIES ?? 400);
const ENGINE = process.env.ENGINE === 'postgres' ? 'postgres' : 'lunr';

/** Log lines with their time, to read the search task's own start and end. */
class TimedLog {
  readonly lines: Array<{ at: number; message: string }> = [];
  logger(): LoggerService {
    const write = (message: string) => {
      this.lines.push({ at: performance.now(), message });
    };
    const logger: LoggerService = {
      error: write,
      warn: write,
      info: write,
      debug: () => {},
      child: () => logger,
    };
    return logger;
  }
}

function git(args: string[], cwd: string) {
  execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'bench',
      GIT_AUTHOR_EMAIL: 'bench@example.org',
      GIT_COMMITTER_NAME: 'bench',
      GIT_COMMITTER_EMAIL: 'bench@example.org',
    },
  });
}

function publish(root: string, name: string, files: RepoFile[]): string {
  const bare = path.join(root, 'remotes', `${name}.git`);
  const work = path.join(root, 'work', name);
  fs.mkdirSync(bare, { recursive: true });
  git(['init', '-q', '--bare', '-b', 'main'], bare);
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(work, f.path)), { recursive: true });
    fs.writeFileSync(path.join(work, f.path), f.content);
  }
  git(['init', '-q', '-b', 'main'], work);
  git(['add', '-A'], work);
  git(['commit', '-qm', 'site'], work);
  git(['push', '-q', bare, 'main'], work);
  return bare;
}

/** A site's repository: our rendered layouts mostly, the real sites' layouts every tenth. */
function siteRepository(
  i: number,
  spec: { site: string; node: string; engine: 'argocd' | 'flux' },
): RepoFile[] {
  if (i % 10 === 0) return chsrcRepository();
  if (i % 10 === 5) return uksrcRepository();
  if (i % 10 === 3) return espsrcRepository();
  return renderSite(
    parseSiteSpec({
      node: spec.node,
      site: spec.site,
      owner: 'group:default/srcnet-operations',
      engine: spec.engine,
      acmeEmail: 'ops@example.org',
      repository: {
        url: `https://gitlab.com/ska-telescope/src/${spec.site}-gitops.git`,
      },
      environments: [
        {
          name: 'prod',
          cluster: `${spec.site}-prod`,
          baseDomain: `${spec.site}.example.org`,
        },
      ],
      components: {
        'cert-manager': {},
        'external-dns': {},
        traefik: {},
        'external-secrets': {},
        vault: {},
      },
    }),
  ).files;
}

const until = <T>(what: string, check: () => Promise<T | undefined>) =>
  eventually(check, { what, timeoutMs: 600_000 });

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  if (
    ENGINE === 'postgres' &&
    !process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ) {
    throw new Error(
      'ENGINE=postgres needs a local PostgreSQL: source scripts/postgres.sh first',
    );
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
  const specs = generatedFleet(SITES, OBJECTS);

  // 1. The site repositories, published with real git pushes (setup, not timed as ingestion).
  let t = performance.now();
  const repos = specs.map((spec, i) => {
    const files = siteRepository(i, spec);
    return { spec, files, bare: publish(root, spec.site, files) };
  });
  const publishMs = performance.now() - t;
  t = performance.now();
  const expectedServices = repos.reduce(
    (n, r) => n + scanSiteRepository(r.files).services.length,
    0,
  );
  const scanMs = performance.now() - t;
  fs.writeFileSync(
    path.join(root, 'site-repositories.yaml'),
    repos
      .map(r =>
        stringify({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Location',
          metadata: {
            name: `${r.spec.site}-gitops`,
            annotations: {
              'srcnet.skao.int/site': r.spec.site,
              'srcnet.skao.int/node': r.spec.node,
              'srcnet.skao.int/environment-clusters': `prod=${r.spec.site}-prod`,
            },
          },
          spec: { type: 'srcnet-site-repo', target: `file://${r.bare}` },
        }),
      )
      .join('---\n'),
  );

  // 2. The fleet, in its own process.
  const sim = await startSimulator(
    root,
    {},
    { sites: SITES, objects: OBJECTS },
  );
  const log = new TimedLog();
  const started = performance.now();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleSrcNet,
      srcGitopsPlugin,
      searchPlugin,
      ...(ENGINE === 'postgres' ? [searchModulePg] : []),
      searchModuleSrcGitops,
      schedulerServiceFactory,
      mockServices.database.factory(),
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => log.logger(),
      }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database:
              ENGINE === 'postgres'
                ? {
                    client: 'pg',
                    connection:
                      process.env
                        .BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING,
                    prefix: `srcbench_${Date.now().toString(36)}_`,
                  }
                : { client: 'better-sqlite3', connection: ':memory:' },
          },
          catalog: {
            processingInterval: { minutes: 30 },
            rules: [{ allow: ['Component', 'Location'] }],
            locations: [
              {
                type: 'file',
                target: path.join(root, 'site-repositories.yaml'),
              },
            ],
          },
          srcGitops: {
            ...sim.config.srcGitops,
            localGitRemotes: { directory: path.join(root, 'remotes') },
          },
          search: {
            collators: {
              srcGitopsServices: {
                schedule: {
                  frequency: { seconds: 30 },
                  timeout: { minutes: 2 },
                  initialDelay: { seconds: 1 },
                },
              },
            },
          },
        },
      }),
    ],
  });
  const auth = mockCredentials.user.header();
  const get = (url: string) =>
    request(backend.server).get(url).set('Authorization', auth);

  // 3. Ingestion: every repository's services in the catalog.
  const ingested = await until('all services in the catalog', async () => {
    const res = await get(
      '/api/catalog/entities/by-query?filter=kind=component,spec.type=platform-service&limit=1',
    );
    return res.body.totalItems >= expectedServices
      ? performance.now()
      : undefined;
  });
  const ingestionMs = ingested - started;

  // 4. Index build: a full collator run that starts after ingestion and after every cluster is read.
  await until('every cluster read', async () => {
    const res = await get('/api/src-gitops/fleet');
    return res.body.problems?.length === 0 ? true : undefined;
  });
  const after = performance.now();
  const runs = await until('two full index runs', async () => {
    const starts = log.lines.filter(
      l =>
        l.at > after &&
        l.message.startsWith('Collating documents for src-gitops-service via'),
    );
    const ends = log.lines.filter(
      l => l.message === 'Collating documents for src-gitops-service succeeded',
    );
    const pairs = starts
      .map(s => ({ s, e: ends.find(e => e.at > s.at) }))
      .filter(p => p.e);
    return pairs.length >= 2 ? pairs.map(p => p.e!.at - p.s.at) : undefined;
  });
  const indexed = log.lines
    .filter(l => l.message.startsWith('indexed '))
    .pop()?.message;

  // 5. Query latency through the search API, between index runs: the in-memory engine builds
  // its index on the event loop, so a query during a run waits for it (reported separately).
  const lastEnd = log.lines.filter(
    l => l.message === 'Collating documents for src-gitops-service succeeded',
  ).length;
  await until('the next index run to end', async () =>
    log.lines.filter(
      l => l.message === 'Collating documents for src-gitops-service succeeded',
    ).length > lastEnd
      ? true
      : undefined,
  );
  const queries: Array<Record<string, string>> = [
    { term: 'vault' },
    { term: 'cert-manager' },
    { term: 'traefik 37.0.0' },
    { term: 'external secrets' },
    { term: 'jupyterhub' },
    { term: 'vault', 'filters[node]': 'CHSRC' },
    { term: 'degraded', 'filters[health]': 'degraded' },
    { term: 'vault', 'filters[component]': 'vault' },
  ];
  const latencies: number[] = [];
  const byQuery = new Map<string, number[]>();
  let vaults = 0;
  for (let i = 0; i < QUERIES; i++) {
    const q = queries[i % queries.length];
    const t0 = performance.now();
    const res = await get('/api/search/query').query({
      'types[0]': 'src-gitops-service',
      ...q,
    });
    const took = performance.now() - t0;
    latencies.push(took);
    const label = JSON.stringify(q);
    byQuery.set(label, [...(byQuery.get(label) ?? []), took]);
    if (res.status !== 200)
      throw new Error(
        `search answered ${res.status}: ${JSON.stringify(res.body)}`,
      );
    if (i === 0)
      vaults = res.body.results.filter(
        (r: { document: { component: string } }) =>
          r.document.component === 'vault',
      ).length;
  }
  latencies.sort((a, b) => a - b);

  console.log(
    `\nCatalog search across ${SITES} SRC sites (${ENGINE} search engine)`,
  );
  console.log(
    `  site repositories: ${SITES} (rendered Argo CD/Flux, CHSRC, UKSRC, ESPSRC layouts), ${expectedServices} platform services`,
  );
  console.log(`  publish (git push of all repos, setup): ${ms(publishMs)}`);
  console.log(
    `  pure scan of all repos (parse + model, in process): ${ms(scanMs)}`,
  );
  console.log(
    `  ingestion of all repos into the catalog (backend start to all services present): ${ms(
      ingestionMs,
    )}`,
  );
  console.log(
    `  index build (collator run: live state + catalog join + ${ENGINE} indexing): ${runs
      .map(ms)
      .join(', ')}`,
  );
  console.log(`  ${indexed ?? ''}`);
  console.log(
    `  search API latency over ${QUERIES} queries: median ${ms(
      percentile(latencies, 50),
    )}, p95 ${ms(percentile(latencies, 95))}, max ${ms(
      latencies[latencies.length - 1],
    )}`,
  );
  for (const [label, values] of byQuery) {
    values.sort((a, b) => a - b);
    console.log(
      `    ${label}: median ${ms(percentile(values, 50))}, p95 ${ms(
        percentile(values, 95),
      )}`,
    );
  }
  console.log(`  "vault" finds ${vaults} Vault documents (first page of 25)`);

  await backend.stop();
  sim.child.kill();
  fs.rmSync(root, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
