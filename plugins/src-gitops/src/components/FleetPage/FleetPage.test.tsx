import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http, HttpResponse, delay } from 'msw';
import {
  MockFetchApi,
  TestApiProvider,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { srcGitopsApiRef } from '../../api/SrcGitopsApi';
import { SrcGitopsClient } from '../../api/SrcGitopsClient';
import { FleetContent } from './FleetPage';
import { baseUrl, fleetAnswer } from '../testData';

const searchUrl = 'http://backstage.test/api/search';

/** A search document as the src-gitops-services collator writes it. */
const vaultDoc = (
  site: string,
  node: string,
  extra: Record<string, string> = {},
) => ({
  type: 'src-gitops-service',
  document: {
    title: `Vault 0.34.1 · ${site}`,
    text: '',
    location: `/catalog/default/component/${site}-vault/gitops?cluster=${site}-prod`,
    site,
    node,
    cluster: `${site}-prod`,
    engine: 'argocd',
    component: 'vault',
    chartVersion: '0.34.1',
    repositoryVersion: '',
    health: 'healthy',
    sync: 'synced',
    environment: 'prod',
    namespace: 'vault',
    object: 'Application/argocd/vault',
    entityRef: `component:default/${site}-vault`,
    ...extra,
  },
});

describe('FleetContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const api = new SrcGitopsClient({
    discoveryApi: {
      getBaseUrl: async (plugin: string) =>
        plugin === 'search' ? searchUrl : baseUrl,
    },
    fetchApi: new MockFetchApi(),
  });

  function renderFleet(route = '/') {
    return renderInTestApp(
      <TestApiProvider apis={[[srcGitopsApiRef, api]]}>
        <FleetContent />
      </TestApiProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        routeEntries: [route],
      },
    );
  }

  it('shows sites x components with explicit states, versions and reachability', async () => {
    server.use(
      http.get(`${baseUrl}/fleet`, () => HttpResponse.json(fleetAnswer)),
    );
    await renderFleet();
    const table = await screen.findByRole('table', {
      name: 'SRC sites and their platform services',
    });
    const rows = within(table).getAllByRole('row');
    expect(
      within(rows[0])
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['Site', 'Clusters', 'traefik', 'vault']);
    const ch = rows.find(r => within(r).queryByText('chsrc-main'))!;
    expect(
      within(ch).getByRole('link', { name: 'chsrc-main' }),
    ).toHaveAttribute('href', '/catalog/default/system/chsrc-main');
    expect(within(ch).getByText('Degraded')).toBeInTheDocument();
    const uk = rows.find(r =>
      within(r).queryByText('uksrc-ral-prod', { selector: 'a' }),
    )!;
    // Not deployed where the site is unreachable reads "Unreachable"; a known object reads "Stale".
    expect(within(uk).getByText('Unreachable')).toBeInTheDocument();
    expect(within(uk).getByText('Stale')).toBeInTheDocument();
    expect(
      within(uk)
        .getByText(/0\.30\.0/)
        .closest('td'),
    ).toHaveAttribute('title', "differs from the catalogue's pinned 0.34.1");
    expect(screen.getByRole('alert')).toHaveTextContent(
      'uksrc-ral-prod (uksrc-ral-prod): unreachable, connection refused',
    );
    expect(screen.getByText(/simulated/)).toBeInTheDocument();
  });

  it('flags a site whose applied revision lags its repository, and filters by node', async () => {
    server.use(
      http.get(`${baseUrl}/fleet`, () => HttpResponse.json(fleetAnswer)),
    );
    await renderFleet();
    expect(
      await screen.findByText('1 applied revision lags the repository'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Node'));
    await userEvent.click(screen.getByRole('option', { name: 'UKSRC' }));
    expect(
      screen.getByText('1 of 2 sites', { exact: false }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'chsrc-main' }),
    ).not.toBeInTheDocument();
  });

  it('filters with the search box', async () => {
    server.use(
      http.get(`${baseUrl}/fleet`, () => HttpResponse.json(fleetAnswer)),
    );
    await renderFleet();
    await userEvent.type(
      await screen.findByLabelText('Search sites and clusters'),
      'uksrc',
    );
    expect(
      screen.getByText('1 of 2 sites', { exact: false }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'chsrc-main' }),
    ).not.toBeInTheDocument();
  });

  it("searches every site's platform services through the search index, with the page's filters", async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${baseUrl}/fleet`, () => HttpResponse.json(fleetAnswer)),
      http.get(`${searchUrl}/query`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        queries.push(params);
        const results = [
          vaultDoc('chsrc-main', 'CHSRC', { repositoryVersion: '0.28.0' }),
          vaultDoc('uksrc-ral-prod', 'UKSRC', {
            health: 'degraded',
            sync: 'out-of-sync',
            engine: 'flux',
          }),
        ].filter(
          r =>
            !params.get('filters[node]') ||
            r.document.node === params.get('filters[node]'),
        );
        return HttpResponse.json({ results, numberOfResults: results.length });
      }),
    );
    await renderFleet();
    await userEvent.type(
      await screen.findByLabelText('Search platform services'),
      'vault',
    );
    const table = await screen.findByRole('table', {
      name: 'Platform services found',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(r => within(r).getAllByRole('cell')[1].textContent),
    ).toEqual(['chsrc-main', 'uksrc-ral-prod']);
    expect(
      within(rows[0]).getByRole('link', { name: 'vault' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/chsrc-main-vault/gitops?cluster=chsrc-main-prod',
    );
    expect(
      within(rows[0]).getByText('repository pins 0.28.0'),
    ).toBeInTheDocument();
    expect(within(rows[1]).getByText('Degraded')).toBeInTheDocument();
    const last = queries[queries.length - 1];
    expect(last.get('term')).toBe('vault');
    expect(last.get('types[0]')).toBe('src-gitops-service');

    await userEvent.click(screen.getByLabelText('Node'));
    await userEvent.click(screen.getByRole('option', { name: 'CHSRC' }));
    await waitFor(() =>
      expect(
        within(
          screen.getByRole('table', { name: 'Platform services found' }),
        ).getAllByRole('row'),
      ).toHaveLength(2),
    );
    expect(queries[queries.length - 1].get('filters[node]')).toBe('CHSRC');
  });

  it('says when no service matches, and explains a failing search backend', async () => {
    let fail = false;
    server.use(
      http.get(`${baseUrl}/fleet`, () => HttpResponse.json(fleetAnswer)),
      http.get(`${searchUrl}/query`, () =>
        fail
          ? HttpResponse.json(
              {
                error: {
                  name: 'MissingIndexError',
                  message: 'Missing index for src-gitops-service',
                },
              },
              { status: 400 },
            )
          : HttpResponse.json({ results: [] }),
      ),
    );
    await renderFleet();
    const box = await screen.findByLabelText('Search platform services');
    await userEvent.type(box, 'rucio');
    expect(
      await screen.findByText(
        'No platform service matches “rucio” with these filters.',
      ),
    ).toBeInTheDocument();
    fail = true;
    await userEvent.type(box, 'x');
    await userEvent.click(
      await screen.findByText(/Platform service search failed/),
    );
    expect(
      await screen.findByText(/Missing index for src-gitops-service/),
    ).toBeInTheDocument();
  });

  it('opens filtered to the site a search result links to (?site=)', async () => {
    server.use(
      http.get(`${baseUrl}/fleet`, () => HttpResponse.json(fleetAnswer)),
    );
    await renderFleet('/?site=uksrc-ral-prod&cluster=uksrc-ral-prod');
    expect(
      await screen.findByText('1 of 2 sites', { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Search sites and clusters')).toHaveValue(
      'uksrc-ral-prod',
    );
  });

  it('says how to configure clusters when there are none', async () => {
    server.use(
      http.get(`${baseUrl}/fleet`, () =>
        HttpResponse.json({ ...fleetAnswer, sites: [], problems: [] }),
      ),
    );
    await renderFleet();
    expect(
      await screen.findByText('No clusters configured'),
    ).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    server.use(
      http.get(`${baseUrl}/fleet`, () =>
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
      http.get(`${baseUrl}/fleet`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    await renderFleet();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });
});
