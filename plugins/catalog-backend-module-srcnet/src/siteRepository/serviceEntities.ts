import { createHash } from 'crypto';
import { Entity } from '@backstage/catalog-model';
import {
  COMPONENT_CATALOGUE,
  SRC_CHART_ANNOTATION,
  SRC_CHART_VERSION_ANNOTATION,
  SRC_CLUSTER_ANNOTATION,
  SRC_COMPONENT_ANNOTATION,
  SRC_ENVIRONMENT_ANNOTATION,
  SRC_ENVIRONMENT_LABEL,
  SRC_GITOPS_ENGINE_ANNOTATION,
  SRC_GITOPS_OBJECTS_ANNOTATION,
  SRC_GITOPS_REPO_ANNOTATION,
  SRC_NAMESPACE_ANNOTATION,
  SRC_NODE_ANNOTATION,
  SRC_SITE_ANNOTATION,
  formatGitOpsObjects,
  isComponentId,
} from '@srcnet/plugin-src-gitops-common';
import { PlatformService } from './types';

/** The site a repository belongs to, from the annotations of its Location. */
export type SiteRepositoryOwner = {
  site: string;
  node?: string;
  owner: string;
  repositoryUrl: string;
  /** Which cluster runs each environment, so the GitOps tab looks at the right one. */
  environmentClusters: Record<string, string>;
};

/** A DNS-label-like entity name; long names keep a hash so they stay unique. */
export function entityName(...parts: Array<string | undefined>): string {
  const name = parts
    .filter(Boolean)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (name.length <= 63) return name;
  const hash = createHash('sha1').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, 54).replace(/-$/, '')}-${hash}`;
}

/**
 * One catalog Component per platform service and environment, part of the site's System and
 * annotated with engine, chart, version, namespace and the GitOps object, so the GitOps tab and
 * the search index find its live state. Pure.
 */
export function serviceEntities(
  services: PlatformService[],
  owner: SiteRepositoryOwner,
): Entity[] {
  return services.map(service => {
    const catalogued = isComponentId(service.component)
      ? COMPONENT_CATALOGUE[service.component]
      : undefined;
    const cluster = service.environment
      ? owner.environmentClusters[service.environment]
      : undefined;
    const annotations: Record<string, string> = {
      [SRC_SITE_ANNOTATION]: owner.site,
      [SRC_GITOPS_ENGINE_ANNOTATION]: service.engine,
      [SRC_COMPONENT_ANNOTATION]: service.component,
      [SRC_GITOPS_OBJECTS_ANNOTATION]: formatGitOpsObjects([service.object]),
      [SRC_GITOPS_REPO_ANNOTATION]: owner.repositoryUrl,
      'backstage.io/source-location': `url:${owner.repositoryUrl}`,
    };
    if (owner.node) annotations[SRC_NODE_ANNOTATION] = owner.node;
    if (cluster) annotations[SRC_CLUSTER_ANNOTATION] = cluster;
    if (service.chart) {
      annotations[SRC_CHART_ANNOTATION] = service.chart.repoUrl
        ? `${service.chart.repoUrl.replace(/\/+$/, '')}/${service.chart.name}`
        : service.chart.name;
      if (service.chart.version)
        annotations[SRC_CHART_VERSION_ANNOTATION] = service.chart.version;
    }
    if (service.namespace)
      annotations[SRC_NAMESPACE_ANNOTATION] = service.namespace;
    if (service.environment)
      annotations[SRC_ENVIRONMENT_ANNOTATION] = service.environment;
    const version = service.chart?.version ? ` ${service.chart.version}` : '';
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: entityName(owner.site, service.environment, service.name),
        title: `${catalogued?.title ?? service.name}${version} (${owner.site}${
          service.environment ? ` ${service.environment}` : ''
        })`,
        description:
          catalogued?.description ??
          `Platform service ${service.name} of SRC site ${
            owner.site
          }, deployed by ${
            service.engine === 'argocd' ? 'Argo CD' : 'Flux'
          } from ${service.file}.`,
        annotations,
        labels: service.environment
          ? { [SRC_ENVIRONMENT_LABEL]: entityName(service.environment) }
          : undefined,
        tags: [
          'platform-service',
          service.engine,
          ...(service.deprecatedApi ? ['deprecated-api'] : []),
        ],
      },
      spec: {
        type: 'platform-service',
        lifecycle: 'production',
        owner: owner.owner,
        system: `system:default/${owner.site}`,
      },
    };
  });
}
