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
