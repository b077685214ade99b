import { ResourceType, apiVersionOf } from './resources';
import {
  matchesLabels,
  parseLabelSelector,
} from '@srcnet/plugin-src-gitops-common';
import { mergePatch } from './mergePatch';

/** A Kubernetes object as JSON. */
export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  spec?: Record<string, any>;
  status?: Record<string, any>;
  [key: string]: unknown;
};

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export type WatchEvent = {
  type: WatchEventType;
  object: KubeObject;
  resourceVersion: number;
  plural: string;
};

/** How many changes a cluster remembers for watches; older resourceVersions get 410 Gone. */
const EVENT_WINDOW = 2000;

export class GoneError extends Error {}

/**
 * The objects of one simulated cluster, with a resourceVersion counter and a bounded change
 * log so watches can resume from a resourceVersion, as etcd-backed API servers do.
 */
export class ClusterStore {
  private rv = 1;
  private readonly objects = new Map<string, Map<string, KubeObject>>(); // plural -> ns/name -> object
  private readonly events: WatchEvent[] = [];
  private readonly listeners = new Set<(event: WatchEvent) => void>();
  private uidCounter = 0;

  constructor(readonly name: string, readonly types: ResourceType[]) {
    for (const type of types) this.objects.set(type.plural, new Map());
  }

  get resourceVersion(): number {
    return this.rv;
  }

  /** The oldest resourceVersion a watch may resume from. */
  get oldestResumable(): number {
    return this.events.length ? this.events[0].resourceVersion - 1 : this.rv;
  }

  type(plural: string): ResourceType | undefined {
    return this.types.find(t => t.plural === plural);
  }

  /** Adds or replaces an object, bumping its resourceVersion and notifying watches. */
  put(plural: string, object: KubeObject): KubeObject {
    const map = this.objects.get(plural);
    const type = this.type(plural);
    if (!map || !type)
      throw new Error(`cluster ${this.name} does not serve ${plural}`);
    const key = `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
    const existing = map.get(key);
    this.rv += 1;
    const stored: KubeObject = {
      ...object,
      apiVersion: apiVersionOf(type),
      kind: type.kind,
      metadata: {
        ...object.metadata,
        uid: existing?.metadata.uid ?? `${this.name}-${(this.uidCounter += 1)}`,
        creationTimestamp:
          existing?.metadata.creationTimestamp ??
          object.metadata.creationTimestamp ??
          new Date().toISOString(),
        generation:
          object.metadata.generation ?? existing?.metadata.generation ?? 1,
        resourceVersion: String(this.rv),
      },
    };
    map.set(key, stored);
    this.emit({
      type: existing ? 'MODIFIED' : 'ADDED',
      object: stored,
      resourceVersion: this.rv,
      plural,
    });
    return stored;
  }

  get(plural: string, namespace: string, name: string): KubeObject | undefined {
    return this.objects.get(plural)?.get(`${namespace}/${name}`);
  }

  /** Applies a JSON merge patch; a change to `spec` bumps `metadata.generation`. */
  patch(
    plural: string,
    namespace: string,
    name: string,
    patch: unknown,
  ): KubeObject | undefined {
    const existing = this.get(plural, namespace, name);
    if (!existing) return undefined;
    const merged = mergePatch(existing, patch) as KubeObject;
    const specChanged =
      JSON.stringify(merged.spec) !== JSON.stringify(existing.spec);
    merged.metadata = {
      ...merged.metadata,
      name: existing.metadata.name,
      namespace: existing.metadata.namespace,
      generation: (existing.metadata.generation ?? 1) + (specChanged ? 1 : 0),
    };
    return this.put(plural, merged);
  }

  /** Updates an object in place (the reconciler's writes). */
  update(
    plural: string,
    object: KubeObject,
    change: (o: KubeObject) => void,
  ): KubeObject {
    const copy = structuredClone(object);
    change(copy);
    return this.put(plural, copy);
  }

  list(
    plural: string,
    options: { namespace?: string; labelSelector?: string | null } = {},
  ): KubeObject[] {
    const requirements = parseLabelSelector(options.labelSelector);
    const items = [...(this.objects.get(plural)?.values() ?? [])];
    return items
      .filter(
        o =>
          options.namespace === undefined ||
          o.metadata.namespace === options.namespace,
      )
      .filter(o => matchesLabels(requirements, o.metadata.labels))
      .sort((a, b) =>
        `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(
          `${b.metadata.namespace}/${b.metadata.name}`,
        ),
      );
  }

  all(): Array<{ plural: string; object: KubeObject }> {
    return [...this.objects.entries()].flatMap(([plural, map]) =>
      [...map.values()].map(object => ({ plural, object })),
    );
  }

  /** Changes after `resourceVersion` for one resource type; throws GoneError when compacted. */
  eventsSince(plural: string, resourceVersion: number): WatchEvent[] {
    if (resourceVersion < this.oldestResumable) {
      throw new GoneError(
        `too old resource version: ${resourceVersion} (${this.oldestResumable})`,
      );
    }
    return this.events.filter(
      e => e.plural === plural && e.resourceVersion > resourceVersion,
    );
  }

  subscribe(listener: (event: WatchEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Forgets the change log, as an API server does after compaction (for 410 tests). */
  compact(): void {
    this.events.length = 0;
    this.rv += 1;
  }

  private emit(event: WatchEvent) {
    this.events.push(event);
    if (this.events.length > EVENT_WINDOW)
      this.events.splice(0, this.events.length - EVENT_WINDOW);
    for (const listener of this.listeners) listener(event);
  }
}
