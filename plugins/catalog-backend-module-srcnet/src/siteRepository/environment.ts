/** Folder names that group manifests rather than name an environment. */
const GENERIC_FOLDERS = new Set([
  '',
  '.',
  'apps',
  'applications',
  'argocd-apps',
  'argocd',
  'argo',
  'argo-apps',
  'manifests',
  'deploy',
  'root',
  'base',
  'clusters',
  'flux',
]);

export function isGenericFolder(name: string): boolean {
  return GENERIC_FOLDERS.has(name);
}

/** The environment a path names through an overlay: `apps/vault/overlays/prod` -> `prod`. */
export function environmentFromPath(path: string): string | undefined {
  return /(?:^|\/)overlays\/([^/]+)/.exec(path.replace(/^\$values\//, ''))?.[1];
}
