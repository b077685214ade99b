import http from 'http';
import fs from 'fs';
import path from 'path';
import { AddressInfo } from 'net';
import { randomBytes } from 'crypto';
import { stringify } from 'yaml';
import { ClusterServer } from './clusterServer';
import { ClusterFaults } from './faults';
import { reconcile } from './reconciler';
import { SimClusterSpec, seedCluster } from './seedCluster';
import { seededRandom } from './random';
import { SimulatorTls, createSimulatorTls } from './tls';

/** A running simulated cluster. */
export type SimCluster = {
  spec: SimClusterSpec;
  server: ClusterServer;
  ticks: Map<string, number>;
};

export type FleetOptions = {
  clusters: SimClusterSpec[];
  /** Reconciler period in ms (0: no background reconciler; call `tick()`). */
  tickMs?: number;
  /** Faults per cluster name, applied at start. */
  faults?: Record<string, ClusterFaults>;
  /** Port of the control API (0: any free port). */
  adminPort?: number;
};

/**
 * Many simulated SRC clusters in one process, each its own API server on its own port, plus a
 * small control API (`/clusters`, `/clusters/<name>/faults`, `/clusters/<name>/drop-watches`,
 * `/clusters/<name>/compact`) for tests and demos.
 */
export class Fleet {
  readonly clusters = new Map<string, SimCluster>();
  private admin?: http.Server;
  private timer?: NodeJS.Timeout;
  adminUrl = '';

  private constructor(readonly tls: SimulatorTls) {}

  static async start(options: FleetOptions): Promise<Fleet> {
    const fleet = new Fleet(createSimulatorTls());
    for (const spec of options.clusters) {
      const store = seedCluster(spec);
      const server = new ClusterServer(
        store,
        {
          readWrite: `rw-${spec.name}-${randomBytes(12).toString('hex')}`,
          readOnly: `ro-${spec.name}-${randomBytes(12).toString('hex')}`,
        },
        seededRandom(`${spec.name}-faults`),
        fleet.tls,
      );
      await server.start();
      fleet.clusters.set(spec.name, { spec, server, ticks: new Map() });
    }
    for (const [name, faults] of Object.entries(options.faults ?? {}))
      await fleet.setFaults(name, faults);
    if (options.tickMs)
      fleet.timer = setInterval(() => fleet.tick(), options.tickMs);
    await fleet.startAdmin(options.adminPort ?? 0);
    return fleet;
  }

  /** One reconciler step on every cluster that is up. */
  tick(): number {
    let changes = 0;
    for (const cluster of this.clusters.values()) {
      if (!cluster.server.faults.down)
        changes += reconcile(cluster.server.store, cluster.ticks);
    }
    return changes;
  }

  cluster(name: string): SimCluster {
    const cluster = this.clusters.get(name);
    if (!cluster) throw new Error(`no simulated cluster '${name}'`);
    return cluster;
  }

  async setFaults(name: string, faults: ClusterFaults): Promise<void> {
    await this.cluster(name).server.setFaults(faults);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all([...this.clusters.values()].map(c => c.server.stop()));
    await new Promise<void>(resolve =>
      this.admin ? this.admin.close(() => resolve()) : resolve(),
    );
  }

  /** The backend configuration (`srcGitops.clusters`) pointing at this fleet. */
  backendConfig(options: { readOnly?: string[] } = {}) {
    return {
      srcGitops: {
        simulated: true,
        clusters: [...this.clusters.values()].map(({ spec, server }) => ({
          name: spec.name,
          site: spec.site,
          node: spec.node,
          url: server.url,
          caData: this.tls.caPem,
          auth: {
            token: options.readOnly?.includes(spec.name)
              ? server.tokens.readOnly
              : server.tokens.readWrite,
          },
          flux: spec.engine === 'flux',
          ...(spec.engine === 'argocd'
            ? {
                argocdNamespaces: ['argocd'],
                argocdUrl: `https://argocd.${spec.environment}.${spec.site}.example.org`,
              }
            : {}),
          timeoutMs: 5000,
        })),
      },
    };
  }

  /** A kubeconfig with one context per cluster, for `kubectl --context <cluster>`. */
  kubeconfig() {
    const clusters = [...this.clusters.values()];
    return {
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': clusters[0]?.spec.name,
      clusters: clusters.map(c => ({
        name: c.spec.name,
        cluster: {
          server: c.server.url,
          'certificate-authority-data': Buffer.from(this.tls.caPem).toString(
            'base64',
          ),
        },
      })),
      users: clusters.map(c => ({
        name: `${c.spec.name}-admin`,
        user: { token: c.server.tokens.readWrite },
      })),
      contexts: clusters.map(c => ({
        name: c.spec.name,
        context: { cluster: c.spec.name, user: `${c.spec.name}-admin` },
      })),
    };
  }

  writeFiles(options: { kubeconfigPath?: string; backendConfigPath?: string }) {
    for (const [file, content] of [
      [options.kubeconfigPath, this.kubeconfig()],
      [options.backendConfigPath, this.backendConfig()],
    ] as const) {
      if (!file) continue;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(
        file,
        `# Written by the SRC fleet simulator; holds test tokens.\n${stringify(
          content,
        )}`,
        { mode: 0o600 },
      );
    }
  }

  private async startAdmin(port: number) {
    this.admin = http.createServer(async (req, res) => {
      let answer: [number, unknown];
      try {
        answer = await this.adminRoute(req);
      } catch (error) {
        answer = [500, { error: String(error) }];
      }
      res.writeHead(answer[0], { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer[1]));
    });
    await new Promise<void>(resolve =>
      this.admin!.listen(port, '127.0.0.1', () => resolve()),
    );
    this.adminUrl = `http://127.0.0.1:${
      (this.admin.address() as AddressInfo).port
    }`;
  }

  private async adminRoute(
    req: http.IncomingMessage,
  ): Promise<[number, unknown]> {
    const parts = (req.url ?? '/').split('?')[0].split('/').filter(Boolean);
    if (req.method === 'GET' && parts.length === 1 && parts[0] === 'clusters') {
      return [
        200,
        [...this.clusters.values()].map(c => ({
          name: c.spec.name,
          site: c.spec.site,
          engine: c.spec.engine,
          url: c.server.url,
          faults: c.server.faults,
          calls: c.server.calls,
          objects: c.server.store.all().length,
        })),
      ];
    }
    if (req.method === 'POST' && parts[0] === 'tick') {
      return [200, { changes: this.tick() }];
    }
    if (
      req.method !== 'POST' ||
      parts[0] !== 'clusters' ||
      parts.length !== 3
    ) {
      return [404, { error: 'not found' }];
    }
    const name = decodeURIComponent(parts[1]);
    if (!this.clusters.has(name)) return [404, { error: `no cluster ${name}` }];
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length
      ? JSON.parse(Buffer.concat(chunks).toString('utf8'))
      : {};
    switch (parts[2]) {
      case 'faults':
        await this.setFaults(name, body);
        break;
      case 'drop-watches':
        this.cluster(name).server.dropWatches();
        break;
      case 'compact':
        this.cluster(name).server.store.compact();
        break;
      default:
        return [404, { error: `unknown action ${parts[2]}` }];
    }
    return [200, { ok: true }];
  }
}
