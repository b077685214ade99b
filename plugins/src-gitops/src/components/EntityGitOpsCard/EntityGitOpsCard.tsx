import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  GITOPS_HEALTH_STATES,
  GITOPS_SYNC_STATES,
  GitOpsResource,
} from '@srcnet/plugin-src-gitops-common';
import { useEntityGitOps } from '../../hooks/useEntityGitOps';
import { HealthChip, SyncChip } from '../StatusChip';
import { relativeTime } from '../time';

const RANK = {
  degraded: 5,
  missing: 4,
  progressing: 3,
  unknown: 2,
  suspended: 1,
  healthy: 0,
} as const;

function worst(items: GitOpsResource[]): GitOpsResource | undefined {
  return items.reduce<GitOpsResource | undefined>(
    (w, r) => (!w || RANK[r.health] > RANK[w.health] ? r : w),
    undefined,
  );
}

/** A compact health summary of the entity's GitOps objects, linking to the GitOps tab. */
export function EntityGitOpsCard(props: { tabPath?: string }) {
  const { entity } = useEntity();
  const state = useEntityGitOps(stringifyEntityRef(entity));
  const tab = props.tabPath ?? 'gitops';
  let content;
  if (state.loading && !state.value) content = <Progress />;
  else if (state.error && !state.value)
    content = <ResponseErrorPanel error={state.error} />;
  else {
    const { items, problems, clusters } = state.value!;
    const bad = worst(items);
    content = (
      <Box>
        {items.length === 0 ? (
          <Typography variant="body2">
            No GitOps objects found in {clusters.length} cluster
            {clusters.length === 1 ? '' : 's'}.
          </Typography>
        ) : (
          <>
            <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mb={1}>
              {GITOPS_HEALTH_STATES.map(h => {
                const n = items.filter(r => r.health === h).length;
                return n ? (
                  <span key={h}>
                    <HealthChip health={h} /> {n}
                  </span>
                ) : null;
              })}
            </Box>
            <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mb={1}>
              {GITOPS_SYNC_STATES.map(s => {
                const n = items.filter(r => r.sync === s).length;
                return n ? (
                  <span key={s}>
                    <SyncChip sync={s} /> {n}
                  </span>
                ) : null;
              })}
            </Box>
            {bad && bad.health !== 'healthy' && (
              <Typography variant="body2">
                Worst:{' '}
                <strong>
                  {bad.kind} {bad.name}
                </strong>{' '}
                on {bad.cluster}: {bad.health}
                {bad.message ? `, ${bad.message}` : ''}
              </Typography>
            )}
          </>
        )}
        {problems.length > 0 && (
          <Typography variant="body2" color="error">
            {problems.length} cluster{problems.length === 1 ? '' : 's'} could
            not be read: {problems.map(p => p.cluster).join(', ')}
          </Typography>
        )}
        <Typography variant="caption" color="textSecondary">
          Updated {relativeTime(state.updatedAt?.toISOString())}
        </Typography>
      </Box>
    );
  }
  return (
    <InfoCard
      title="GitOps"
      deepLink={{ title: 'Open the GitOps tab', link: tab }}
    >
      {content}
    </InfoCard>
  );
}
