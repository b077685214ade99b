/**
 * Catalog module: SRCNet nodes, sites, compute, storage and services from the SRCNet Site
 * Capabilities API.
 *
 * @packageDocumentation
 */
export { catalogModuleSrcNet as default } from './module';
export { SrcNetSiteCapabilitiesProvider } from './SrcNetSiteCapabilitiesProvider';
export { SiteCapabilitiesClient } from './SiteCapabilitiesClient';
export { srcNetEntities } from './siteEntities';
export { parseNodes } from './siteCapabilities';
export {
  SrcNetSiteRepositoryProcessor,
  SITE_REPOSITORY_LOCATION_TYPE,
  SRC_OWNER_ANNOTATION,
  SRC_ENVIRONMENT_CLUSTERS_ANNOTATION,
  SRC_ENVIRONMENTS_ANNOTATION,
} from './SrcNetSiteRepositoryProcessor';
export { scanSiteRepository } from './siteRepository/scanSiteRepository';
export { serviceEntities } from './siteRepository/serviceEntities';
export type {
  PlatformService,
  RepoFile,
  RepoProblem,
  SiteRepositoryScan,
} from './siteRepository/types';
export {
  chsrcRepository,
  espsrcRepository,
  uksrcRepository,
} from './examples/siteRepositoryLayouts';
