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
