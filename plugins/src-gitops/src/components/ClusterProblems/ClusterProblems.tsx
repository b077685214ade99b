import Alert from '@material-ui/lab/Alert';
import { ClusterProblem } from '../../api/SrcGitopsApi';
import { relativeTime } from '../time';

/** Names every cluster that could not be read, so a partial answer is never mistaken for a whole one. */
export function ClusterProblems(props: { problems: ClusterProblem[] }) {
  if (props.problems.length === 0) return null;
  return (
    <Alert severity="warning" role="alert">
      <strong>
        {props.problems.length === 1
          ? 'One cluster'
          : `${props.problems.length} clusters`}{' '}
        could not be read; what is shown for{' '}
        {props.problems.length === 1 ? 'it' : 'them'} may be stale.
      </strong>
      <ul>
        {props.problems.map(p => (
          <li key={p.cluster}>
            {p.cluster} ({p.site}): {p.reachability}, {p.error}
            {p.since ? `, since ${relativeTime(p.since)}` : ''}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** Says plainly that the clusters shown are the demo's simulated ones. */
export function SimulatedNotice() {
  return (
    <Alert severity="info" role="status" style={{ marginBottom: 16 }}>
      These clusters are simulated (the fleet simulator of the embedded
      default), not real SRC clusters.
    </Alert>
  );
}
