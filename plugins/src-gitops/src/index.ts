/**
 * Live Argo CD and Flux state of SRC sites in Backstage (legacy frontend system exports; the
 * new frontend system plugin is at `@srcnet/plugin-src-gitops/alpha`).
 *
 * @packageDocumentation
 */

export {
  srcGitopsPlugin,
  SrcGitopsFleetPage,
  EntitySrcGitopsContent,
  EntitySrcGitopsCard,
} from './plugin';
export { isGitOpsAvailable } from './conditions';
export { srcGitopsApiRef } from './api/SrcGitopsApi';
export type * from './api/SrcGitopsApi';
export { SrcGitopsClient } from './api/SrcGitopsClient';
