import { posix } from 'path';
import { KubeObject, describeObject, isRecord } from './kubeObject';
import { ValidationProblem } from './validationProblem';

/** A Kubernetes object and the file it came from. */
export type LocatedObject = { file: string; object: KubeObject };

/** A `kustomization.yaml` and the file it came from. */
export type LocatedKustomization = {
  file: string;
  resources: unknown;
  patches: unknown;
};

/** What exists in the repository: files and the folders that contain them. */
export class RepositoryPaths {
  private readonly files: Set<string>;
  private readonly dirs = new Set<string>();

  constructor(paths: string[]) {
    this.files = new Set(paths);
    for (const path of paths) {
      let dir = posix.dirname(path);
      while (dir !== '.' && !this.dirs.has(dir)) {
        this.dirs.add(dir);
        dir = posix.dirname(dir);
      }
    }
  }

  hasFile(path: string): boolean {
    return this.files.has(path);
  }

  hasDir(path: string): boolean {
    return this.dirs.has(path) || path === '.';
  }
}

/** Normalises a repository path: `./infrastructure/x/` -> `infrastructure/x`. */
export function repoPath(path: string): string {
  const normalised = posix
    .normalize(path.replace(/^\/+/, ''))
    .replace(/\/+$/, '');
  return normalised === '' ? '.' : normalised;
}

/** Every `resources:` and `patches[].path` entry of a kustomization.yaml exists. */
export function checkKustomization(
  kustomization: LocatedKustomization,
  paths: RepositoryPaths,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const dir = posix.dirname(kustomization.file);
  const resources = Array.isArray(kustomization.resources)
    ? kustomization.resources
    : [];
  resources.forEach((resource, i) => {
    if (typeof resource !== 'string') {
      problems.push({
        file: kustomization.file,
        field: `resources[${i}]`,
        reason: 'must be a path',
      });
      return;
    }
    if (/^[a-z]+:\/\//.test(resource)) return; // remote bases are not ours to check
    const target = repoPath(posix.join(dir, resource));
    if (!paths.hasFile(target) && !paths.hasDir(target)) {
      problems.push({
        file: kustomization.file,
        field: `resources[${i}]`,
        reason: `'${resource}' does not exist in the repository`,
      });
    }
  });
  const patches = Array.isArray(kustomization.patches)
    ? kustomization.patches
    : [];
  patches.forEach((patch, i) => {
    if (isRecord(patch) && typeof patch.path === 'string') {
      const target = repoPath(posix.join(dir, patch.path));
      if (!paths.hasFile(target)) {
        problems.push({
          file: kustomization.file,
          field: `patches[${i}].path`,
          reason: `patch file '${patch.path}' does not exist`,
        });
      }
    }
  });
  return problems;
}

/** The patch files a kustomization.yaml names, as repository paths. */
export function patchFiles(kustomization: LocatedKustomization): string[] {
  const dir = posix.dirname(kustomization.file);
  return (Array.isArray(kustomization.patches) ? kustomization.patches : [])
    .filter(
      (p): p is { path: string } => isRecord(p) && typeof p.path === 'string',
    )
    .map(p => repoPath(posix.join(dir, p.path)));
}

function sourcesOf(spec: Record<string, unknown>): Record<string, unknown>[] {
  if (Array.isArray(spec.sources)) return spec.sources.filter(isRecord);
  return isRecord(spec.source) ? [spec.source] : [];
}

/**
 * An Argo CD Application's paths into this repository exist: `source(s)[].path` of the sources
 * that point at the repository, and `$values/...` value files of a `ref: values` source.
 */
export function checkApplication(
  located: LocatedObject,
  paths: RepositoryPaths,
  repositoryUrl: string | undefined,
): ValidationProblem[] {
  const { file, object } = located;
  const problems: ValidationProblem[] = [];
  const spec = isRecord(object.spec) ? object.spec : {};
  const sources = sourcesOf(spec);
  const fieldBase = Array.isArray(spec.sources)
    ? 'spec.sources'
    : 'spec.source';
  const refs = new Set(
    sources
      .filter(
        s => typeof s.ref === 'string' && isOwnRepository(s, repositoryUrl),
      )
      .map(s => s.ref as string),
  );
  sources.forEach((source, i) => {
    const field = Array.isArray(spec.sources)
      ? `${fieldBase}[${i}]`
      : fieldBase;
    if (
      typeof source.path === 'string' &&
      isOwnRepository(source, repositoryUrl)
    ) {
      if (!paths.hasDir(repoPath(source.path))) {
        problems.push({
          file,
          object: describeObject(object),
          field: `${field}.path`,
          reason: `path '${source.path}' does not exist in the repository`,
        });
      }
    }
    const helm = isRecord(source.helm) ? source.helm : undefined;
    const valueFiles = Array.isArray(helm?.valueFiles) ? helm!.valueFiles : [];
    valueFiles.forEach((valueFile, j) => {
      if (typeof valueFile !== 'string') return;
      const match = valueFile.match(/^\$([^/]+)\/(.+)$/);
      if (!match || !refs.has(match[1])) return;
      if (!paths.hasFile(repoPath(match[2]))) {
        problems.push({
          file,
          object: describeObject(object),
          field: `${field}.helm.valueFiles[${j}]`,
          reason: `values file '${match[2]}' does not exist in the repository`,
        });
      }
    });
  });
  return problems;
}

function isOwnRepository(
  source: Record<string, unknown>,
  repositoryUrl: string | undefined,
): boolean {
  if (typeof source.chart === 'string') return false;
  if (!repositoryUrl) return true;
  return (
    normaliseUrl(String(source.repoURL ?? '')) === normaliseUrl(repositoryUrl)
  );
}

function normaliseUrl(url: string): string {
  return url.replace(/\.git$/, '').replace(/\/+$/, '');
}

/**
 * A Flux Kustomization's `spec.path` exists, and every `dependsOn` names a Kustomization
 * applied from the same folder (the same cluster).
 */
export function checkFluxKustomizations(
  kustomizations: LocatedObject[],
  paths: RepositoryPaths,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const namesByDir = new Map<string, Set<string>>();
  for (const { file, object } of kustomizations) {
    const dir = posix.dirname(file);
    const key = `${object.metadata.namespace ?? 'flux-system'}/${
      object.metadata.name
    }`;
    namesByDir.set(dir, (namesByDir.get(dir) ?? new Set()).add(key));
  }
  for (const { file, object } of kustomizations) {
    const spec = isRecord(object.spec) ? object.spec : {};
    if (typeof spec.path === 'string' && !paths.hasDir(repoPath(spec.path))) {
      problems.push({
        file,
        object: describeObject(object),
        field: 'spec.path',
        reason: `path '${spec.path}' does not exist in the repository`,
      });
    }
    const dependsOn = Array.isArray(spec.dependsOn) ? spec.dependsOn : [];
    const known = namesByDir.get(posix.dirname(file)) ?? new Set<string>();
    dependsOn.forEach((dependency, i) => {
      if (!isRecord(dependency) || typeof dependency.name !== 'string') return;
      const namespace =
        typeof dependency.namespace === 'string'
          ? dependency.namespace
          : object.metadata.namespace ?? 'flux-system';
      if (!known.has(`${namespace}/${dependency.name}`)) {
        problems.push({
          file,
          object: describeObject(object),
          field: `spec.dependsOn[${i}]`,
          reason: `depends on Kustomization '${dependency.name}', which is not defined for this cluster`,
        });
      }
    });
  }
  return problems;
}

/** A HelmRelease's chart source (HelmRepository, GitRepository or OCIRepository) is defined. */
export function checkHelmReleaseSources(
  releases: LocatedObject[],
  sources: LocatedObject[],
): ValidationProblem[] {
  const known = new Set(
    sources.map(
      ({ object }) =>
        `${object.kind}/${object.metadata.namespace ?? 'default'}/${
          object.metadata.name
        }`,
    ),
  );
  const problems: ValidationProblem[] = [];
  for (const { file, object } of releases) {
    const spec = isRecord(object.spec) ? object.spec : {};
    const chart =
      isRecord(spec.chart) && isRecord(spec.chart.spec)
        ? spec.chart.spec
        : undefined;
    const ref =
      chart && isRecord(chart.sourceRef) ? chart.sourceRef : undefined;
    if (!ref || typeof ref.kind !== 'string' || typeof ref.name !== 'string')
      continue;
    const namespace =
      typeof ref.namespace === 'string'
        ? ref.namespace
        : object.metadata.namespace ?? 'default';
    // `flux bootstrap` creates this source; it is never in the repository.
    if (ref.kind === 'GitRepository' && ref.name === 'flux-system') continue;
    if (!known.has(`${ref.kind}/${namespace}/${ref.name}`)) {
      problems.push({
        file,
        object: describeObject(object),
        field: 'spec.chart.spec.sourceRef',
        reason: `chart source ${ref.kind} '${namespace}/${ref.name}' is not defined in the repository`,
      });
    }
  }
  return problems;
}

/** No object is defined twice in the same folder (the same cluster and apply unit). */
export function checkDuplicates(objects: LocatedObject[]): ValidationProblem[] {
  const seen = new Map<string, string>();
  const problems: ValidationProblem[] = [];
  for (const { file, object } of objects) {
    const group = object.apiVersion.includes('/')
      ? object.apiVersion.split('/')[0]
      : '';
    const key = [
      posix.dirname(file),
      group,
      object.kind,
      object.metadata.namespace ?? '',
      object.metadata.name,
    ].join('|');
    const first = seen.get(key);
    if (first) {
      problems.push({
        file,
        object: describeObject(object),
        reason: `duplicate object: already defined in ${first}`,
      });
    } else {
      seen.set(key, file);
    }
  }
  return problems;
}
