import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterReachability,
  GitOpsEngine,
  GitOpsResource,
} from '@srcnet/plugin-src-gitops-common';
import { ClusterConfig } from '../config/clusterConfig';
import { ClusterClient, WatchEvent } from './ClusterClient';
import { ClusterError } from './clusterErrors';
import { ServedKind, collectionPath, servedKinds } from './gitopsKinds';
import { RawObject } from '../normalise/common';
import { normaliseObject } from '../normalise/normaliseObject';
import { linkFluxSources } from '../normalise/flux';

/** What the backend knows of one cluster at a moment: never its URL or credentials. */
export type ClusterSnapshot = {
  cluster: string;
  site: string;
  node?: string;
  reachability: ClusterReachability;
  engines: GitOpsEngine[];
  /** When the state was last confirmed current (list, watch event or bookmark). */
  observedAt?: string;
  /** The last failure, for people; cleared by the next success. */
  lastError?: string;
  /** When the cluster was first seen failing since its last success. */
  failingSince?: string;
  resources: GitOpsResource[];
  simulated?: boolean;
  argocdUrl?: string;
};

export type WatcherTimings = {
  /** Full relist period, to heal anything a watch missed. */
  resyncMs: number;
  /** A watch with no byte (not even a bookmark) for this long is reconnected. */
  idleMs: number;
  /** Server-side watch timeout. */
  watchTimeoutSeconds: number;
  backoffInitialMs: number;
  backoffMaxMs: number;
};

export const DEFAULT_TIMINGS: WatcherTimings = {
  resyncMs: 5 * 60_000,
  idleMs: 90_000,
  watchTimeoutSeconds: 300,
  backoffInitialMs: 1_000,
  backoffMaxMs: 30_000,
};

class RelistNeeded extends Error {}

/** A collection the watcher lists and then watches from the list's resourceVersion. */
type WatchScope = { kind: ServedKind; path: string; resourceVersion: string };

/**
 * Keeps one cluster's GitOps objects current: discover served versions, list every kind (in
 * pages), then watch from the list's resourceVersion. A `410 Gone` relists at once; other
 * failures keep the last known objects, record the error and retry with backoff.
 */
export class ClusterWatcher {
  private readonly objects = new Map<string, Map<string, GitOpsResource>>();
  private kinds: ServedKind[] = [];
  private reachability: ClusterReachability = 'pending';
  private observedAt?: string;
  private lastError?: string;
  private failingSince?: string;
  private cached?: ClusterSnapshot;
  private cachedResources?: GitOpsResource[];
  /** Bumped on every change; answers built from snapshots are cached against it. */
  version = 0;
  /** Bumped when objects, reachability or errors change, not when only freshness does. */
  stateVersion = 0;
  private readonly abort = new AbortController();
  private loop?: Promise<void>;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly cluster: ClusterConfig,
    readonly client: ClusterClient,
    private readonly logger: LoggerService,
    private readonly timings: WatcherTimings = DEFAULT_TIMINGS,
    private readonly simulated = false,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  /** Called on every change, for waiting tests and push updates. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): ClusterSnapshot {
    if (!this.cached) {
      // Objects change less often than freshness (every bookmark); relink only on object changes.
      this.cachedResources ??= linkFluxSources(
        [...this.objects.values()].flatMap(m => [...m.values()]),
      );
      const resources = this.cachedResources;
      this.cached = {
        cluster: this.cluster.name,
        site: this.cluster.site,
        node: this.cluster.node,
        reachability: this.reachability,
        engines: [...new Set(this.kinds.map(k => k.engine))],
        observedAt: this.observedAt,
        lastError: this.lastError,
        failingSince: this.failingSince,
        resources,
        ...(this.simulated ? { simulated: true } : {}),
        argocdUrl: this.cluster.argocdUrl,
      };
    }
    return this.cached;
  }

  /** Puts an object the backend itself just patched, so the answer shows it at once. */
  applyObject(kind: ServedKind, object: RawObject): GitOpsResource {
    const resource = this.normalise(kind, object);
    this.kindMap(kind).set(resource.id, resource);
    this.changed({ objects: true });
    return resource;
  }

  kindOf(engine: string, kind: string): ServedKind | undefined {
    return this.kinds.find(k => k.engine === engine && k.kind === kind);
  }

  private async run(): Promise<void> {
    let backoff = this.timings.backoffInitialMs;
    const signal = this.abort.signal;
    while (!signal.aborted) {
      try {
        await this.discover(signal);
        const scopes = await this.listAll(signal);
        this.succeeded();
        backoff = this.timings.backoffInitialMs;
        await this.watchAll(scopes, signal);
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof RelistNeeded) {
          this.logger.info(
            `Cluster ${this.cluster.name}: ${error.message}; listing again`,
          );
          continue;
        }
        this.failed(error);
        await this.sleep(backoff, signal);
        backoff = Math.min(backoff * 2, this.timings.backoffMaxMs);
      }
    }
  }

  private async discover(signal: AbortSignal) {
    const discovery = await this.client.getJson<{
      groups?: Array<{ name: string; versions?: Array<{ version: string }> }>;
    }>('/apis', signal);
    this.kinds = servedKinds(discovery, {
      argocd: true,
      flux: this.cluster.flux !== false,
    });
  }

  /** One list-and-watch unit: a kind in all namespaces, or in one configured namespace. */
  private scopes(): Array<{ kind: ServedKind; namespace?: string }> {
    return this.kinds.flatMap(kind =>
      kind.engine === 'argocd' && this.cluster.argocdNamespaces?.length
        ? this.cluster.argocdNamespaces.map(namespace => ({ kind, namespace }))
        : [{ kind }],
    );
  }

  private async listAll(signal: AbortSignal): Promise<WatchScope[]> {
    const fresh = new Map<string, Map<string, GitOpsResource>>();
    const scopes: WatchScope[] = [];
    for (const { kind, namespace } of this.scopes()) {
      const path = collectionPath(kind, namespace);
      const list = await this.client.listAll<RawObject>(path, { signal });
      const map =
        fresh.get(this.kindKey(kind)) ?? new Map<string, GitOpsResource>();
      for (const item of list.items) {
        const resource = this.normalise(kind, item);
        map.set(resource.id, resource);
      }
      fresh.set(this.kindKey(kind), map);
      scopes.push({ kind, path, resourceVersion: list.resourceVersion });
    }
    this.objects.clear();
    for (const [key, map] of fresh) this.objects.set(key, map);
    this.changed({ objects: true });
    return scopes;
  }

  private async watchAll(scopes: WatchScope[], signal: AbortSignal) {
    const round = new AbortController();
    const stopRound = () => round.abort();
    signal.addEventListener('abort', stopRound);
    const resync = setTimeout(stopRound, this.timings.resyncMs);
    try {
      await Promise.all(
        scopes.map(scope =>
          this.watchScope(scope, round.signal).catch(error => {
            round.abort();
            throw error;
          }),
        ),
      );
      if (scopes.length === 0)
        await this.sleep(this.timings.resyncMs, round.signal);
    } finally {
      clearTimeout(resync);
      signal.removeEventListener('abort', stopRound);
    }
  }

  private async watchScope(scope: WatchScope, signal: AbortSignal) {
    const { kind } = scope;
    // Advanced by every event and bookmark, so a reconnect resumes where the stream ended.
    const position = { resourceVersion: scope.resourceVersion };
    while (!signal.aborted) {
      const started = Date.now();
      try {
        await this.client.watch<RawObject>(scope.path, {
          resourceVersion: position.resourceVersion,
          signal,
          idleMs: this.timings.idleMs,
          timeoutSeconds: this.timings.watchTimeoutSeconds,
          onEvent: event => this.applyEvent(kind, event, position),
        });
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof ClusterError && error.kind === 'gone') {
          throw new RelistNeeded(`watch of ${kind.plural} expired (410 Gone)`);
        }
        throw error;
      }
      // A watch the server ends at once is not a healthy stream; never reconnect in a hot loop.
      if (Date.now() - started < 1000)
        await this.sleep(this.timings.backoffInitialMs, signal);
    }
  }

  private applyEvent(
    kind: ServedKind,
    event: WatchEvent<RawObject>,
    position: { resourceVersion: string },
  ) {
    const rv = (
      event.object.metadata as { resourceVersion?: string } | undefined
    )?.resourceVersion;
    if (rv) position.resourceVersion = rv;
    this.observedAt = new Date().toISOString();
    if (event.type !== 'BOOKMARK') {
      const resource = this.normalise(kind, event.object);
      if (event.type === 'DELETED') this.kindMap(kind).delete(resource.id);
      else this.kindMap(kind).set(resource.id, resource);
    }
    this.changed(
      event.type === 'BOOKMARK' ? { freshnessOnly: true } : { objects: true },
    );
  }

  private normalise(kind: ServedKind, object: RawObject): GitOpsResource {
    return normaliseObject(kind, object, {
      cluster: this.cluster.name,
      site: this.cluster.site,
      argocdUrl: this.cluster.argocdUrl,
    });
  }

  private kindKey(kind: ServedKind): string {
    return `${kind.engine}/${kind.kind}`;
  }

  private kindMap(kind: ServedKind): Map<string, GitOpsResource> {
    const key = this.kindKey(kind);
    let map = this.objects.get(key);
    if (!map) {
      map = new Map();
      this.objects.set(key, map);
    }
    return map;
  }

  private succeeded() {
    if (this.lastError)
      this.logger.info(`Cluster ${this.cluster.name} is reachable again`);
    this.reachability = this.kinds.length === 0 ? 'not-installed' : 'reachable';
    this.observedAt = new Date().toISOString();
    this.lastError = undefined;
    this.failingSince = undefined;
    this.changed();
  }

  private failed(error: unknown) {
    const message =
      error instanceof ClusterError
        ? error.message
        : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
    this.reachability =
      error instanceof ClusterError ? error.reachability : 'unreachable';
    if (message !== this.lastError)
      this.logger.warn(`Cluster ${this.cluster.name}: ${message}`);
    this.lastError = message;
    this.failingSince ??= new Date().toISOString();
    this.changed();
  }

  private changed(what: { objects?: boolean; freshnessOnly?: boolean } = {}) {
    this.cached = undefined;
    if (what.objects) this.cachedResources = undefined;
    this.version += 1;
    if (!what.freshnessOnly) this.stateVersion += 1;
    for (const listener of this.listeners) listener();
  }

  private sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise(resolve => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done);
    });
  }
}
