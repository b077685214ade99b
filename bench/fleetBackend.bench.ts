/**
 * Benchmark: the src-gitops backend against 100 simulated clusters x 60 objects, 50-150 ms of
 * latency per cluster call and faults on 5 clusters. Prints: time to a complete fleet snapshot,
 * fleet and entity endpoint latency (median, p95) and requests per second under 50 concurrent
 * clients, time from a change in a cluster to the API showing it, cluster calls per user
 * request, and the backend process's RSS. The simulator runs in its own process.
 *
 * Run: yarn bench:fleet   (SITES, OBJECTS, CLIENTS, SECONDS to change the load)
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Agent } from 'undici';
import { performance } from 'perf_hooks';
import { Worker } from 'worker_threads';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import srcGitopsPlugin from '@srcnet/plugin-src-gitops-backend';
import { percentile, startSimulator } from './lib/simulator';

const SITES = Number(process.env.SITES ?? 100);
const OBJECTS = Number(process.env.OBJECTS ?? 60);
const CLIENTS = Number(process.env.CLIENTS ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 10);

type SimCluster = {
  name: string;
  site: string;
  engine: string;
  url: string;
  calls: { total: number };
};

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fleet-'));
  // Latency on every cluster; faults on five of them.
  const names = Array.from({ length: SITES }, (_, i) => i);
  const faultyIndex = (i: number) => Math.floor(((i + 0.5) * SITES) / 5);
  const faultKinds = [
    { down: true },
    { hang: true },
    { errorRate: 1 },
    { malformed: true },
    { expiredToken: true },
  ];
  const probe = await startSimulator(
    dir,
    {},
    { sites: SITES, objects: OBJECTS },
  );
  const clusterNames: string[] = (
    await (await fetch(`${probe.adminUrl}/clusters`)).json()
  ).map((c: SimCluster) => c.name);
  probe.child.kill();
  const faults: Record<string, unknown> = {};
  for (const i of names) faults[clusterNames[i]] = { latencyMs: [50, 150] };
  faultKinds.forEach(
    (f, i) =>
      (faults[clusterNames[faultyIndex(i)]] = {
        ...(faults[clusterNames[faultyIndex(i)]] as object),
        ...f,
      }),
  );
  const sim = await startSimulator(dir, faults, {
    sites: SITES,
    objects: OBJECTS,
  });
  const clusters: SimCluster[] = await (
    await fetch(`${sim.adminUrl}/clusters`)
  ).json();

  const sites = [...new Set(clusters.map(c => c.site))];
  const entities = sites.map(site => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: site,
      annotations: {
        'srcnet.skao.int/site': site,
        'srcnet.skao.int/gitops-selector': `srcnet.skao.int/site=${site}`,
      },
    },
    spec: { owner: 'group:default/srcnet-operations' },
  }));

  const started = performance.now();
  const backend = await startTestBackend({
    features: [
      srcGitopsPlugin,
      mockServices.rootConfig.factory({
        data: {
          srcGitops: {
            ...sim.config.srcGitops,
            watch: { backoffInitialMs: 1000, backoffMaxMs: 5000 },
          },
        },
      }),
      catalogServiceMock.factory({ entities }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.logger.factory(),
    ],
  });
  const address = backend.server.address() as { port: number };
  const base = `http://127.0.0.1:${address.port}/api/src-gitops`;
  const headers = { Authorization: mockCredentials.user.header() };
  const faulty = new Set(
    faultKinds.map((_, i) => clusterNames[faultyIndex(i)]),
  );
  const expectedHealthy = clusters.filter(c => !faulty.has(c.name)).length;

  // 1. Start to a complete snapshot: every healthy cluster listed, every faulty one named.
  let healthyMs = 0;
  for (;;) {
    const body = await (await fetch(`${base}/fleet`, { headers })).json();
    const ready = body.sites
      .flatMap(
        (s: {
          clusters: Array<{ reachability: string; counts: { total: number } }>;
        }) => s.clusters,
      )
      .filter(
        (c: { reachability: string; counts: { total: number } }) =>
          c.reachability === 'reachable' && c.counts.total > 0,
      ).length;
    const named = body.problems.filter(
      (p: { reachability: string }) => p.reachability !== 'pending',
    ).length;
    if (ready === expectedHealthy && !healthyMs)
      healthyMs = performance.now() - started;
    if (ready === expectedHealthy && named === faulty.size) break;
    await new Promise(r => setTimeout(r, 50));
  }
  const snapshotMs = performance.now() - started;

  // 2. Load: CLIENTS concurrent clients for SECONDS on each endpoint.
  const callsBefore = await totalCalls(sim.adminUrl, faulty);
  // The load generator runs on its own thread, so the backend has a core to itself as it would
  // in production (these machines have two).
  async function load(urls: string[], conditional = false) {
    const latencies = await runLoadWorker({
      urls,
      headers,
      clients: CLIENTS,
      seconds: SECONDS,
      conditional,
    });
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      rps: latencies.length / SECONDS,
      median: percentile(latencies, 50),
      p95: percentile(latencies, 95),
    };
  }
  const fleetBytes = (
    await (await fetch(`${base}/fleet`, { headers })).arrayBuffer()
  ).byteLength;
  const entityBytes = (
    await (
      await fetch(`${base}/entity?entityRef=system:default/${sites[0]}`, {
        headers,
      })
    ).arrayBuffer()
  ).byteLength;
  const fleetLoad = await load([`${base}/fleet`]);
  const pollLoad = await load([`${base}/fleet`], true);
  const entityLoad = await load(
    sites.map(site => `${base}/entity?entityRef=system:default/${site}`),
  );
  const callsAfter = await totalCalls(sim.adminUrl, faulty);
  const callsPerRequest =
    (callsAfter - callsBefore) /
    (fleetLoad.requests + pollLoad.requests + entityLoad.requests);

  // 3. Change in a cluster -> visible in the API (suspend a Flux HelmRelease with a real PATCH).
  const visible: number[] = [];
  const fluxClusters = sim.config.srcGitops.clusters
    .filter(
      (c: { name: string; flux: boolean }) => c.flux && !faulty.has(c.name),
    )
    .slice(0, 12);
  const caAgent = new Agent({
    connect: { ca: sim.config.srcGitops.clusters[0].caData },
  });
  for (const c of fluxClusters) {
    const list = await (
      await fetch(
        `${c.url}/apis/helm.toolkit.fluxcd.io/v2/helmreleases?limit=1`,
        {
          headers: { Authorization: `Bearer ${c.auth.token}` },
          dispatcher: caAgent,
        } as RequestInit,
      )
    ).json();
    const hr = list.items?.[0];
    if (!hr) continue; // a cluster on the beta Flux API
    const t = performance.now();
    await fetch(
      `${c.url}/apis/helm.toolkit.fluxcd.io/v2/namespaces/${hr.metadata.namespace}/helmreleases/${hr.metadata.name}`,
      {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${c.auth.token}`,
          'Content-Type': 'application/merge-patch+json',
        },
        body: JSON.stringify({ spec: { suspend: true } }),
        dispatcher: caAgent,
      } as RequestInit,
    );
    for (;;) {
      const body = await (
        await fetch(`${base}/sites/${c.site}`, { headers })
      ).json();
      if (
        body.items.some(
          (r: { name: string; suspended: boolean }) =>
            r.name === hr.metadata.name && r.suspended,
        )
      )
        break;
      await new Promise(r => setTimeout(r, 10));
    }
    visible.push(performance.now() - t);
  }
  visible.sort((a, b) => a - b);
  const rssMb = process.memoryUsage().rss / 1024 / 1024;

  console.log(
    `fleet: ${SITES} clusters x ${OBJECTS} objects, 50-150 ms latency per call, faults on ${faulty.size} clusters (down, hang, 500s, malformed, expired token)`,
  );
  console.log(
    `time from start to every reachable cluster listed: ${(
      healthyMs / 1000
    ).toFixed(2)} s`,
  );
  console.log(
    `time from start to a complete fleet snapshot (faulty clusters named too; the hung one after its 5 s call timeout): ${(
      snapshotMs / 1000
    ).toFixed(2)} s`,
  );
  const rows = [
    ['GET /fleet', fleetLoad, `${(fleetBytes / 1024).toFixed(0)} KiB`],
    ['GET /fleet polled with If-None-Match', pollLoad, '304 while unchanged'],
    ['GET /entity', entityLoad, `${(entityBytes / 1024).toFixed(0)} KiB`],
  ] as const;
  for (const [name, r, size] of rows) {
    console.log(
      `${name} (${size}), ${CLIENTS} clients x ${SECONDS} s: ${
        r.requests
      } requests, ${r.rps.toFixed(0)} req/s, median ${r.median.toFixed(
        1,
      )} ms, p95 ${r.p95.toFixed(1)} ms`,
    );
  }
  console.log(
    `cluster calls per user request (healthy clusters, during the load): ${callsPerRequest.toFixed(
      4,
    )}`,
  );
  console.log(
    `change in a cluster -> visible in the API: median ${percentile(
      visible,
      50,
    ).toFixed(0)} ms, max ${visible[visible.length - 1].toFixed(0)} ms (${
      visible.length
    } changes)`,
  );
  console.log(
    `backend process RSS (backend and load generator, simulator excluded): ${rssMb.toFixed(
      0,
    )} MB`,
  );

  await backend.stop();
  sim.child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const LOAD_WORKER = `
const { parentPort, workerData } = require('worker_threads');
const { performance } = require('perf_hooks');
(async () => {
  const { urls, headers, clients, seconds, conditional } = workerData;
  const etags = new Map();
  const latencies = [];
  const until = performance.now() + seconds * 1000;
  let i = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < until) {
      const t = performance.now();
      const url = urls[i++ % urls.length];
      const etag = conditional && etags.get(url);
      const res = await fetch(url, { headers: etag ? { ...headers, 'If-None-Match': etag } : headers });
      await res.arrayBuffer();
      if (!res.ok && res.status !== 304) throw new Error('HTTP ' + res.status);
      if (res.headers.get('etag')) etags.set(url, res.headers.get('etag'));
      latencies.push(performance.now() - t);
    }
  }));
  parentPort.postMessage(latencies);
})().catch(error => { throw error; });
`;

function runLoadWorker(data: {
  urls: string[];
  headers: Record<string, string>;
  clients: number;
  seconds: number;
  conditional?: boolean;
}): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, { eval: true, workerData: data });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function totalCalls(
  adminUrl: string,
  exclude: Set<string>,
): Promise<number> {
  const clusters: SimCluster[] = await (
    await fetch(`${adminUrl}/clusters`)
  ).json();
  return clusters
    .filter(c => !exclude.has(c.name))
    .reduce((n, c) => n + c.calls.total, 0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
