import { useState } from 'react';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { GitOpsResource } from '@srcnet/plugin-src-gitops-common';
import { ResourceAction, srcGitopsApiRef } from '../../api/SrcGitopsApi';

/** The actions each engine offers on an object. */
export function actionsFor(resource: GitOpsResource): ResourceAction[] {
  if (resource.engine === 'argocd') return ['sync', 'refresh'];
  if (resource.kind === 'Kustomization' || resource.kind === 'HelmRelease') {
    return resource.suspended
      ? ['reconcile', 'resume']
      : ['reconcile', 'suspend'];
  }
  return ['reconcile'];
}

const LABELS: Record<ResourceAction, string> = {
  sync: 'Sync',
  refresh: 'Refresh',
  reconcile: 'Reconcile',
  suspend: 'Suspend',
  resume: 'Resume',
};

/**
 * The action buttons of one object. Rendered only when the user may operate the entity's
 * objects; each asks for confirmation and shows progress until the backend has patched it.
 */
export function ResourceActions(props: {
  resource: GitOpsResource;
  entityRef: string;
  onDone: (resource: GitOpsResource) => void;
}) {
  const api = useApi(srcGitopsApiRef);
  const alertApi = useApi(alertApiRef);
  const [pending, setPending] = useState<ResourceAction>();
  const [running, setRunning] = useState<ResourceAction>();
  const { resource } = props;

  async function run(action: ResourceAction) {
    setPending(undefined);
    setRunning(action);
    try {
      const result = await api.runAction({
        resource,
        action,
        entityRef: props.entityRef,
      });
      props.onDone(result.resource);
      alertApi.post({
        message: `${LABELS[action]} requested for ${resource.kind} ${resource.name} on ${resource.cluster}`,
        severity: 'success',
        display: 'transient',
      });
    } catch (error) {
      alertApi.post({
        message: `${LABELS[action]} of ${resource.name} failed: ${
          (error as Error).message
        }`,
        severity: 'error',
      });
    } finally {
      setRunning(undefined);
    }
  }

  return (
    <>
      {actionsFor(resource).map(action => (
        <Button
          key={action}
          size="small"
          variant="outlined"
          disabled={running !== undefined}
          onClick={() => setPending(action)}
          aria-label={`${LABELS[action]} ${resource.name}`}
          startIcon={
            running === action ? <CircularProgress size={14} /> : undefined
          }
        >
          {LABELS[action]}
        </Button>
      ))}
      <Dialog
        open={pending !== undefined}
        onClose={() => setPending(undefined)}
        aria-labelledby="src-gitops-confirm-title"
      >
        <DialogTitle id="src-gitops-confirm-title">
          {pending ? `${LABELS[pending]} ${resource.name}?` : ''}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {pending
              ? `${LABELS[pending]} ${resource.kind} ${resource.namespace}/${resource.name} on cluster ${resource.cluster}.`
              : ''}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setPending(undefined)}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            onClick={() => pending && run(pending)}
          >
            {pending ? LABELS[pending] : ''}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
