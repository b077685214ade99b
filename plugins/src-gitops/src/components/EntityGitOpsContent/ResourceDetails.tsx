import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { GitOpsResource } from '@srcnet/plugin-src-gitops-common';
import { relativeTime, shortRevision } from '../time';

/** The expanded row: conditions, recent history, source and destination. */
export function ResourceDetails(props: { resource: GitOpsResource }) {
  const r = props.resource;
  return (
    <Box p={2} display="flex" flexWrap="wrap" style={{ gap: 32 }}>
      <Box minWidth={280}>
        <Typography variant="subtitle2">Conditions</Typography>
        {r.conditions.length === 0 ? (
          <Typography variant="body2">none reported</Typography>
        ) : (
          <ul>
            {r.conditions.map(c => (
              <li key={`${c.type}-${c.lastTransitionTime}`}>
                <Typography variant="body2">
                  {c.type}={c.status}
                  {c.reason ? ` (${c.reason})` : ''}
                  {c.message ? `: ${c.message}` : ''}
                </Typography>
              </li>
            ))}
          </ul>
        )}
        {r.message && (
          <Typography variant="body2">
            <strong>{r.reason ?? 'Message'}:</strong> {r.message}
          </Typography>
        )}
      </Box>
      <Box minWidth={220}>
        <Typography variant="subtitle2">Recent history</Typography>
        {r.history.length === 0 ? (
          <Typography variant="body2">none</Typography>
        ) : (
          <ul>
            {r.history.map(h => (
              <li key={`${h.id}-${h.revision}`}>
                <Typography variant="body2">
                  {shortRevision(h.revision)} {h.status ? `(${h.status}) ` : ''}
                  {relativeTime(h.deployedAt)}
                </Typography>
              </li>
            ))}
          </ul>
        )}
      </Box>
      <Box minWidth={220}>
        <Typography variant="subtitle2">Source and destination</Typography>
        <Typography variant="body2">
          Source: {r.source?.repoUrl ?? r.sourceRef?.name ?? '—'}{' '}
          {r.source?.path ?? ''}
        </Typography>
        <Typography variant="body2">
          Desired: {shortRevision(r.desiredRevision) || '—'}
        </Typography>
        <Typography variant="body2">
          Applied: {shortRevision(r.appliedRevision) || '—'}
        </Typography>
        <Typography variant="body2">
          Destination: {r.destination?.namespace ?? '—'}
        </Typography>
      </Box>
    </Box>
  );
}
