import { Entity } from '@backstage/catalog-model';
import { GITOPS_ENTITY_ANNOTATIONS } from '@srcnet/plugin-src-gitops-common';

/** Whether an entity carries an annotation that ties it to GitOps objects (tab and card show). */
export function isGitOpsAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return GITOPS_ENTITY_ANNOTATIONS.some(a => Boolean(annotations[a]));
}
