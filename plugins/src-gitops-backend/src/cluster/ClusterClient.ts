import { Agent } from 'undici';
import { ClusterConfig } from '../config/clusterConfig';
import { ClusterError, transportError } from './clusterErrors';

/** A Kubernetes list answer. */
export type KubeList<T> = {
  items: T[];
  metadata: { resourceVersion?: string; continue?: string };
};

/** One event of a watch stream. */
export type WatchEvent<T> = {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
};

/** Page size of list calls: big lists arrive in pages, as the API server prefers. */
const PAGE_SIZE = 250;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Talks to one cluster's API server: the only place that holds its token and CA. Every call
 * has a timeout; failures become ClusterErrors with messages safe to show.
 */
export class ClusterClient {
  private readonly dispatcher?: Agent;
  private readonly fetchImpl: typeof fetch;
  /** Calls made, for the "cluster calls per user request" figure. */
  calls = 0;

  constructor(
    private readonly cluster: ClusterConfig,
    options: { fetch?: typeof fetch } = {},
  ) {
    this.fetchImpl = options.fetch ?? fetch;
    // TLS settings are per cluster; the process-wide defaults stay untouched.
    if (
      cluster.url.startsWith('https:') &&
      (cluster.credentials.caData || cluster.credentials.skipTLSVerify)
    ) {
      this.dispatcher = new Agent({
        connect: {
          ca: cluster.credentials.caData,
          rejectUnauthorized: !cluster.credentials.skipTLSVerify,
        },
      });
    }
  }

  get name(): string {
    return this.cluster.name;
  }

  /** A request with auth, timeout (until the answer's headers, or `signal`) and TLS settings. */
  async request(
    path: string,
    init: {
      method?: string;
      body?: string;
      contentType?: string;
      signal?: AbortSignal;
      timeoutMs?: number;
    } = {},
  ): Promise<Response> {
    if (!path.startsWith('/'))
      throw new Error(`cluster paths are absolute, got ${path}`);
    const timeoutMs = init.timeoutMs ?? this.cluster.timeoutMs;
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException('timeout', 'TimeoutError')),
      timeoutMs,
    );
    const signal = init.signal
      ? AbortSignal.any([init.signal, timeout.signal])
      : timeout.signal;
    this.calls += 1;
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.cluster.url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          Accept: 'application/json',
          ...(this.cluster.credentials.token
            ? { Authorization: `Bearer ${this.cluster.credentials.token}` }
            : {}),
          ...(init.contentType ? { 'Content-Type': init.contentType } : {}),
        },
        body: init.body,
        signal,
        // Node's fetch takes an undici dispatcher; the DOM RequestInit type does not know it.
        ...(this.dispatcher ? ({ dispatcher: this.dispatcher } as object) : {}),
      });
    } catch (error) {
      throw transportError(
        timeout.signal.aborted ? timeout.signal.reason : error,
        timeoutMs,
      );
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) throw await this.statusError(response);
    return response;
  }

  async getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
    const response = await this.request(path, { signal });
    return this.json<T>(response);
  }

  /** Every item of a list, page by page (`limit` and `continue`). */
  async listAll<T>(
    path: string,
    options: { labelSelector?: string; signal?: AbortSignal } = {},
  ): Promise<{ items: T[]; resourceVersion: string }> {
    const items: T[] = [];
    let token: string | undefined;
    let resourceVersion = '';
    do {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (token) query.set('continue', token);
      if (options.labelSelector)
        query.set('labelSelector', options.labelSelector);
      const page = await this.getJson<KubeList<T>>(
        `${path}?${query}`,
        options.signal,
      );
      if (!isRecord(page) || !Array.isArray(page.items)) {
        throw new ClusterError('malformed', 'the list answer has no items');
      }
      items.push(...page.items);
      token = page.metadata?.continue || undefined;
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
    } while (token);
    return { items, resourceVersion };
  }

  /**
   * Streams a watch from `resourceVersion` until the server ends it, `signal` aborts, or no
   * byte (not even a bookmark) arrives for `idleMs`. Calls `onEvent` for each event.
   */
  async watch<T>(
    path: string,
    options: {
      resourceVersion: string;
      signal: AbortSignal;
      idleMs: number;
      timeoutSeconds: number;
      onEvent: (event: WatchEvent<T>) => void;
    },
  ): Promise<void> {
    const query = new URLSearchParams({
      watch: 'true',
      resourceVersion: options.resourceVersion,
      allowWatchBookmarks: 'true',
      timeoutSeconds: String(options.timeoutSeconds),
    });
    const idle = new AbortController();
    const signal = AbortSignal.any([options.signal, idle.signal]);
    const response = await this.request(`${path}?${query}`, { signal });
    if (!response.body)
      throw new ClusterError('malformed', 'the watch answer has no body');
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let idleTimer = setTimeout(() => idle.abort(), options.idleMs);
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          if (buffer.trim())
            throw new ClusterError(
              'malformed',
              'the watch stream ended in the middle of an event',
            );
          return;
        }
        clearTimeout(idleTimer);
        idleTimer = setTimeout(() => idle.abort(), options.idleMs);
        buffer += decoder.decode(value, { stream: true });
        let newline = buffer.indexOf('\n');
        while (newline >= 0) {
          const line = buffer.slice(0, newline).trim();
          buffer = buffer.slice(newline + 1);
          if (line) options.onEvent(this.parseEvent<T>(line));
          newline = buffer.indexOf('\n');
        }
      }
    } catch (error) {
      if (error instanceof ClusterError) throw error;
      if (options.signal.aborted) return;
      if (idle.signal.aborted)
        throw new ClusterError(
          'timeout',
          `the watch was silent for ${options.idleMs} ms`,
        );
      throw transportError(error, options.idleMs);
    } finally {
      clearTimeout(idleTimer);
      reader.cancel().catch(() => {});
    }
  }

  /** A JSON merge patch of one object. */
  async mergePatch<T>(path: string, patch: unknown): Promise<T> {
    const response = await this.request(path, {
      method: 'PATCH',
      body: JSON.stringify(patch),
      contentType: 'application/merge-patch+json',
    });
    return this.json<T>(response);
  }

  private parseEvent<T>(line: string): WatchEvent<T> {
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch {
      throw new ClusterError(
        'malformed',
        'the watch stream sent something that is not JSON',
      );
    }
    if (
      !isRecord(event) ||
      typeof event.type !== 'string' ||
      !isRecord(event.object)
    ) {
      throw new ClusterError(
        'malformed',
        'the watch stream sent an event without type or object',
      );
    }
    if (event.type === 'ERROR') {
      const code = Number(event.object.code);
      const message = String(event.object.message ?? 'watch error');
      throw new ClusterError(
        code === 410 ? 'gone' : 'server-error',
        message,
        code,
      );
    }
    return event as WatchEvent<T>;
  }

  private async json<T>(response: Response): Promise<T> {
    const text = await response.text();
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ClusterError('malformed', 'the answer is not valid JSON');
    }
  }

  private async statusError(response: Response): Promise<ClusterError> {
    let message = `HTTP ${response.status}`;
    try {
      const body = (await response.json()) as { message?: string };
      if (body?.message) message = `${message}: ${body.message}`;
    } catch {
      // not a Status object; the status code says enough
    }
    const kinds: Record<number, ClusterError['kind']> = {
      401: 'unauthorized',
      403: 'forbidden',
      404: 'not-found',
      409: 'conflict',
      410: 'gone',
    };
    return new ClusterError(
      kinds[response.status] ?? 'server-error',
      message,
      response.status,
    );
  }
}
