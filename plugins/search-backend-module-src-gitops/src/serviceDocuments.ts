import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { IndexableDocument } from '@backstage/plugin-search-common';
import {
  COMPONENT_CATALOGUE,
  PLATFORM_SERVICE_SEARCH_TYPE,
  PlatformServiceSearchDocument,
  GitOpsObjectRef,
  PlatformServiceState,
  SRC_CHART_VERSION_ANNOTATION,
  SRC_CLUSTER_ANNOTATION,
  SRC_COMPONENT_ANNOTATION,
  SRC_ENVIRONMENT_ANNOTATION,
  SRC_GITOPS_ENGINE_ANNOTATION,
  SRC_GITOPS_OBJECTS_ANNOTATION,
  SRC_NAMESPACE_ANNOTATION,
  SRC_NODE_ANNOTATION,
  SRC_SITE_ANNOTATION,
  isComponentId,
  parseGitOpsObjects,
} from '@srcnet/plugin-src-gitops-common';

export const SRC_GITOPS_SERVICE_DOCUMENT_TYPE = PLATFORM_SERVICE_SEARCH_TYPE;

/** One platform service of one site in one cluster; the fields are shared with the frontend. */
export interface PlatformServiceDocument
  extends IndexableDocument,
    PlatformServiceSearchDocument {}

const ENGINE_TITLE: Record<string, string> = {
  argocd: 'Argo CD',
  flux: 'Flux',
};

function annotation(entity: Entity, key: string): string | undefined {
  return entity.metadata.annotations?.[key];
}

/** A catalog platform service with its annotations read once, for joining live objects. */
type CatalogService = {
  entity: Entity;
  clusters?: string[];
  objects?: GitOpsObjectRef[];
  component?: string;
  environment?: string;
};

function readObjects(entity: Entity): GitOpsObjectRef[] | undefined {
  const value = annotation(entity, SRC_GITOPS_OBJECTS_ANNOTATION);
  if (!value) return undefined;
  try {
    return parseGitOpsObjects(value);
  } catch {
    return undefined;
  }
}

/** The catalog's platform services by site, each entity's annotations parsed once. */
function servicesBySite(entities: Entity[]): Map<string, CatalogService[]> {
  const bySite = new Map<string, CatalogService[]>();
  for (const entity of entities) {
    const site = annotation(entity, SRC_SITE_ANNOTATION);
    if (!site) continue;
    const clusters = annotation(entity, SRC_CLUSTER_ANNOTATION);
    const services = bySite.get(site) ?? [];
    services.push({
      entity,
      clusters: clusters ? clusters.split(',').map(c => c.trim()) : undefined,
      objects: readObjects(entity),
      component: annotation(entity, SRC_COMPONENT_ANNOTATION),
      environment: annotation(entity, SRC_ENVIRONMENT_ANNOTATION),
    });
    bySite.set(site, services);
  }
  return bySite;
}

/**
 * The catalog entity of a live service: the one naming its GitOps object, else the one of the
 * same site and component; among several, the one of the same environment.
 */
function entityForService(
  state: PlatformServiceState,
  bySite: Map<string, CatalogService[]>,
): Entity | undefined {
  const candidates = (bySite.get(state.site) ?? []).filter(c => {
    if (c.clusters && !c.clusters.includes(state.cluster)) return false;
    if (c.objects) {
      return c.objects.some(
        r =>
          r.kind === state.kind &&
          r.namespace === state.namespace &&
          r.name === state.name,
      );
    }
    return c.component === state.component;
  });
  return (
    candidates.find(
      c => state.environment && c.environment === state.environment,
    ) ?? candidates[0]
  )?.entity;
}

function entityPath(entity: Entity): string {
  const ns = entity.metadata.namespace ?? 'default';
  return `/catalog/${ns}/${entity.kind.toLowerCase()}/${entity.metadata.name}`;
}

function title(component: string): string {
  return isComponentId(component)
    ? COMPONENT_CATALOGUE[component].title
    : component;
}

function query(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

/**
 * Search documents for every platform service: each live Application or HelmRelease (linked to
 * its catalog entity's GitOps tab when one matches), and each catalog platform service whose
 * cluster is not watched, so every site's Vault is found even where no live state exists. Pure.
 */
export function platformServiceDocuments(
  states: PlatformServiceState[],
  entities: Entity[],
  options: { fleetPath?: string } = {},
): PlatformServiceDocument[] {
  const fleetPath = options.fleetPath ?? '/gitops-fleet';
  const bySite = servicesBySite(entities);
  const matched = new Set<Entity>();
  const documents: PlatformServiceDocument[] = states.map(state => {
    const entity = entityForService(state, bySite);
    if (entity) matched.add(entity);
    const pinned = entity && annotation(entity, SRC_CHART_VERSION_ANNOTATION);
    const version = state.version ?? '';
    const stale =
      state.reachability === 'reachable'
        ? ''
        : ` Last known state: the cluster is ${state.reachability}.`;
    const drift =
      pinned && version && pinned !== version
        ? ` The site repository pins ${pinned}.`
        : '';
    return {
      title: `${title(state.component)}${version ? ` ${version}` : ''} · ${
        state.site
      } (${state.cluster})`,
      text: `${title(state.component)}${
        version ? ` ${version}` : ''
      } at SRC site ${state.site}${
        state.node ? ` (${state.node})` : ''
      }, cluster ${state.cluster}${
        state.environment ? `, ${state.environment}` : ''
      }, deployed by ${ENGINE_TITLE[state.engine]} as ${state.kind} ${
        state.namespace
      }/${state.name}: ${state.suspended ? 'suspended, ' : ''}${
        state.health
      }, ${state.sync}.${drift}${stale}${
        state.message ? ` ${state.message}` : ''
      }`,
      // Unique per document: the in-memory engine keys documents by location.
      location: entity
        ? `${entityPath(entity)}/gitops?${query({ cluster: state.cluster })}`
        : `${fleetPath}?${query({
            site: state.site,
            cluster: state.cluster,
            object: `${state.kind}/${state.namespace}/${state.name}`,
          })}`,
      site: state.site,
      node:
        state.node ?? (entity && annotation(entity, SRC_NODE_ANNOTATION)) ?? '',
      cluster: state.cluster,
      engine: state.engine,
      component: state.component,
      chartVersion: version,
      repositoryVersion: pinned ?? '',
      health: state.health,
      sync: state.sync,
      environment:
        state.environment ??
        (entity && annotation(entity, SRC_ENVIRONMENT_ANNOTATION)) ??
        '',
      namespace: state.namespace,
      object: `${state.kind}/${state.namespace}/${state.name}`,
      entityRef: entity ? stringifyEntityRef(entity) : '',
    };
  });
  const watchedSites = new Set(states.map(s => s.site));
  for (const entity of entities) {
    const site = annotation(entity, SRC_SITE_ANNOTATION);
    const component = annotation(entity, SRC_COMPONENT_ANNOTATION);
    if (matched.has(entity) || !site || !component) continue;
    const version = annotation(entity, SRC_CHART_VERSION_ANNOTATION) ?? '';
    const engine = annotation(entity, SRC_GITOPS_ENGINE_ANNOTATION) ?? '';
    const watched = watchedSites.has(site);
    documents.push({
      title: `${title(component)}${version ? ` ${version}` : ''} · ${site}`,
      text: `${title(component)}${
        version ? ` ${version}` : ''
      } at SRC site ${site}, as its repository declares it${
        engine ? ` for ${ENGINE_TITLE[engine] ?? engine}` : ''
      }. ${
        watched
          ? "Missing: no matching Application or HelmRelease in the site's clusters."
          : "No live state: none of the site's clusters is watched by the src-gitops backend."
      }`,
      location: entityPath(entity),
      site,
      node: annotation(entity, SRC_NODE_ANNOTATION) ?? '',
      cluster: annotation(entity, SRC_CLUSTER_ANNOTATION) ?? '',
      engine,
      component,
      chartVersion: version,
      repositoryVersion: version,
      health: watched ? 'missing' : 'no-live-state',
      sync: 'unknown',
      environment: annotation(entity, SRC_ENVIRONMENT_ANNOTATION) ?? '',
      namespace: annotation(entity, SRC_NAMESPACE_ANNOTATION) ?? '',
      object: annotation(entity, SRC_GITOPS_OBJECTS_ANNOTATION) ?? '',
      entityRef: stringifyEntityRef(entity),
    });
  }
  return documents;
}
