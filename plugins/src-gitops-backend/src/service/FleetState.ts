import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterConfig } from '../config/clusterConfig';
import { ClusterClient } from '../cluster/ClusterClient';
import {
  ClusterSnapshot,
  ClusterWatcher,
  WatcherTimings,
  DEFAULT_TIMINGS,
} from '../cluster/ClusterWatcher';

/**
 * The live state of every configured cluster, one watcher each. User requests read these
 * snapshots; they never wait for a cluster.
 */
export class FleetState {
  private readonly watchers: Map<string, ClusterWatcher>;

  constructor(
    clusters: ClusterConfig[],
    logger: LoggerService,
    options: {
      timings?: WatcherTimings;
      simulated?: boolean;
      fetch?: typeof fetch;
    } = {},
  ) {
    this.watchers = new Map(
      clusters.map(cluster => [
        cluster.name,
        new ClusterWatcher(
          cluster,
          new ClusterClient(cluster, { fetch: options.fetch }),
          logger.child({ cluster: cluster.name }),
          options.timings ?? DEFAULT_TIMINGS,
          options.simulated ?? false,
        ),
      ]),
    );
  }

  start(): void {
    for (const watcher of this.watchers.values()) watcher.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.watchers.values()].map(w => w.stop()));
  }

  /** Changes whenever any cluster's state does; a key for caching answers. */
  version(): string {
    return [...this.watchers.values()].map(w => w.version).join('.');
  }

  /**
   * A value derived from all snapshots, computed once per state version: the fleet answer is
   * read far more often than the fleet changes.
   */
  derived<T>(key: string, compute: (snapshots: ClusterSnapshot[]) => T): T {
    const version = this.version();
    const hit = this.cache.get(key);
    if (hit && hit.version === version) return hit.value as T;
    const value = compute(this.snapshots());
    this.cache.set(key, { version, value });
    return value;
  }

  private readonly cache = new Map<
    string,
    { version: string; value: unknown }
  >();

  snapshots(): ClusterSnapshot[] {
    return [...this.watchers.values()].map(w => w.snapshot());
  }

  watcher(cluster: string): ClusterWatcher | undefined {
    return this.watchers.get(cluster);
  }

  /** Calls made to all clusters so far (benchmarks: calls per user request). */
  clusterCalls(): number {
    return [...this.watchers.values()].reduce((n, w) => n + w.client.calls, 0);
  }

  /** Resolves once `predicate` holds for the snapshots (tests and benchmarks). */
  waitFor(
    predicate: (snapshots: ClusterSnapshot[]) => boolean,
    timeoutMs: number,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const unsubscribes: Array<() => void> = [];
      let timer: NodeJS.Timeout | undefined = undefined;
      const finish = (error?: Error) => {
        clearTimeout(timer);
        unsubscribes.forEach(u => u());
        if (error) reject(error);
        else resolve();
      };
      const check = () => {
        if (predicate(this.snapshots())) finish();
      };
      timer = setTimeout(
        () =>
          finish(new Error(`fleet state not reached within ${timeoutMs} ms`)),
        timeoutMs,
      );
      for (const w of this.watchers.values())
        unsubscribes.push(w.onChange(check));
      check();
    });
  }
}
