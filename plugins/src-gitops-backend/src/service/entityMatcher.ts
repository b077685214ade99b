import { Entity } from '@backstage/catalog-model';
import {
  ARGOCD_APP_NAME_ANNOTATION,
  ARGOCD_APP_SELECTOR_ANNOTATION,
  GitOpsResource,
  KUBERNETES_ID_ANNOTATION,
  LabelRequirement,
  SRC_CLUSTER_ANNOTATION,
  SRC_COMPONENT_ANNOTATION,
  SRC_COMPONENT_LABEL,
  SRC_GITOPS_OBJECTS_ANNOTATION,
  SRC_GITOPS_SELECTOR_ANNOTATION,
  SRC_SITE_ANNOTATION,
  SRC_SITE_LABEL,
  matchesLabels,
  parseGitOpsObjects,
  parseLabelSelector,
} from '@srcnet/plugin-src-gitops-common';
import { InputError } from '@backstage/errors';
import { ClusterSnapshot } from '../cluster/ClusterWatcher';

/** Which clusters an entity spans and which of their GitOps objects are its own. */
export type EntityMatch = {
  clusters: (cluster: ClusterSnapshot) => boolean;
  resources: (resource: GitOpsResource) => boolean;
};

function selector(value: string, annotation: string): LabelRequirement[] {
  try {
    return parseLabelSelector(value);
  } catch (error) {
    throw new InputError(
      `annotation ${annotation} is not a valid label selector: ${
        (error as Error).message
      }`,
    );
  }
}

function gitopsObjects(value: string) {
  try {
    return parseGitOpsObjects(value);
  } catch (error) {
    throw new InputError(
      `annotation ${SRC_GITOPS_OBJECTS_ANNOTATION} is malformed: ${
        (error as Error).message
      }`,
    );
  }
}

/**
 * Turns an entity's annotations into a match: ours (site, cluster, component, selector) and, for
 * compatibility, the Argo CD plugins' `argocd/app-name` and `argocd/app-selector` and the
 * Kubernetes plugin's `backstage.io/kubernetes-id`. `undefined` when the entity has none.
 */
export function entityMatch(entity: Entity): EntityMatch | undefined {
  const a = entity.metadata.annotations ?? {};
  const clusterNames = a[SRC_CLUSTER_ANNOTATION]?.split(',')
    .map(s => s.trim())
    .filter(Boolean);
  const site = a[SRC_SITE_ANNOTATION];
  const predicates: Array<(r: GitOpsResource) => boolean> = [];
  if (a[SRC_GITOPS_OBJECTS_ANNOTATION]) {
    const refs = gitopsObjects(a[SRC_GITOPS_OBJECTS_ANNOTATION]);
    predicates.push(r =>
      refs.some(
        o =>
          o.kind === r.kind && o.namespace === r.namespace && o.name === r.name,
      ),
    );
  } else if (a[SRC_GITOPS_SELECTOR_ANNOTATION]) {
    const req = selector(
      a[SRC_GITOPS_SELECTOR_ANNOTATION],
      SRC_GITOPS_SELECTOR_ANNOTATION,
    );
    predicates.push(r => matchesLabels(req, r.labels));
  } else if (a[SRC_COMPONENT_ANNOTATION]) {
    const component = a[SRC_COMPONENT_ANNOTATION];
    predicates.push(
      r =>
        r.labels[SRC_COMPONENT_LABEL] === component &&
        (!site || r.labels[SRC_SITE_LABEL] === site),
    );
  } else if (site) {
    predicates.push(r => r.labels[SRC_SITE_LABEL] === site || r.site === site);
  }
  if (a[ARGOCD_APP_NAME_ANNOTATION]) {
    const names = a[ARGOCD_APP_NAME_ANNOTATION].split(',').map(s => s.trim());
    predicates.push(r => r.engine === 'argocd' && names.includes(r.name));
  }
  if (a[ARGOCD_APP_SELECTOR_ANNOTATION]) {
    const req = selector(
      a[ARGOCD_APP_SELECTOR_ANNOTATION],
      ARGOCD_APP_SELECTOR_ANNOTATION,
    );
    predicates.push(r => r.engine === 'argocd' && matchesLabels(req, r.labels));
  }
  if (a[KUBERNETES_ID_ANNOTATION]) {
    const id = a[KUBERNETES_ID_ANNOTATION];
    predicates.push(r => r.labels[KUBERNETES_ID_ANNOTATION] === id);
  }
  // A cluster entity with no selector of its own owns every GitOps object in it.
  if (predicates.length === 0 && clusterNames?.length)
    predicates.push(() => true);
  if (predicates.length === 0) return undefined;
  return {
    clusters: c => {
      if (clusterNames?.length) return clusterNames.includes(c.cluster);
      return site ? c.site === site : true;
    },
    resources: r => predicates.some(p => p(r)),
  };
}
