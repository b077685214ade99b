import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  COMPONENT_CATALOGUE,
  SRC_CLUSTER_ANNOTATION,
  SRC_COMPONENT_ANNOTATION,
  SRC_GITOPS_ENGINE_ANNOTATION,
  SRC_GITOPS_REPO_ANNOTATION,
  SRC_GITOPS_SELECTOR_ANNOTATION,
  SRC_NODE_ANNOTATION,
  SRC_SITE_ANNOTATION,
  SRC_COMPONENT_LABEL,
  SRC_SITE_LABEL,
  SiteSpec,
  enabledComponents,
} from '@srcnet/plugin-src-gitops-common';

function ownerRef(owner: string): string {
  if (owner.includes(':')) return owner;
  return `group:default/${owner}`;
}

function siteAnnotations(spec: SiteSpec): Record<string, string> {
  return {
    [SRC_NODE_ANNOTATION]: spec.node,
    [SRC_SITE_ANNOTATION]: spec.site,
    [SRC_CLUSTER_ANNOTATION]: spec.environments.map(e => e.cluster).join(','),
    [SRC_GITOPS_ENGINE_ANNOTATION]: spec.engine,
    [SRC_GITOPS_REPO_ANNOTATION]: spec.repository.url,
  };
}

/**
 * The catalog entities of a site: its System, one Resource per cluster and one Component per
 * platform service, each annotated so the live-state views can find its GitOps objects.
 */
export function siteEntities(spec: SiteSpec): Entity[] {
  const owner = ownerRef(spec.owner);
  const annotations = siteAnnotations(spec);
  const system: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: spec.site,
      title: spec.title ?? `${spec.node} ${spec.site}`,
      description:
        spec.description ??
        `SRC site ${spec.site} of ${spec.node}, deployed with ${
          spec.engine === 'argocd' ? 'Argo CD' : 'Flux'
        }.`,
      annotations: {
        ...annotations,
        [SRC_GITOPS_SELECTOR_ANNOTATION]: `${SRC_SITE_LABEL}=${spec.site}`,
      },
      tags: ['srcnet-site', spec.engine],
    },
    spec: {
      owner,
      domain: `domain:default/${spec.node.toLowerCase()}`,
    },
  };
  const clusters: Entity[] = spec.environments.map(env => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: env.cluster,
      title: `${spec.site} ${env.name} cluster`,
      description: `Kubernetes cluster of SRC site ${spec.site} (${env.name}), serving ${env.baseDomain}.`,
      annotations: {
        ...annotations,
        [SRC_CLUSTER_ANNOTATION]: env.cluster,
        [SRC_GITOPS_SELECTOR_ANNOTATION]: `${SRC_SITE_LABEL}=${spec.site}`,
      },
      labels: { 'srcnet.skao.int/environment': env.name },
      tags: ['kubernetes', spec.engine],
    },
    spec: {
      type: 'kubernetes-cluster',
      owner,
      system: stringifyEntityRef(system),
    },
  }));
  const services: Entity[] = enabledComponents(spec.components).map(id => {
    const entry = COMPONENT_CATALOGUE[id];
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `${spec.site}-${id}`,
        title: `${entry.title} (${spec.site})`,
        description: entry.description,
        annotations: {
          ...annotations,
          [SRC_COMPONENT_ANNOTATION]: id,
          [SRC_GITOPS_SELECTOR_ANNOTATION]: `${SRC_SITE_LABEL}=${spec.site},${SRC_COMPONENT_LABEL}=${id}`,
        },
        tags: ['platform-service', entry.role],
        links: [{ url: entry.docsUrl, title: `${entry.title} documentation` }],
      },
      spec: {
        type: 'platform-service',
        lifecycle: 'production',
        owner,
        system: stringifyEntityRef(system),
        dependsOn: clusters.map(c => stringifyEntityRef(c)),
      },
    };
  });
  return [system, ...clusters, ...services];
}
