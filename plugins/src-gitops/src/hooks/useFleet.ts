import { useApi } from '@backstage/core-plugin-api';
import { srcGitopsApiRef } from '../api/SrcGitopsApi';
import { usePolling } from './usePolling';

/** Every site's state, refreshed every 15 s. */
export function useFleet(intervalMs = 15_000) {
  const api = useApi(srcGitopsApiRef);
  return usePolling(() => api.getFleet(), [api], intervalMs);
}
