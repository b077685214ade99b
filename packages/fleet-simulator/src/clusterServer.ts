import http from 'http';
import https from 'https';
import { AddressInfo, Socket } from 'net';
import {
  ClusterStore,
  GoneError,
  KubeObject,
  WatchEvent,
} from './clusterStore';
import { ClusterFaults, latencyOf } from './faults';
import {
  LabelSelectorError,
  matchesLabels,
  parseLabelSelector,
} from '@srcnet/plugin-src-gitops-common';
import { apiVersionOf } from './resources';
import { SimulatorTls } from './tls';

/** Tokens a simulated cluster accepts. */
export type ClusterTokens = { readWrite: string; readOnly: string };

type StatusBody = {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: {};
  status: 'Failure';
  message: string;
  reason: string;
  code: number;
  details?: Record<string, unknown>;
};

function status(
  code: number,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
): StatusBody {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
    ...(details ? { details } : {}),
  };
}

function send(res: http.ServerResponse, code: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

type Continue = { offset: number; rv: number };

function encodeContinue(c: Continue): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeContinue(token: string): Continue | undefined {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return typeof c.offset === 'number' && typeof c.rv === 'number'
      ? c
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One simulated Kubernetes API server on its own port: discovery, list (label selector, limit
 * and continue), get, watch (resourceVersion, bookmarks, 410 on a compacted version), JSON
 * merge patch, Status errors, bearer tokens (read-only token gets 403 on patch) and faults.
 */
export class ClusterServer {
  readonly faults: ClusterFaults = {};
  private server?: https.Server;
  private readonly sockets = new Set<Socket>();
  private readonly watches = new Set<() => void>();
  private port = 0;
  /** Calls received, by kind, for tests and benchmarks. */
  readonly calls = {
    total: 0,
    list: 0,
    watch: 0,
    get: 0,
    patch: 0,
    discovery: 0,
  };

  constructor(
    readonly store: ClusterStore,
    readonly tokens: ClusterTokens,
    private readonly random: () => number,
    private readonly tls: SimulatorTls,
  ) {}

  get url(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<void> {
    this.server = https.createServer(
      { key: this.tls.keyPem, cert: this.tls.certPem },
      (req, res) => {
        this.handle(req, res).catch(error => {
          if (!res.headersSent)
            send(res, 500, status(500, 'InternalError', String(error)));
        });
      },
    );
    this.server.on('connection', socket => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port || this.port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Stops listening (connections are refused) and drops open connections and watches. */
  async stop(): Promise<void> {
    for (const close of this.watches) close();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>(resolve =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
    this.server = undefined;
  }

  /** Applies faults; `down` closes the port, clearing it listens again on the same port. */
  async setFaults(faults: ClusterFaults): Promise<void> {
    for (const key of Object.keys(this.faults) as Array<keyof ClusterFaults>)
      delete this.faults[key];
    Object.assign(this.faults, faults);
    if (faults.down && this.server) await this.stop();
    if (!faults.down && !this.server) await this.start(this.port);
    // Faults that break streams take effect on open watches too.
    if (faults.reset || faults.expiredToken)
      for (const close of this.watches) close();
  }

  /** Ends every open watch stream (a dropped watch, as after a network blip). */
  dropWatches(): void {
    for (const close of this.watches) close();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    this.calls.total += 1;
    const f = this.faults;
    const delay = latencyOf(f, this.random);
    if (delay > 0) await new Promise(r => setTimeout(r, delay));
    if (f.hang) return; // never answer
    if (f.reset) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://sim');
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (
      f.expiredToken ||
      (token !== this.tokens.readWrite && token !== this.tokens.readOnly)
    ) {
      send(res, 401, status(401, 'Unauthorized', 'Unauthorized'));
      return;
    }
    if (f.errorRate && this.random() < f.errorRate) {
      send(
        res,
        500,
        status(
          500,
          'InternalError',
          'Internal error occurred: etcdserver: request timed out',
        ),
      );
      return;
    }
    if (f.malformed) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"kind": "List", "items": [ {"metadata": ');
      return;
    }
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/version') {
      this.calls.discovery += 1;
      send(res, 200, {
        major: '1',
        minor: '34',
        gitVersion: 'v1.34.2-srcsim',
        platform: 'linux/amd64',
      });
      return;
    }
    if (path === '/api') {
      this.calls.discovery += 1;
      send(res, 200, {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [],
      });
      return;
    }
    if (path === '/api/v1') {
      this.calls.discovery += 1;
      send(res, 200, {
        kind: 'APIResourceList',
        groupVersion: 'v1',
        resources: [
          {
            name: 'namespaces',
            singularName: 'namespace',
            namespaced: false,
            kind: 'Namespace',
            verbs: ['get', 'list'],
          },
        ],
      });
      return;
    }
    if (path === '/apis') {
      this.calls.discovery += 1;
      send(res, 200, this.groupList());
      return;
    }
    const match = path.match(
      /^\/apis\/([^/]+)\/([^/]+)(?:\/namespaces\/([^/]+))?(?:\/([^/]+))?(?:\/([^/]+))?$/,
    );
    if (!match) {
      send(
        res,
        404,
        status(
          404,
          'NotFound',
          'the server could not find the requested resource',
        ),
      );
      return;
    }
    const [, group, version, namespace, plural, name] = match;
    if (!plural) {
      const resources = this.store.types.filter(
        t => t.group === group && t.version === version,
      );
      if (resources.length === 0) {
        send(
          res,
          404,
          status(
            404,
            'NotFound',
            'the server could not find the requested resource',
          ),
        );
        return;
      }
      this.calls.discovery += 1;
      send(res, 200, {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: `${group}/${version}`,
        resources: resources.map(t => ({
          name: t.plural,
          singularName: t.singular,
          namespaced: true,
          kind: t.kind,
          shortNames: t.shortNames,
          verbs: ['delete', 'get', 'list', 'patch', 'update', 'watch'],
          categories: ['all'],
        })),
      });
      return;
    }
    const type = this.store.types.find(
      t => t.group === group && t.version === version && t.plural === plural,
    );
    if (!type) {
      send(
        res,
        404,
        status(
          404,
          'NotFound',
          `the server could not find the requested resource (${plural}.${group})`,
        ),
      );
      return;
    }
    if (req.method === 'PATCH') {
      await this.patch(req, res, token, plural, namespace, name, group);
      return;
    }
    if (req.method !== 'GET') {
      send(
        res,
        405,
        status(
          405,
          'MethodNotAllowed',
          `method ${req.method} is not supported by the simulator`,
        ),
      );
      return;
    }
    if (name) {
      this.calls.get += 1;
      const object = namespace
        ? this.store.get(plural, namespace, name)
        : undefined;
      if (!object) {
        send(
          res,
          404,
          status(404, 'NotFound', `${plural}.${group} "${name}" not found`, {
            name,
            group,
            kind: plural,
          }),
        );
        return;
      }
      send(res, 200, object);
      return;
    }
    let requirements;
    try {
      requirements = parseLabelSelector(url.searchParams.get('labelSelector'));
    } catch (error) {
      if (error instanceof LabelSelectorError) {
        send(res, 400, status(400, 'BadRequest', error.message));
        return;
      }
      throw error;
    }
    if (
      url.searchParams.get('watch') === 'true' ||
      url.searchParams.get('watch') === '1'
    ) {
      this.watch(req, res, plural, namespace, url, requirements);
      return;
    }
    this.calls.list += 1;
    const items = this.store.list(plural, {
      namespace,
      labelSelector: url.searchParams.get('labelSelector'),
    });
    const limit = Number(url.searchParams.get('limit') ?? 0);
    let offset = 0;
    let listRv = this.store.resourceVersion;
    const token0 = url.searchParams.get('continue');
    if (token0) {
      const c = decodeContinue(token0);
      if (!c) {
        send(res, 400, status(400, 'BadRequest', 'continue key is not valid'));
        return;
      }
      if (c.rv < this.store.oldestResumable) {
        send(
          res,
          410,
          status(
            410,
            'Expired',
            'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
          ),
        );
        return;
      }
      offset = c.offset;
      listRv = c.rv;
    }
    const page =
      limit > 0 ? items.slice(offset, offset + limit) : items.slice(offset);
    const more = limit > 0 && offset + limit < items.length;
    send(res, 200, {
      apiVersion: apiVersionOf(type),
      kind: `${type.kind}List`,
      metadata: {
        resourceVersion: String(listRv),
        ...(more
          ? {
              continue: encodeContinue({ offset: offset + limit, rv: listRv }),
              remainingItemCount: items.length - offset - limit,
            }
          : {}),
      },
      items: page,
    });
  }

  private groupList() {
    const groups = new Map<string, string[]>();
    for (const t of this.store.types)
      groups.set(t.group, [
        ...new Set([...(groups.get(t.group) ?? []), t.version]),
      ]);
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [...groups.entries()].map(([name, versions]) => ({
        name,
        versions: versions.map(v => ({
          groupVersion: `${name}/${v}`,
          version: v,
        })),
        preferredVersion: {
          groupVersion: `${name}/${versions[0]}`,
          version: versions[0],
        },
      })),
    };
  }

  private async patch(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    token: string,
    plural: string,
    namespace: string | undefined,
    name: string | undefined,
    group: string,
  ) {
    this.calls.patch += 1;
    if (token !== this.tokens.readWrite) {
      send(
        res,
        403,
        status(
          403,
          'Forbidden',
          `${plural}.${group} "${name}" is forbidden: User "system:serviceaccount:backstage:reader" cannot patch resource "${plural}" in API group "${group}"`,
        ),
      );
      return;
    }
    const type = req.headers['content-type'] ?? '';
    if (!/merge-patch\+json|strategic-merge-patch\+json/.test(type)) {
      send(
        res,
        415,
        status(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/merge-patch+json`,
        ),
      );
      return;
    }
    let patch: unknown;
    try {
      patch = JSON.parse(await readBody(req));
    } catch {
      send(res, 400, status(400, 'BadRequest', 'the patch is not valid JSON'));
      return;
    }
    const updated =
      namespace && name
        ? this.store.patch(plural, namespace, name, patch)
        : undefined;
    if (!updated) {
      send(
        res,
        404,
        status(404, 'NotFound', `${plural}.${group} "${name}" not found`),
      );
      return;
    }
    send(res, 200, updated);
  }

  private watch(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    plural: string,
    namespace: string | undefined,
    url: URL,
    requirements: ReturnType<typeof parseLabelSelector>,
  ) {
    this.calls.watch += 1;
    const rvParam = url.searchParams.get('resourceVersion');
    const bookmarks = url.searchParams.get('allowWatchBookmarks') === 'true';
    const timeoutSeconds = Number(
      url.searchParams.get('timeoutSeconds') ?? 1800,
    );
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Transfer-Encoding': 'chunked',
    });
    // An API server answers a watch at once; events follow as they happen.
    res.flushHeaders();
    const write = (type: string, object: unknown) =>
      res.write(`${JSON.stringify({ type, object })}\n`);
    const matches = (o: KubeObject) =>
      (namespace === undefined || o.metadata.namespace === namespace) &&
      matchesLabels(requirements, o.metadata.labels);
    const from = rvParam && rvParam !== '0' ? Number(rvParam) : undefined;
    let backlog: WatchEvent[] = [];
    if (from === undefined) {
      for (const object of this.store.list(plural, { namespace }))
        if (matches(object)) write('ADDED', object);
    } else {
      try {
        backlog = this.store.eventsSince(plural, from);
      } catch (error) {
        if (error instanceof GoneError) {
          write('ERROR', status(410, 'Expired', error.message));
          res.end();
          return;
        }
        throw error;
      }
    }
    for (const event of backlog)
      if (matches(event.object)) write(event.type, event.object);
    const unsubscribe = this.store.subscribe(event => {
      if (event.plural === plural && matches(event.object))
        write(event.type, event.object);
    });
    const type = this.store.type(plural)!;
    const bookmarkTimer = bookmarks
      ? setInterval(
          () =>
            write('BOOKMARK', {
              kind: type.kind,
              apiVersion: apiVersionOf(type),
              metadata: { resourceVersion: String(this.store.resourceVersion) },
            }),
          5000,
        )
      : undefined;
    let timeout: NodeJS.Timeout | undefined = undefined;
    const close = () => {
      unsubscribe();
      if (bookmarkTimer) clearInterval(bookmarkTimer);
      clearTimeout(timeout);
      this.watches.delete(close);
      res.end();
    };
    timeout = setTimeout(close, timeoutSeconds * 1000);
    this.watches.add(close);
    req.on('close', close);
  }
}
