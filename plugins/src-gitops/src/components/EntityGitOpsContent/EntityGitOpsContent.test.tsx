import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http, HttpResponse, delay } from 'msw';
import {
  MockFetchApi,
  TestApiProvider,
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { alertApiRef } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { srcGitopsApiRef } from '../../api/SrcGitopsApi';
import { SrcGitopsClient } from '../../api/SrcGitopsClient';
import { EntityGitOpsContent } from './EntityGitOpsContent';
import { baseUrl, entityAnswer, resource } from '../testData';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'chsrc-main',
    namespace: 'default',
    annotations: { 'srcnet.skao.int/site': 'chsrc-main' },
  },
  spec: { owner: 'group:default/chsrc-platform' },
};

describe('EntityGitOpsContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const api = new SrcGitopsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });
  const alerts = { post: jest.fn(), alert$: jest.fn() };

  // usePermission caches decisions by request (SWR); a denied case uses its own entity.
  function renderTab(allow = true, target: Entity = entity, route = '/') {
    return renderInTestApp(
      <TestApiProvider
        apis={[
          [srcGitopsApiRef, api],
          [
            permissionApiRef,
            mockApis.permission({
              authorize: allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
            }),
          ],
          [alertApiRef, alerts],
        ]}
      >
        <EntityProvider entity={target}>
          <EntityGitOpsContent />
        </EntityProvider>
      </TestApiProvider>,
      { routeEntries: [route] },
    );
  }

  it('shows progress while loading', async () => {
    server.use(
      http.get(`${baseUrl}/entity`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    await renderTab();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('groups objects by cluster, worst first, with status as text and a commit link', async () => {
    server.use(
      http.get(`${baseUrl}/entity`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('entityRef')).toBe(
          'system:default/chsrc-main',
        );
        return HttpResponse.json(entityAnswer);
      }),
    );
    await renderTab();
    const prod = await screen.findByRole('table', {
      name: 'GitOps objects in chsrc-prod',
    });
    const rows = within(prod).getAllByRole('row');
    expect(within(rows[1]).getByText('traefik')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Degraded')).toBeInTheDocument();
    expect(
      within(prod).getAllByRole('link', { name: '0123456' })[0],
    ).toHaveAttribute(
      'href',
      'https://gitlab.com/ska-telescope/src/chsrc-gitops/-/commit/0123456789abcdef0123456789abcdef01234567',
    );
    expect(
      screen.getByRole('table', { name: 'GitOps objects in chsrc-dev' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('3 of 3 objects', { exact: false }),
    ).toBeInTheDocument();
  });

  it('opens on the cluster a search result links to (?cluster=)', async () => {
    server.use(
      http.get(`${baseUrl}/entity`, () => HttpResponse.json(entityAnswer)),
    );
    await renderTab(true, entity, '/?cluster=chsrc-dev');
    expect(
      await screen.findByRole('table', { name: 'GitOps objects in chsrc-dev' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'GitOps objects in chsrc-prod' }),
    ).not.toBeInTheDocument();
  });

  it('filters by health and keeps expanded rows open', async () => {
    server.use(
      http.get(`${baseUrl}/entity`, () => HttpResponse.json(entityAnswer)),
    );
    await renderTab();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Expand traefik' }),
    );
    expect(
      screen.getByText(/Deployment has exceeded its progress deadline/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Health'));
    await userEvent.click(screen.getByRole('option', { name: 'Degraded' }));
    expect(
      screen.getByText('1 of 3 objects', { exact: false }),
    ).toBeInTheDocument();
    expect(screen.queryByText('vault')).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Collapse traefik' }),
    ).toHaveAttribute('aria-expanded', 'true');
  });

  it('names the clusters it could not read', async () => {
    server.use(
      http.get(`${baseUrl}/entity`, () =>
        HttpResponse.json({
          ...entityAnswer,
          problems: [
            {
              cluster: 'chsrc-dev',
              site: 'chsrc-main',
              reachability: 'unreachable',
              error: 'no answer within 10000 ms',
            },
          ],
        }),
      ),
    );
    await renderTab();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('One cluster could not be read');
    expect(alert).toHaveTextContent(
      'chsrc-dev (chsrc-main): unreachable, no answer within 10000 ms',
    );
  });

  it('says what to do when the entity has no GitOps annotations', async () => {
    server.use(
      http.get(`${baseUrl}/entity`, () =>
        HttpResponse.json({
          ...entityAnswer,
          matched: false,
          items: [],
          clusters: [],
        }),
      ),
    );
    await renderTab();
    expect(
      await screen.findByText('No GitOps state for this entity'),
    ).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    server.use(
      http.get(`${baseUrl}/entity`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'not allowed: src-gitops.resource.read',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await renderTab();
    expect((await screen.findAllByText(/403/)).length).toBeGreaterThan(0);
  });

  it('offers no action buttons without the operate permission', async () => {
    server.use(
      http.get(`${baseUrl}/entity`, () => HttpResponse.json(entityAnswer)),
    );
    await renderTab(false, {
      ...entity,
      metadata: { ...entity.metadata, name: 'denied-site' },
    });
    await screen.findByRole('table', { name: 'GitOps objects in chsrc-prod' });
    expect(
      screen.queryByRole('button', { name: /^Sync / }),
    ).not.toBeInTheDocument();
  });

  it('syncs after confirmation and shows the result', async () => {
    let patched = false;
    server.use(
      http.get(`${baseUrl}/entity`, () => HttpResponse.json(entityAnswer)),
      http.post(
        `${baseUrl}/resources/chsrc-prod/argocd/Application/argocd/traefik/actions/sync`,
        async ({ request }) => {
          expect(await request.json()).toEqual({
            entityRef: 'system:default/chsrc-main',
          });
          patched = true;
          return HttpResponse.json(
            {
              action: 'sync',
              accepted: true,
              resource: resource({
                name: 'traefik',
                id: 'chsrc-prod/argocd/Application/argocd/traefik',
                health: 'progressing',
              }),
            },
            { status: 202 },
          );
        },
      ),
    );
    await renderTab();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Sync traefik' }),
    );
    expect(screen.getByRole('dialog')).toHaveTextContent(
      'Sync Application argocd/traefik on cluster chsrc-prod.',
    );
    expect(patched).toBe(false);
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Sync' }),
    );
    await waitFor(() => expect(patched).toBe(true));
    await waitFor(() =>
      expect(alerts.post).toHaveBeenCalledWith(
        expect.objectContaining({ severity: 'success' }),
      ),
    );
  });
});
