import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import PauseCircleFilledIcon from '@material-ui/icons/PauseCircleFilled';
import HelpIcon from '@material-ui/icons/Help';
import SyncIcon from '@material-ui/icons/Sync';
import SyncProblemIcon from '@material-ui/icons/SyncProblem';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import { GitOpsHealth, GitOpsSync } from '@srcnet/plugin-src-gitops-common';

/** Colour and text, never colour alone; the words match Argo CD's and Flux's. */
const HEALTH = {
  healthy: { label: 'Healthy', color: '#1b5e20', Icon: CheckCircleIcon },
  progressing: { label: 'Progressing', color: '#0d47a1', Icon: SyncIcon },
  degraded: { label: 'Degraded', color: '#b71c1c', Icon: ErrorIcon },
  suspended: {
    label: 'Suspended',
    color: '#5d4037',
    Icon: PauseCircleFilledIcon,
  },
  missing: { label: 'Missing', color: '#a84300', Icon: ReportProblemIcon },
  unknown: { label: 'Unknown', color: '#424242', Icon: HelpIcon },
} as const;

const SYNC = {
  synced: { label: 'Synced', color: '#1b5e20', Icon: CheckCircleIcon },
  'out-of-sync': {
    label: 'OutOfSync',
    color: '#a84300',
    Icon: SyncProblemIcon,
  },
  unknown: { label: 'Unknown', color: '#424242', Icon: HelpIcon },
} as const;

const useStyles = makeStyles({
  chip: { fontWeight: 600 },
});

function StyledChip(props: {
  label: string;
  color: string;
  Icon: typeof HelpIcon;
  title?: string;
}) {
  const classes = useStyles();
  const { label, color, Icon, title } = props;
  return (
    <Chip
      size="small"
      variant="outlined"
      className={classes.chip}
      style={{ color, borderColor: color }}
      icon={<Icon style={{ color }} />}
      label={label}
      title={title}
    />
  );
}

export function HealthChip(props: { health: GitOpsHealth; title?: string }) {
  return <StyledChip {...HEALTH[props.health]} title={props.title} />;
}

export function SyncChip(props: { sync: GitOpsSync; title?: string }) {
  return <StyledChip {...SYNC[props.sync]} title={props.title} />;
}

export const HEALTH_LABELS: Record<GitOpsHealth, string> = Object.fromEntries(
  Object.entries(HEALTH).map(([k, v]) => [k, v.label]),
) as Record<GitOpsHealth, string>;
