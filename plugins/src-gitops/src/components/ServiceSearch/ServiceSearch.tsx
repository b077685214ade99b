import { useState } from 'react';
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
import { Link, Progress, WarningPanel } from '@backstage/core-components';
import {
  PlatformServiceSearchDocument,
  PlatformServiceSearchFilters,
} from '@srcnet/plugin-src-gitops-common';
import { useServiceSearch } from '../../hooks/useServiceSearch';
import { HealthChip, SyncChip } from '../StatusChip';

/** The backend's own words when it sent them (a ResponseError keeps them as its cause). */
function errorText(error: Error): string {
  const cause = (error as { cause?: { message?: string } }).cause?.message;
  return cause ? `${error.message.trim()}: ${cause}` : error.message;
}

function HealthCell(props: { doc: PlatformServiceSearchDocument }) {
  const { health } = props.doc;
  if (health === 'no-live-state') {
    return (
      <Typography variant="body2" color="textSecondary">
        No live state
      </Typography>
    );
  }
  return <HealthChip health={health} />;
}

function VersionCell(props: { doc: PlatformServiceSearchDocument }) {
  const { chartVersion, repositoryVersion } = props.doc;
  const drift =
    repositoryVersion && chartVersion && repositoryVersion !== chartVersion;
  return (
    <>
      <Typography variant="body2">{chartVersion || '–'}</Typography>
      {drift && (
        <Typography variant="caption" style={{ color: '#8a4b00' }}>
          repository pins {repositoryVersion}
        </Typography>
      )}
    </>
  );
}

/**
 * Searches every site's platform services through the search index (the documents the
 * Backstage search page shows), narrowed by the fleet page's filters.
 */
export function ServiceSearch(props: {
  filters: PlatformServiceSearchFilters;
}) {
  const [term, setTerm] = useState('');
  const { value, loading, error, idle } = useServiceSearch(term, props.filters);
  const searching = term.trim().length > 0;
  return (
    // On a paper background, like the filter bar, so the label and help text keep their contrast.
    <Box component={Paper} my={2} p={2}>
      <TextField
        label="Search platform services"
        placeholder="e.g. vault, cert-manager, 0.28"
        variant="outlined"
        size="small"
        fullWidth
        value={term}
        onChange={e => setTerm(e.target.value)}
        inputProps={{ 'aria-label': 'Search platform services' }}
        helperText="Every site's services with their live state, from the search index; the filters below apply."
      />
      {searching && loading && <Progress />}
      {searching && error && (
        <WarningPanel
          severity="error"
          title="Platform service search failed"
          message={`${errorText(
            error,
          )}. The search backend needs the src-gitops-services collator (@srcnet/plugin-search-backend-module-src-gitops); the index is built a few seconds after start.`}
        />
      )}
      {searching && !idle && value && value.results.length === 0 && (
        <Typography variant="body2" style={{ marginTop: 8 }}>
          No platform service matches “{term.trim()}” with these filters.
        </Typography>
      )}
      {searching && value && value.results.length > 0 && (
        <TableContainer component={Paper} style={{ marginTop: 8 }}>
          <Table size="small" aria-label="Platform services found">
            <TableHead>
              <TableRow style={{ whiteSpace: 'nowrap' }}>
                <TableCell>Service</TableCell>
                <TableCell>Site</TableCell>
                <TableCell>Node</TableCell>
                <TableCell>Cluster</TableCell>
                <TableCell>Engine</TableCell>
                <TableCell>Version</TableCell>
                <TableCell>Health</TableCell>
                <TableCell>Sync</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {value.results.map(doc => (
                <TableRow key={doc.location} hover>
                  <TableCell>
                    <Link to={doc.location}>{doc.component}</Link>
                  </TableCell>
                  <TableCell>{doc.site}</TableCell>
                  <TableCell>{doc.node || '–'}</TableCell>
                  <TableCell>{doc.cluster || '–'}</TableCell>
                  <TableCell>
                    {doc.engine === 'argocd' ? 'Argo CD' : 'Flux'}
                  </TableCell>
                  <TableCell>
                    <VersionCell doc={doc} />
                  </TableCell>
                  <TableCell>
                    <HealthCell doc={doc} />
                  </TableCell>
                  <TableCell>
                    <SyncChip sync={doc.sync} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Typography
            variant="caption"
            color="textSecondary"
            component="p"
            style={{ padding: 8 }}
          >
            {value.results.length}
            {value.total && value.total > value.results.length
              ? ` of ${value.total}`
              : ''}{' '}
            services
          </Typography>
        </TableContainer>
      )}
    </Box>
  );
}
