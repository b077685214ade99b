/**
 * Scaffolder actions that render, validate and publish an SRC site's GitOps repository.
 *
 * @packageDocumentation
 */

export { scaffolderModuleSrcGitops as default } from './module';
export { renderSite } from './render/renderSite';
export type { RenderedSite, SiteFile } from './render/siteFiles';
export { validateSiteFiles } from './validate/validateSiteFiles';
export type { ValidateSiteOptions } from './validate/validateSiteFiles';
export type { ValidationProblem } from './validate/validationProblem';
export { formatProblem } from './validate/validationProblem';
export { createRenderSiteAction } from './actions/renderSite';
export { createValidateSiteAction } from './actions/validateSite';
export { createPlanLocalRemoteAction } from './actions/planLocalRemote';
export { createPublishLocalAction } from './actions/publishLocal';
export { createRegisterLocalAction } from './actions/registerLocal';
export { LocalGitRemotes } from './publish/localGitRemotes';
