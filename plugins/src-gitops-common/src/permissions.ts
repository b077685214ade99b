import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';

/**
 * Read live GitOps state (Argo CD Applications, Flux objects) of a catalog entity.
 * A resource permission on the entity, so a policy can narrow it (e.g. to owners).
 */
export const srcGitopsResourceReadPermission = createPermission({
  name: 'src-gitops.resource.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Act on a GitOps object of a catalog entity: Argo CD sync and refresh, Flux reconcile,
 * suspend and resume. Each is a PATCH on one object in one cluster.
 */
export const srcGitopsResourceOperatePermission = createPermission({
  name: 'src-gitops.resource.operate',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Read the fleet-wide view (every site and cluster, no per-entity filter). */
export const srcGitopsFleetReadPermission = createPermission({
  name: 'src-gitops.fleet.read',
  attributes: { action: 'read' },
});

/** Every permission the src-gitops plugins define. */
export const srcGitopsPermissions = [
  srcGitopsResourceReadPermission,
  srcGitopsResourceOperatePermission,
  srcGitopsFleetReadPermission,
];
