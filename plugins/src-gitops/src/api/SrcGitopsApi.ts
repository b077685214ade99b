import { createApiRef } from '@backstage/core-plugin-api';
import { ClusterSummary } from '@srcnet/plugin-src-gitops-common';

/** The clusters the backend reads, as a response object (room for paging and metadata). */
export type ClusterListResponse = {
  items: ClusterSummary[];
};

/** Client of the src-gitops backend. */
export interface SrcGitopsApi {
  /** The configured clusters with their reachability; never URLs or credentials. */
  getClusters(): Promise<ClusterListResponse>;
}

export const srcGitopsApiRef = createApiRef<SrcGitopsApi>({
  id: 'plugin.src-gitops.service',
});
