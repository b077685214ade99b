import { useApi } from '@backstage/core-plugin-api';
import { srcGitopsApiRef } from '../api/SrcGitopsApi';
import { usePolling } from './usePolling';

/** The live GitOps state of one entity, refreshed every 10 s. */
export function useEntityGitOps(entityRef: string, intervalMs = 10_000) {
  const api = useApi(srcGitopsApiRef);
  return usePolling(
    () => api.getEntityState(entityRef),
    [api, entityRef],
    intervalMs,
  );
}
