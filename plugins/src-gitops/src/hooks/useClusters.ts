import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { srcGitopsApiRef } from '../api/SrcGitopsApi';

/** The configured clusters, with loading and error state and a retry. */
export function useClusters() {
  const api = useApi(srcGitopsApiRef);
  return useAsyncRetry(() => api.getClusters(), [api]);
}
