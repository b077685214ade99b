import { setupServer } from 'msw/node';
import { http, HttpResponse, delay } from 'msw';
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ClusterClient } from './ClusterClient';
import { ClusterError } from './clusterErrors';
import { ClusterConfig } from '../config/clusterConfig';

const base = 'https://k8s.chsrc.example.ch:6443';
const TOKEN = 'sa-token-xyz';

function client(overrides: Partial<ClusterConfig> = {}) {
  return new ClusterClient({
    name: 'chsrc-prod',
    site: 'chsrc-main',
    url: base,
    credentials: { token: TOKEN, skipTLSVerify: false },
    timeoutMs: 300,
    ...overrides,
  });
}

describe('ClusterClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('sends the bearer token and reads every page of a big list', async () => {
    const items = Array.from({ length: 620 }, (_, i) => ({
      metadata: { name: `app-${i}` },
    }));
    const seen: string[] = [];
    server.use(
      http.get(
        `${base}/apis/argoproj.io/v1alpha1/applications`,
        ({ request }) => {
          expect(request.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
          const url = new URL(request.url);
          seen.push(url.search);
          const offset = Number(url.searchParams.get('continue') ?? 0);
          const limit = Number(url.searchParams.get('limit'));
          const next =
            offset + limit < items.length ? String(offset + limit) : undefined;
          return HttpResponse.json({
            metadata: { resourceVersion: '77', continue: next },
            items: items.slice(offset, offset + limit),
          });
        },
      ),
    );
    const list = await client().listAll(
      '/apis/argoproj.io/v1alpha1/applications',
    );
    expect(list.items).toHaveLength(620);
    expect(list.resourceVersion).toBe('77');
    expect(seen).toEqual([
      '?limit=250',
      '?limit=250&continue=250',
      '?limit=250&continue=500',
    ]);
  });

  it.each([
    [401, 'unauthorized', 'unauthorized'],
    [403, 'forbidden', 'forbidden'],
    [500, 'server-error', 'unreachable'],
  ])(
    'turns a %s Status into a ClusterError (%s) with the server message',
    async (code, kind, reachability) => {
      server.use(
        http.get(`${base}/apis`, () =>
          HttpResponse.json(
            {
              kind: 'Status',
              status: 'Failure',
              message: 'nope from the server',
              code,
            },
            { status: code },
          ),
        ),
      );
      const error = await client()
        .getJson<unknown>('/apis')
        .then(
          () => undefined,
          (e: ClusterError) => e,
        );
      expect(error).toBeInstanceOf(ClusterError);
      expect(error).toMatchObject({
        kind,
        status: code,
        message: `HTTP ${code}: nope from the server`,
      });
      expect(error?.reachability).toBe(reachability);
    },
  );

  it('reports a body that is not JSON as malformed', async () => {
    server.use(
      http.get(
        `${base}/apis`,
        () => new HttpResponse('<html>proxy error</html>', { status: 200 }),
      ),
    );
    await expect(client().getJson('/apis')).rejects.toMatchObject({
      kind: 'malformed',
      message: 'the answer is not valid JSON',
    });
  });

  it('reports a list without items as malformed', async () => {
    server.use(
      http.get(`${base}/apis/x/v1/things`, () =>
        HttpResponse.json({ kind: 'Status' }),
      ),
    );
    await expect(client().listAll('/apis/x/v1/things')).rejects.toMatchObject({
      kind: 'malformed',
    });
  });

  it('gives up on a hanging server after its timeout', async () => {
    server.use(
      http.get(`${base}/apis`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const started = Date.now();
    await expect(client().getJson('/apis')).rejects.toMatchObject({
      kind: 'timeout',
      message: 'no answer within 300 ms',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a network failure without the URL or token', async () => {
    server.use(http.get(`${base}/apis`, () => HttpResponse.error()));
    const error = await client()
      .getJson<unknown>('/apis')
      .then(
        () => undefined,
        (e: ClusterError) => e,
      );
    expect(error).toMatchObject({ kind: 'unreachable' });
    expect(error?.message).not.toContain(base);
    expect(error?.message).not.toContain(TOKEN);
  });

  it('streams watch events and ends with the stream', async () => {
    const lines = [
      {
        type: 'ADDED',
        object: { metadata: { name: 'a', resourceVersion: '5' } },
      },
      { type: 'BOOKMARK', object: { metadata: { resourceVersion: '6' } } },
      {
        type: 'MODIFIED',
        object: { metadata: { name: 'a', resourceVersion: '7' } },
      },
    ];
    server.use(
      http.get(
        `${base}/apis/argoproj.io/v1alpha1/applications`,
        ({ request }) => {
          const url = new URL(request.url);
          expect(url.searchParams.get('watch')).toBe('true');
          expect(url.searchParams.get('resourceVersion')).toBe('4');
          expect(url.searchParams.get('allowWatchBookmarks')).toBe('true');
          // Events split across chunks, as a real stream delivers them.
          const text = `${lines.map(l => JSON.stringify(l)).join('\n')}\n`;
          const stream = new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(text.slice(0, 30)));
              controller.enqueue(new TextEncoder().encode(text.slice(30)));
              controller.close();
            },
          });
          return new HttpResponse(stream, {
            headers: { 'Content-Type': 'application/json' },
          });
        },
      ),
    );
    const events: string[] = [];
    await client().watch('/apis/argoproj.io/v1alpha1/applications', {
      resourceVersion: '4',
      signal: new AbortController().signal,
      idleMs: 1000,
      timeoutSeconds: 60,
      onEvent: e =>
        events.push(
          `${e.type}:${
            (e.object as { metadata: { resourceVersion: string } }).metadata
              .resourceVersion
          }`,
        ),
    });
    expect(events).toEqual(['ADDED:5', 'BOOKMARK:6', 'MODIFIED:7']);
  });

  it('turns a watch ERROR event with code 410 into a gone error', async () => {
    server.use(
      http.get(
        `${base}/apis/x/v1/things`,
        () =>
          new HttpResponse(
            `${JSON.stringify({
              type: 'ERROR',
              object: {
                kind: 'Status',
                code: 410,
                message: 'too old resource version',
              },
            })}\n`,
          ),
      ),
    );
    await expect(
      client().watch('/apis/x/v1/things', {
        resourceVersion: '1',
        signal: new AbortController().signal,
        idleMs: 1000,
        timeoutSeconds: 60,
        onEvent: () => {},
      }),
    ).rejects.toMatchObject({ kind: 'gone', status: 410 });
  });

  it('sends a JSON merge patch', async () => {
    server.use(
      http.patch(
        `${base}/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/vault`,
        async ({ request }) => {
          expect(request.headers.get('content-type')).toBe(
            'application/merge-patch+json',
          );
          return HttpResponse.json({ patched: await request.json() });
        },
      ),
    );
    const result = await client().mergePatch(
      '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/vault',
      { spec: { suspend: true } },
    );
    expect(result).toEqual({ patched: { spec: { suspend: true } } });
  });
});
