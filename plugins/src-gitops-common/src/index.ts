/**
 * Common types, schemas and data for the src-gitops plugins: the SRC site model, the component
 * catalogue, the GitOps resource model, catalog annotations and permissions.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './srcnet';
export * from './catalogue/componentCatalogue';
export * from './site/siteSpec';
export * from './site/parseSiteSpec';
export * from './gitopsResource';
export * from './apiTypes';
export * from './permissions';
export * from './labelSelector';
