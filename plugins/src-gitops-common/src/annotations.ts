/**
 * Catalog annotations and Kubernetes labels shared by the src-gitops plugins.
 *
 * Entities carry annotations so the backend can match live GitOps objects to them; the objects
 * rendered into a site repository carry the matching labels.
 */

/** Prefix of every annotation and label owned by the src-gitops plugins. */
export const SRC_GITOPS_PREFIX = 'srcnet.skao.int';

/** The SRCNet node (national SRC) an entity belongs to, e.g. `CHSRC`. */
export const SRC_NODE_ANNOTATION = `${SRC_GITOPS_PREFIX}/node`;

/** The SRC site an entity belongs to, e.g. `chsrc-ch`; equals the site's System name. */
export const SRC_SITE_ANNOTATION = `${SRC_GITOPS_PREFIX}/site`;

/**
 * The cluster(s) an entity is deployed to, comma-separated cluster names as configured in
 * `srcGitops.clusters[].name`. On a `Resource` of type `kubernetes-cluster` it names the cluster itself.
 */
export const SRC_CLUSTER_ANNOTATION = `${SRC_GITOPS_PREFIX}/cluster`;

/** The GitOps engine that deploys the entity: `argocd` or `flux`. */
export const SRC_GITOPS_ENGINE_ANNOTATION = `${SRC_GITOPS_PREFIX}/gitops-engine`;

/** The id of the component catalogue entry a platform service was rendered from, e.g. `vault`. */
export const SRC_COMPONENT_ANNOTATION = `${SRC_GITOPS_PREFIX}/component`;

/** URL of the site's GitOps repository. */
export const SRC_GITOPS_REPO_ANNOTATION = `${SRC_GITOPS_PREFIX}/gitops-repo`;

/**
 * A Kubernetes label selector that picks the entity's GitOps objects (Argo CD Applications,
 * Flux Kustomizations and HelmReleases), e.g. `srcnet.skao.int/site=chsrc-ch`.
 */
export const SRC_GITOPS_SELECTOR_ANNOTATION = `${SRC_GITOPS_PREFIX}/gitops-selector`;

/** Label put on every rendered GitOps object: the site it belongs to. */
export const SRC_SITE_LABEL = `${SRC_GITOPS_PREFIX}/site`;
/** Label put on every rendered GitOps object: the component catalogue id. */
export const SRC_COMPONENT_LABEL = `${SRC_GITOPS_PREFIX}/component`;
/** Label put on every rendered GitOps object: the environment (`dev`, `prod`, ...). */
export const SRC_ENVIRONMENT_LABEL = `${SRC_GITOPS_PREFIX}/environment`;

/** Compatibility with the community Argo CD plugins: one Application by name. */
export const ARGOCD_APP_NAME_ANNOTATION = 'argocd/app-name';
/** Compatibility with the community Argo CD plugins: Applications by label selector. */
export const ARGOCD_APP_SELECTOR_ANNOTATION = 'argocd/app-selector';
/** Compatibility with Backstage's Kubernetes plugin: objects labelled `backstage.io/kubernetes-id`. */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';

/** Every annotation that makes an entity eligible for GitOps state. */
export const GITOPS_ENTITY_ANNOTATIONS = [
  SRC_SITE_ANNOTATION,
  SRC_CLUSTER_ANNOTATION,
  SRC_GITOPS_SELECTOR_ANNOTATION,
  SRC_COMPONENT_ANNOTATION,
  ARGOCD_APP_NAME_ANNOTATION,
  ARGOCD_APP_SELECTOR_ANNOTATION,
  KUBERNETES_ID_ANNOTATION,
] as const;

/**
 * The GitOps objects that deploy an entity, comma-separated `<Kind>/<namespace>/<name>`, e.g.
 * `HelmRelease/vault/vault`. Set on platform services read from a site repository that does not
 * carry our labels.
 */
export const SRC_GITOPS_OBJECTS_ANNOTATION = `${SRC_GITOPS_PREFIX}/gitops-objects`;
/** The Helm chart a platform service is installed from: `<repo URL>/<chart>` or the chart name. */
export const SRC_CHART_ANNOTATION = `${SRC_GITOPS_PREFIX}/chart`;
/** The chart version the site repository pins for a platform service. */
export const SRC_CHART_VERSION_ANNOTATION = `${SRC_GITOPS_PREFIX}/chart-version`;
/** The namespace a platform service is installed into. */
export const SRC_NAMESPACE_ANNOTATION = `${SRC_GITOPS_PREFIX}/namespace`;
/** The environment (`dev`, `prod`, ...) of a platform service. */
export const SRC_ENVIRONMENT_ANNOTATION = `${SRC_GITOPS_PREFIX}/environment`;

/** One `<Kind>/<namespace>/<name>` entry of {@link SRC_GITOPS_OBJECTS_ANNOTATION}. */
export type GitOpsObjectRef = { kind: string; namespace: string; name: string };

export function formatGitOpsObjects(refs: GitOpsObjectRef[]): string {
  return refs.map(r => `${r.kind}/${r.namespace}/${r.name}`).join(',');
}

/** Parses {@link SRC_GITOPS_OBJECTS_ANNOTATION}; throws naming the entry that is malformed. */
export function parseGitOpsObjects(value: string): GitOpsObjectRef[] {
  return value
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)
    .map(entry => {
      const parts = entry.split('/');
      if (parts.length !== 3 || parts.some(p => !p)) {
        throw new Error(
          `'${entry}' is not <Kind>/<namespace>/<name>, e.g. HelmRelease/vault/vault`,
        );
      }
      return { kind: parts[0], namespace: parts[1], name: parts[2] };
    });
}
