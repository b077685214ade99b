import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Link from '@material-ui/core/Link';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@material-ui/icons/KeyboardArrowRight';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  GITOPS_HEALTH_STATES,
  GitOpsResource,
  srcGitopsResourceOperatePermission,
} from '@srcnet/plugin-src-gitops-common';
import { useEntityGitOps } from '../../hooks/useEntityGitOps';
import { ClusterView } from '../../api/SrcGitopsApi';
import { ClusterProblems, SimulatedNotice } from '../ClusterProblems';
import { FilterBar, FilterSelect } from '../FilterBar';
import { HEALTH_LABELS, HealthChip, SyncChip } from '../StatusChip';
import { commitUrl, relativeTime, shortRevision } from '../time';
import { DEFAULT_FILTERS, GitOpsFilters, applyFilters } from './gitopsFilters';
import { ResourceActions } from './ResourceActions';
import { ResourceDetails } from './ResourceDetails';

/** A filter bound to one field of the filters. */
function FieldFilter<K extends keyof GitOpsFilters>(props: {
  label: string;
  field: K;
  filters: GitOpsFilters;
  options: Array<[GitOpsFilters[K], string]>;
  onChange: (filters: GitOpsFilters) => void;
}) {
  return (
    <FilterSelect
      id={`src-gitops-filter-${props.field}`}
      label={props.label}
      value={props.filters[props.field]}
      options={props.options}
      onChange={value =>
        props.onChange({ ...props.filters, [props.field]: value })
      }
    />
  );
}

function ResourceRow(props: {
  resource: GitOpsResource;
  expanded: boolean;
  onToggle: () => void;
  canOperate: boolean;
  entityRef: string;
  onUpdated: (r: GitOpsResource) => void;
}) {
  const r = props.resource;
  const link = commitUrl(r.source?.repoUrl, r.appliedRevision);
  return (
    <>
      <TableRow hover>
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-label={`${props.expanded ? 'Collapse' : 'Expand'} ${r.name}`}
            aria-expanded={props.expanded}
            onClick={props.onToggle}
          >
            {props.expanded ? (
              <KeyboardArrowDownIcon />
            ) : (
              <KeyboardArrowRightIcon />
            )}
          </IconButton>
        </TableCell>
        <TableCell>{r.kind}</TableCell>
        <TableCell>
          <Typography variant="body2">
            {r.externalUrl ? (
              <Link href={r.externalUrl} target="_blank" rel="noopener">
                {r.name}
              </Link>
            ) : (
              r.name
            )}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {r.namespace}
          </Typography>
        </TableCell>
        <TableCell>
          <HealthChip health={r.health} title={r.message} />
        </TableCell>
        <TableCell>
          <SyncChip sync={r.sync} />
        </TableCell>
        <TableCell>
          {link ? (
            <Link href={link} target="_blank" rel="noopener">
              {shortRevision(r.appliedRevision)}
            </Link>
          ) : (
            shortRevision(r.appliedRevision)
          )}
        </TableCell>
        <TableCell>
          {r.chart ? `${r.chart.name} ${r.chart.version ?? ''}` : ''}
        </TableCell>
        <TableCell>{relativeTime(r.lastSyncedAt)}</TableCell>
        <TableCell>
          {props.canOperate && (
            <ResourceActions
              resource={r}
              entityRef={props.entityRef}
              onDone={props.onUpdated}
            />
          )}
        </TableCell>
      </TableRow>
      {props.expanded && (
        <TableRow>
          <TableCell colSpan={9}>
            <ResourceDetails resource={r} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

function ClusterSection(props: {
  cluster: ClusterView;
  resources: GitOpsResource[];
  expanded: Set<string>;
  toggle: (id: string) => void;
  canOperate: boolean;
  entityRef: string;
  onUpdated: (r: GitOpsResource) => void;
}) {
  const { cluster } = props;
  return (
    <Paper variant="outlined" style={{ marginBottom: 16 }}>
      <Box px={2} pt={2}>
        <Typography variant="h6" component="h3">
          {cluster.name}{' '}
          <Typography component="span" color="textSecondary">
            ({cluster.site},{' '}
            {cluster.engines.join(' and ') || 'no GitOps engine found'})
          </Typography>
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {cluster.reachability === 'reachable'
            ? `observed ${relativeTime(cluster.observedAt)}`
            : `${cluster.reachability}${
                cluster.lastError ? `: ${cluster.lastError}` : ''
              }; last observed ${relativeTime(cluster.observedAt)}`}
        </Typography>
      </Box>
      {props.resources.length === 0 ? (
        <Box p={2}>
          <Typography variant="body2">
            No GitOps objects of this entity in this cluster
            {cluster.reachability === 'reachable'
              ? '.'
              : ' as far as was last seen.'}
          </Typography>
        </Box>
      ) : (
        <Table size="small" aria-label={`GitOps objects in ${cluster.name}`}>
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>Kind</TableCell>
              <TableCell>Name</TableCell>
              <TableCell>Health</TableCell>
              <TableCell>Sync</TableCell>
              <TableCell>Revision</TableCell>
              <TableCell>Chart</TableCell>
              <TableCell>Last sync</TableCell>
              <TableCell>Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.resources.map(r => (
              <ResourceRow
                key={r.id}
                resource={r}
                expanded={props.expanded.has(r.id)}
                onToggle={() => props.toggle(r.id)}
                canOperate={props.canOperate}
                entityRef={props.entityRef}
                onUpdated={props.onUpdated}
              />
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

/** The entity's "GitOps" tab: Argo CD and Flux objects, grouped by cluster, live. */
export function EntityGitOpsContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const state = useEntityGitOps(entityRef);
  const { allowed: canOperate } = usePermission({
    permission: srcGitopsResourceOperatePermission,
    resourceRef: entityRef,
  });
  // Search results link here with ?cluster=, so the tab opens on that cluster.
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<GitOpsFilters>(() => ({
    ...DEFAULT_FILTERS,
    cluster: params.get('cluster') ?? DEFAULT_FILTERS.cluster,
  }));
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [updated, setUpdated] = useState<
    Record<string, { resource: GitOpsResource; at: number }>
  >({});

  if (state.loading && !state.value) return <Progress />;
  if (state.error && !state.value)
    return <ResponseErrorPanel error={state.error} />;
  const value = state.value!;
  if (!value.matched) {
    return (
      <EmptyState
        missing="field"
        title="No GitOps state for this entity"
        description="Add the srcnet.skao.int/gitops-selector, srcnet.skao.int/site or argocd/app-name annotation; see the src-gitops-common README."
      />
    );
  }
  // An action's answer shows at once; the next poll replaces it with the cluster's own state.
  const items = value.items.map(r => {
    const u = updated[r.id];
    return u && (!state.updatedAt || u.at > state.updatedAt.getTime())
      ? u.resource
      : r;
  });
  const shown = applyFilters(items, filters);
  const toggle = (id: string) =>
    setExpanded(previous => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const onUpdated = (r: GitOpsResource) => {
    setUpdated(previous => ({
      ...previous,
      [r.id]: { resource: r, at: Date.now() },
    }));
    state.refresh();
  };

  return (
    <Box>
      {value.simulated && <SimulatedNotice />}
      <ClusterProblems problems={value.problems} />
      {state.error && (
        <Alert severity="warning">
          Refreshing failed ({state.error.message}); showing the state from{' '}
          {relativeTime(state.updatedAt?.toISOString())}.
        </Alert>
      )}
      <FilterBar>
        <FieldFilter
          label="Engine"
          field="engine"
          filters={filters}
          onChange={setFilters}
          options={[
            ['all', 'All engines'],
            ['argocd', 'Argo CD'],
            ['flux', 'Flux'],
          ]}
        />
        <FieldFilter
          label="Health"
          field="health"
          filters={filters}
          onChange={setFilters}
          options={[
            ['all', 'Any health'],
            ...GITOPS_HEALTH_STATES.map(
              h => [h, HEALTH_LABELS[h]] as [GitOpsFilters['health'], string],
            ),
          ]}
        />
        <FieldFilter
          label="Cluster"
          field="cluster"
          filters={filters}
          onChange={setFilters}
          options={[
            ['all', 'All clusters'],
            ...value.clusters.map(c => [c.name, c.name] as [string, string]),
          ]}
        />
        <FieldFilter
          label="Sort by"
          field="sort"
          filters={filters}
          onChange={setFilters}
          options={[
            ['health', 'Worst first'],
            ['name', 'Name'],
            ['lastSync', 'Last sync'],
          ]}
        />
        <Typography variant="caption" color="textSecondary">
          {shown.length} of {items.length} objects, updated{' '}
          {relativeTime(state.updatedAt?.toISOString())}
        </Typography>
      </FilterBar>
      {value.clusters
        .filter(c => filters.cluster === 'all' || c.name === filters.cluster)
        .map(cluster => (
          <ClusterSection
            key={cluster.name}
            cluster={cluster}
            resources={shown.filter(r => r.cluster === cluster.name)}
            expanded={expanded}
            toggle={toggle}
            canOperate={canOperate}
            entityRef={entityRef}
            onUpdated={onUpdated}
          />
        ))}
    </Box>
  );
}
