import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { SrcGitopsClient } from './SrcGitopsClient';

const baseUrl = 'http://backstage.test/api/src-gitops';

describe('SrcGitopsClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new SrcGitopsClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backstage.test/api/${pluginId}`,
    },
    fetchApi: new MockFetchApi(),
  });

  it('reads the clusters from the discovered backend', async () => {
    server.use(
      http.get(`${baseUrl}/clusters`, () =>
        HttpResponse.json({
          items: [
            {
              name: 'chsrc-prod',
              site: 'chsrc-main',
              reachability: 'reachable',
              engines: ['argocd'],
            },
          ],
        }),
      ),
    );
    const response = await client.getClusters();
    expect(response.items.map(c => c.name)).toEqual(['chsrc-prod']);
  });

  it('turns an error answer into a ResponseError with the backend message', async () => {
    server.use(
      http.get(`${baseUrl}/clusters`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'not allowed to read the fleet',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await expect(client.getClusters()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: {
        error: {
          name: 'NotAllowedError',
          message: 'not allowed to read the fleet',
        },
      },
    });
  });
});
