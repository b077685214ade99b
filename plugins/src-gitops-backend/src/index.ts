/**
 * Backend for the src-gitops plugin: live Argo CD and Flux state from a fleet of SRC clusters.
 *
 * @packageDocumentation
 */

export { srcGitopsPlugin as default } from './plugin';
