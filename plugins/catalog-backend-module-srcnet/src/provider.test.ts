import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { SiteCapabilitiesClient } from './SiteCapabilitiesClient';
import { SrcNetSiteCapabilitiesProvider } from './SrcNetSiteCapabilitiesProvider';
import { parseNodes } from './siteCapabilities';
import { entityName, srcNetEntities } from './siteEntities';

const baseUrl = 'https://site-capabilities.srcnet.example.org/api/v1';

/** A realistic answer of GET /nodes (shape of the SRCNet Site Capabilities API). */
const nodes = [
  {
    name: 'UKSRC',
    description: 'UK SKA Regional Centre',
    sites: [
      {
        id: '0b2b0e3c-4d0c-4a51-9d8e-4c3a8f7b1a11',
        name: 'UKSRC-RAL-PROD',
        country: 'GB',
        latitude: 51.57,
        longitude: -1.31,
        primary_contact_email: 'ops@uksrc.example.org',
        downtime: [
          {
            type: 'Planned',
            date_range: '2026-12-01 to 2026-12-02',
            reason: 'Storage upgrade',
          },
        ],
        compute: [
          {
            hardware_type: 'container',
            associated_local_services: [
              {
                type: 'jupyterhub',
                host: 'jupyter.ral.uksrc.example.org',
                port: 443,
                path: '/hub',
                version: '5.2.1',
              },
              { type: 'dask', host: 'dask.ral.uksrc.example.org' },
            ],
            associated_global_services: [],
          },
        ],
        storages: [
          {
            host: 'xrootd.ral.uksrc.example.org',
            base_path: '/skao',
            srm: 'xrd',
            size_in_terabytes: 500,
            areas: [],
          },
        ],
        is_force_disabled: false,
      },
      { id: 'broken', country: 'GB' },
    ],
  },
  { name: 'CHSRC', sites: [{ name: 'CHSRC-main', compute: [], storages: [] }] },
  { description: 'a node without a name' },
];

describe('SRCNet Site Capabilities', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('maps nodes, sites, compute, storage and services to entities with relations', () => {
    const { nodes: parsed, problems } = parseNodes(nodes);
    expect(problems).toEqual([
      'node UKSRC site 1: name Required',
      'node 2: name Required',
    ]);
    const entities = srcNetEntities(parsed);
    const refs = entities.map(e => `${e.kind}:${e.metadata.name}`);
    expect(refs).toEqual([
      'Domain:uksrc',
      'System:uksrc-ral-prod',
      'Resource:uksrc-ral-prod-compute-1',
      'Component:uksrc-ral-prod-jupyterhub-1',
      'Component:uksrc-ral-prod-dask-1',
      'Resource:uksrc-ral-prod-storage-1',
      'Domain:chsrc',
      'System:chsrc-main',
    ]);
    const site = entities[1];
    expect(site.spec).toEqual({
      owner: 'group:default/uksrc-platform',
      domain: 'domain:default/uksrc',
    });
    expect(site.metadata.annotations).toMatchObject({
      'srcnet.skao.int/node': 'UKSRC',
      'srcnet.skao.int/site': 'uksrc-ral-prod',
      'srcnet.skao.int/country': 'GB',
      'srcnet.skao.int/coordinates': '51.57,-1.31',
      'srcnet.skao.int/primary-contact': 'ops@uksrc.example.org',
      'srcnet.skao.int/downtime':
        'Planned: 2026-12-01 to 2026-12-02: Storage upgrade',
    });
    expect(entities[3]).toMatchObject({
      metadata: {
        links: [{ url: 'https://jupyter.ral.uksrc.example.org:443/hub' }],
      },
      spec: {
        system: 'system:default/uksrc-ral-prod',
        dependsOn: ['resource:default/uksrc-ral-prod-compute-1'],
      },
    });
  });

  it('makes valid entity names from any API name', () => {
    expect(entityName('ITSRC-ct', 'Soda Sync', '1')).toBe(
      'itsrc-ct-soda-sync-1',
    );
    expect(entityName('x'.repeat(80))).toHaveLength(63);
  });

  function provider(client: SiteCapabilitiesClient) {
    const connection: jest.Mocked<EntityProviderConnection> = {
      applyMutation: jest.fn(),
      refresh: jest.fn(),
    };
    const logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);
    const p = new SrcNetSiteCapabilitiesProvider(client, logger);
    return { p, connection, logger };
  }

  it('applies a full mutation read with the bearer token', async () => {
    server.use(
      http.get(`${baseUrl}/nodes`, ({ request }) => {
        expect(request.headers.get('authorization')).toBe('Bearer iam-token');
        return HttpResponse.json(nodes);
      }),
    );
    const { p, connection } = provider(
      new SiteCapabilitiesClient({ baseUrl, token: 'iam-token' }),
    );
    await p.connect(connection);
    expect(await p.refresh()).toBe(8);
    const mutation = connection.applyMutation.mock.calls[0][0];
    expect(mutation.type).toBe('full');
    expect(
      mutation.type === 'full' &&
        mutation.entities[1].entity.metadata.annotations![
          'backstage.io/managed-by-location'
        ],
    ).toBe('url:site-capabilities:srcnet-site-capabilities');
  });

  it('gets a token with the client-credentials grant', async () => {
    server.use(
      http.post('https://iam.example.org/token', async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        expect(form.get('grant_type')).toBe('client_credentials');
        expect(form.get('client_id')).toBe('backstage');
        return HttpResponse.json({ access_token: 'granted', expires_in: 3600 });
      }),
      http.get(`${baseUrl}/nodes`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer granted'
          ? HttpResponse.json(nodes)
          : new HttpResponse(null, { status: 401 }),
      ),
    );
    const { p, connection } = provider(
      new SiteCapabilitiesClient({
        baseUrl,
        clientCredentials: {
          tokenUrl: 'https://iam.example.org/token',
          clientId: 'backstage',
          clientSecret: 's',
        },
      }),
    );
    await p.connect(connection);
    expect(await p.refresh()).toBe(8);
  });

  it.each([
    ['down', () => HttpResponse.error(), /Could not read/],
    [
      'a 503',
      () => new HttpResponse('unavailable', { status: 503 }),
      /HTTP 503/,
    ],
    [
      'malformed JSON',
      () => new HttpResponse('{"nodes": [', { status: 200 }),
      /not JSON/,
    ],
    [
      'not a list',
      () => HttpResponse.json({ detail: 'oops' }),
      /did not answer a list of nodes/,
    ],
  ])(
    'keeps the last good entities when the API is %s, and says why',
    async (_name, answer, message) => {
      server.use(http.get(`${baseUrl}/nodes`, answer));
      const { p, connection, logger } = provider(
        new SiteCapabilitiesClient({ baseUrl, token: 't' }),
      );
      await p.connect(connection);
      expect(await p.refresh()).toBeUndefined();
      expect(connection.applyMutation).not.toHaveBeenCalled();
      expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(message));
    },
  );

  it('drops removed sites: each read is a full mutation of what the API has now', async () => {
    let answer: object = nodes;
    server.use(http.get(`${baseUrl}/nodes`, () => HttpResponse.json(answer)));
    const { p, connection } = provider(
      new SiteCapabilitiesClient({ baseUrl, token: 't' }),
    );
    await p.connect(connection);
    await p.refresh();
    answer = [nodes[1]];
    await p.refresh();
    const second = connection.applyMutation.mock.calls[1][0];
    expect(
      second.type === 'full' &&
        second.entities.map(e => e.entity.metadata.name),
    ).toEqual(['chsrc', 'chsrc-main']);
  });
});
