import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  Content,
  EmptyState,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  GITOPS_HEALTH_STATES,
  GitOpsHealth,
} from '@srcnet/plugin-src-gitops-common';
import { useFleet } from '../../hooks/useFleet';
import { ClusterProblems, SimulatedNotice } from '../ClusterProblems';
import { FilterBar, FilterSelect } from '../FilterBar';
import { ServiceSearch } from '../ServiceSearch';
import { HEALTH_LABELS } from '../StatusChip';
import { relativeTime } from '../time';
import {
  CellState,
  fleetCell,
  matrixColumns,
  siteReachability,
} from './fleetMatrix';

const CELL: Record<CellState, { text: string; color: string }> = {
  healthy: { text: 'Healthy', color: '#1b5e20' },
  progressing: { text: 'Progressing', color: '#0d47a1' },
  degraded: { text: 'Degraded', color: '#b71c1c' },
  suspended: { text: 'Suspended', color: '#5d4037' },
  missing: { text: 'Missing', color: '#a84300' },
  unknown: { text: 'Unknown', color: '#424242' },
  'not-deployed': { text: 'Not deployed', color: '#616161' },
  unreachable: { text: 'Unreachable', color: '#b71c1c' },
  stale: { text: 'Stale', color: '#a84300' },
};

/** Every SRC site on one screen: sites x components, with states, versions and reachability. */
export function FleetContent() {
  const { value, loading, error, updatedAt } = useFleet();
  const entityRoute = useRouteRef(entityRouteRef);
  // The search index links services without a catalog entity here with ?site=.
  const [params] = useSearchParams();
  const [search, setSearch] = useState(params.get('site') ?? '');
  const [health, setHealth] = useState<string>('all');
  const [engine, setEngine] = useState<string>('all');
  const [component, setComponent] = useState<string>('all');
  const [node, setNode] = useState<string>('all');
  const columns = useMemo(
    () => (value ? matrixColumns(value.sites) : []),
    [value],
  );

  if (loading && !value) return <Progress />;
  if (error && !value) return <ResponseErrorPanel error={error} />;
  if (!value || value.sites.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No clusters configured"
        description="Add clusters under srcGitops.clusters in app-config.yaml; see the src-gitops-backend README."
      />
    );
  }
  const nodes = [
    ...new Set(
      value.sites.map(s => s.node).filter((n): n is string => Boolean(n)),
    ),
  ].sort();
  const shownColumns =
    component === 'all' ? columns : columns.filter(c => c === component);
  const sites = value.sites.filter(
    s =>
      (!search ||
        s.site.includes(search.toLowerCase()) ||
        s.clusters.some(c => c.name.includes(search.toLowerCase()))) &&
      (node === 'all' || s.node === node) &&
      (engine === 'all' ||
        s.clusters.some(c =>
          c.engines.includes(engine as 'argocd' | 'flux'),
        )) &&
      (health === 'all' ||
        (s.counts.health as Record<string, number>)[health] > 0),
  );
  return (
    <Box>
      {value.simulated && <SimulatedNotice />}
      <ClusterProblems problems={value.problems} />
      <ServiceSearch
        filters={{
          node: node === 'all' ? undefined : node,
          health: health === 'all' ? undefined : (health as GitOpsHealth),
          component: component === 'all' ? undefined : component,
          engine: engine === 'all' ? undefined : engine,
        }}
      />
      <FilterBar>
        <TextField
          label="Search sites and clusters"
          variant="outlined"
          size="small"
          value={search}
          onChange={e => setSearch(e.target.value)}
          inputProps={{ 'aria-label': 'Search sites and clusters' }}
        />
        {[
          [
            'Node',
            node,
            setNode,
            [['all', 'All nodes'], ...nodes.map(n => [n, n])],
          ],
          [
            'Engine',
            engine,
            setEngine,
            [
              ['all', 'All engines'],
              ['argocd', 'Argo CD'],
              ['flux', 'Flux'],
            ],
          ],
          [
            'Health',
            health,
            setHealth,
            [
              ['all', 'Any health'],
              ...GITOPS_HEALTH_STATES.map(h => [h, `Has ${HEALTH_LABELS[h]}`]),
            ],
          ],
          [
            'Component',
            component,
            setComponent,
            [['all', 'All components'], ...columns.map(c => [c, c])],
          ],
        ].map(([label, current, set, options]) => (
          <FilterSelect
            key={label as string}
            id={`fleet-${label}-select`}
            label={label as string}
            value={current as string}
            options={options as Array<[string, string]>}
            onChange={set as (value: string) => void}
          />
        ))}
        <Typography variant="caption" color="textSecondary">
          {sites.length} of {value.sites.length} sites, updated{' '}
          {relativeTime(updatedAt?.toISOString())}
        </Typography>
      </FilterBar>
      <TableContainer component={Paper} style={{ maxHeight: '70vh' }}>
        <Table
          stickyHeader
          size="small"
          aria-label="SRC sites and their platform services"
        >
          <TableHead>
            <TableRow>
              <TableCell>Site</TableCell>
              <TableCell>Clusters</TableCell>
              {shownColumns.map(c => (
                <TableCell key={c}>{c}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {sites.map(site => (
              <TableRow key={site.site} hover>
                <TableCell>
                  <Link
                    to={entityRoute({
                      kind: 'system',
                      namespace: 'default',
                      name: site.site,
                    })}
                  >
                    {site.site}
                  </Link>
                </TableCell>
                <TableCell>
                  <Typography variant="body2">
                    {siteReachability(site)}
                  </Typography>
                  {site.counts.sync['out-of-sync'] > 0 && (
                    <Typography
                      variant="body2"
                      style={{ color: '#8a4b00', fontWeight: 600 }}
                    >
                      {site.counts.sync['out-of-sync']} applied revision
                      {site.counts.sync['out-of-sync'] === 1
                        ? ' lags'
                        : 's lag'}{' '}
                      the repository
                    </Typography>
                  )}
                  <Typography variant="caption" color="textSecondary">
                    {site.clusters
                      .map(c => `${c.name} ${relativeTime(c.observedAt)}`)
                      .join(', ')}
                  </Typography>
                </TableCell>
                {shownColumns.map(c => {
                  const cell = fleetCell(site, c, value.sites);
                  const style = CELL[cell.state];
                  return (
                    <TableCell
                      key={c}
                      title={cell.versionNote}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      <Typography
                        variant="body2"
                        style={{ color: style.color, fontWeight: 600 }}
                      >
                        {style.text}
                      </Typography>
                      {cell.version && (
                        <Typography
                          variant="caption"
                          style={
                            cell.versionNote
                              ? {
                                  background: '#fff3e0',
                                  color: '#8a4b00',
                                  fontWeight: 600,
                                }
                              : undefined
                          }
                        >
                          {cell.version}
                          {cell.versionNote ? ' ⚠' : ''}
                        </Typography>
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}

/** The fleet page: every SRC site and cluster on one screen. */
export function FleetPage() {
  return (
    <Page themeId="tool">
      <Header
        title="SRC GitOps fleet"
        subtitle="Argo CD and Flux state across SRCNet sites"
      />
      <Content>
        <FleetContent />
      </Content>
    </Page>
  );
}
