/**
 * Benchmark: time from navigation to the fleet matrix being visible, and to an entity's GitOps
 * tab table being visible, in headless Chromium against the production build of the app, with
 * the simulator at 100 sites x 60 objects. Needs `yarn workspace app build` first (the backend's
 * app-backend serves packages/app/dist).
 *
 * Run: yarn bench:ui   (RUNS to change the number of measured navigations)
 */
import { spawn, ChildProcess } from 'child_process';
import fs from 'fs';
import path from 'path';
import { chromium } from 'playwright-core';
import { parse, stringify } from 'yaml';

const RUNS = Number(process.env.RUNS ?? 5);
const ROOT = path.resolve(__dirname, '..');
const DATA = path.join(ROOT, '.data/bench-ui');

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

function start(
  command: string[],
  env: Record<string, string> = {},
): ChildProcess {
  // Its own process group, so stopping it stops the backend yarn started, not only yarn.
  return spawn(command[0], command.slice(1), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await new Promise(r => setTimeout(r, 500));
  }
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'packages/app/dist/index.html'))) {
    throw new Error('build the app first: yarn workspace app build');
  }
  fs.rmSync(DATA, { recursive: true, force: true });
  fs.mkdirSync(DATA, { recursive: true });
  const sim = start([
    process.execPath,
    '-r',
    '@backstage/cli/config/nodeTransform.cjs',
    'packages/fleet-simulator/src/cli.ts',
    '--fleet',
    'generated',
    '--sites',
    '100',
    '--objects',
    '60',
    '--backend-config',
    path.join(DATA, 'backend.yaml'),
  ]);
  for (
    let i = 0;
    i < 240 && !fs.existsSync(path.join(DATA, 'backend.yaml'));
    i++
  )
    await new Promise(r => setTimeout(r, 250));
  // Each simulated site as a catalog System, so its page and GitOps tab exist.
  const simConfig = parse(
    fs.readFileSync(path.join(DATA, 'backend.yaml'), 'utf8'),
  );
  const systems = simConfig.srcGitops.clusters.map((c: { site: string }) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: c.site,
      annotations: {
        'srcnet.skao.int/site': c.site,
        'srcnet.skao.int/gitops-selector': `srcnet.skao.int/site=${c.site}`,
      },
    },
    spec: { owner: 'group:default/srcnet-operations' },
  }));
  fs.writeFileSync(
    path.join(DATA, 'sites.yaml'),
    systems.map((e: object) => stringify(e)).join('---\n'),
  );
  // The production frontend bundle, served by the backend itself on :7007.
  fs.writeFileSync(
    path.join(DATA, 'app-config.bench.yaml'),
    stringify({
      app: { baseUrl: 'http://localhost:7007' },
      backend: {
        baseUrl: 'http://localhost:7007',
        database: { client: 'better-sqlite3', connection: ':memory:' },
        cors: { origin: 'http://localhost:7007' },
      },
      catalog: {
        locations: [{ type: 'file', target: path.join(DATA, 'sites.yaml') }],
      },
    }),
  );
  const backend = start([
    'yarn',
    'workspace',
    'backend',
    'start',
    '--config',
    path.join(ROOT, 'app-config.yaml'),
    '--config',
    path.join(DATA, 'backend.yaml'),
    '--config',
    path.join(DATA, 'app-config.bench.yaml'),
  ]);
  let log = '';
  backend.stdout!.on('data', d => (log += d));
  backend.stderr!.on('data', d => (log += d));
  try {
    await waitFor('http://localhost:7007/api/src-gitops/health', 180_000);
    await new Promise(r => setTimeout(r, 8000)); // let the fleet snapshot and the catalog settle
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('http://localhost:7007/');
    await page.getByRole('button', { name: 'Enter' }).click();
    await page.getByRole('link', { name: 'GitOps fleet' }).waitFor();
    const site = 'aussrc-site-000';
    const measure = async (url: string, visible: () => Promise<void>) => {
      const samples: number[] = [];
      for (let i = 0; i < RUNS + 1; i++) {
        const t = Date.now();
        await page.goto(url);
        await visible();
        if (i > 0) samples.push(Date.now() - t); // the first navigation warms the caches
      }
      return samples.sort((a, b) => a - b);
    };
    const fleet = await measure(
      'http://localhost:7007/gitops-fleet',
      async () => {
        await page
          .getByRole('table', { name: 'SRC sites and their platform services' })
          .getByRole('link', { name: 'uksrc-site-010' })
          .waitFor();
      },
    );
    const tab = await measure(
      `http://localhost:7007/catalog/default/system/${site}/gitops`,
      async () => {
        await page
          .getByRole('table', { name: `GitOps objects in ${site}-prod` })
          .getByRole('row')
          .nth(5)
          .waitFor();
      },
    );
    await browser.close();
    console.log(
      `production build, simulator 100 sites x 60 objects, ${RUNS} warm navigations each`,
    );
    console.log(
      `navigation -> fleet matrix visible: median ${percentile(
        fleet,
        50,
      )} ms, max ${fleet[fleet.length - 1]} ms`,
    );
    console.log(
      `navigation -> entity GitOps tab table visible: median ${percentile(
        tab,
        50,
      )} ms, max ${tab[tab.length - 1]} ms`,
    );
  } catch (error) {
    console.error(log.slice(-3000));
    throw error;
  } finally {
    for (const child of [backend, sim]) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
