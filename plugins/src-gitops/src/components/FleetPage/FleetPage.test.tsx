import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { http, HttpResponse, delay } from 'msw';
import {
  MockFetchApi,
  TestApiProvider,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { srcGitopsApiRef } from '../../api/SrcGitopsApi';
import { SrcGitopsClient } from '../../api/SrcGitopsClient';
import { FleetContent } from './FleetPage';

const baseUrl = 'http://backstage.test/api/src-gitops';

describe('FleetContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const api = new SrcGitopsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  function renderFleet() {
    return renderInTestApp(
      <TestApiProvider apis={[[srcGitopsApiRef, api]]}>
        <FleetContent />
      </TestApiProvider>,
    );
  }

  it('lists the clusters with their site and reachability', async () => {
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
            {
              name: 'uksrc-ral-prod',
              site: 'uksrc-ral-prod',
              reachability: 'unreachable',
              engines: ['flux'],
            },
          ],
        }),
      ),
    );
    await renderFleet();
    expect(await screen.findByText('chsrc-prod')).toBeInTheDocument();
    expect(screen.getByText('unreachable')).toBeInTheDocument();
    expect(screen.getByText('Clusters (2)')).toBeInTheDocument();
  });

  it('says how to configure clusters when there are none', async () => {
    server.use(
      http.get(`${baseUrl}/clusters`, () => HttpResponse.json({ items: [] })),
    );
    await renderFleet();
    expect(
      await screen.findByText('No clusters configured'),
    ).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    server.use(
      http.get(`${baseUrl}/clusters`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'backend exploded' } },
          { status: 500 },
        ),
      ),
    );
    await renderFleet();
    expect(
      (await screen.findAllByText(/backend exploded/)).length,
    ).toBeGreaterThan(0);
  });

  it('shows progress while loading', async () => {
    server.use(
      http.get(`${baseUrl}/clusters`, async () => {
        await delay('infinite');
        return HttpResponse.json({ items: [] });
      }),
    );
    await renderFleet();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });
});
