import { screen, within } from '@testing-library/react';
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
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
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
