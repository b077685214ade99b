/**
 * Search module: every SRC site's platform services with their live Argo CD and Flux state.
 *
 * @packageDocumentation
 */
export { searchModuleSrcGitopsServices as default } from './module';
export { SrcGitopsServiceCollatorFactory } from './SrcGitopsServiceCollatorFactory';
export {
  SRC_GITOPS_SERVICE_DOCUMENT_TYPE,
  platformServiceDocuments,
} from './serviceDocuments';
export type { PlatformServiceDocument } from './serviceDocuments';
