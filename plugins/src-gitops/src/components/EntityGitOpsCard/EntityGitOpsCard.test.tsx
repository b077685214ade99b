import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import {
  MockFetchApi,
  TestApiProvider,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { srcGitopsApiRef } from '../../api/SrcGitopsApi';
import { SrcGitopsClient } from '../../api/SrcGitopsClient';
import { EntityGitOpsCard } from './EntityGitOpsCard';
import { baseUrl, entityAnswer } from '../testData';

describe('EntityGitOpsCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const api = new SrcGitopsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'chsrc-main' },
  };

  async function renderCard() {
    return renderInTestApp(
      <TestApiProvider apis={[[srcGitopsApiRef, api]]}>
        <EntityProvider entity={entity}>
          <EntityGitOpsCard />
        </EntityProvider>
      </TestApiProvider>,
    );
  }

  it('summarises health and sync, names the worst object and links to the tab', async () => {
    server.use(
      http.get(`${baseUrl}/entity`, () => HttpResponse.json(entityAnswer)),
    );
    await renderCard();
    expect(await screen.findByText(/Application traefik/)).toBeInTheDocument();
    expect(
      screen.getByText(/on chsrc-prod: degraded, Deployment has exceeded/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Open the GitOps tab/ }),
    ).toHaveAttribute('href', '/gitops');
  });

  it('names clusters it could not read, and says when nothing was found', async () => {
    server.use(
      http.get(`${baseUrl}/entity`, () =>
        HttpResponse.json({
          ...entityAnswer,
          items: [],
          problems: [
            {
              cluster: 'chsrc-dev',
              site: 'chsrc-main',
              reachability: 'unreachable',
              error: 'x',
            },
          ],
        }),
      ),
    );
    await renderCard();
    expect(
      await screen.findByText('No GitOps objects found in 2 clusters.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('1 cluster could not be read: chsrc-dev'),
    ).toBeInTheDocument();
  });
});
