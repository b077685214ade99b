import {
  SRC_COMPONENT_LABEL,
  SRC_ENVIRONMENT_LABEL,
  componentForChart,
} from '@srcnet/plugin-src-gitops-common';
import {
  KubeDocument,
  RepoIndex,
  apiGroup,
  isRecord,
  repoPath,
  str,
  toKubeDocument,
} from './repoDocuments';
import { buildKustomization, withNamespace } from './kustomize';
import { PlatformService, RepoProblem } from './types';
import { environmentFromPath } from './environment';

const KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io';
const HELM_GROUP = 'helm.toolkit.fluxcd.io';
const SOURCE_GROUP = 'source.toolkit.fluxcd.io';

/** The API versions Flux v2.8 serves; anything older is named on the service. */
const SERVED = new Set([
  'kustomize.toolkit.fluxcd.io/v1',
  'helm.toolkit.fluxcd.io/v2',
  'source.toolkit.fluxcd.io/v1',
]);

const isFluxKustomization = (o: KubeDocument) =>
  o.kind === 'Kustomization' && apiGroup(o.apiVersion) === KUSTOMIZE_GROUP;
const isHelmRelease = (o: KubeDocument) =>
  o.kind === 'HelmRelease' && apiGroup(o.apiVersion) === HELM_GROUP;
const isSource = (o: KubeDocument) => apiGroup(o.apiVersion) === SOURCE_GROUP;

/** Flux post-build substitution: `${var}` and `${var:=default}`. */
function substitute(
  value: unknown,
  vars: Record<string, string>,
  missing: Set<string>,
): unknown {
  if (typeof value === 'string') {
    return value.replace(
      /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::=([^}]*))?\}/g,
      (whole, key: string, fallback?: string) => {
        if (key in vars) return vars[key];
        if (fallback !== undefined) return fallback;
        missing.add(key);
        return whole;
      },
    );
  }
  if (Array.isArray(value)) return value.map(v => substitute(v, vars, missing));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, substitute(v, vars, missing)]),
    );
  }
  return value;
}

type Walk = {
  index: RepoIndex;
  problems: RepoProblem[];
  sources: KubeDocument[];
  releases: Array<{ release: KubeDocument; environment?: string }>;
  visited: Set<string>;
};

/** Applies one Flux Kustomization: builds its path, then follows the Kustomizations it contains. */
function applyKustomization(
  walk: Walk,
  ks: KubeDocument,
  environment: string | undefined,
) {
  const name = ks.metadata.name ?? '(unnamed)';
  const path = str(ks.spec.path) ?? './';
  const sourceRef = isRecord(ks.spec.sourceRef) ? ks.spec.sourceRef : {};
  const sourceName = str(sourceRef.name);
  const folder = repoPath(path);
  const key = `${environment ?? ''}|${folder}|${name}`;
  if (walk.visited.has(key)) return;
  walk.visited.add(key);
  if (!walk.index.isDirectory(folder)) {
    // Kustomizations of flux-system read this repository; others may read another one.
    const own = sourceName === undefined || sourceName === 'flux-system';
    walk.problems.push({
      severity: own ? 'error' : 'warning',
      file: ks.file,
      message: own
        ? `Kustomization ${name} points at path '${path}', which is not in the repository`
        : `Kustomization ${name} reads '${path}' from source ${sourceName}; its services are not listed`,
    });
    return;
  }
  const build = buildKustomization(walk.index, folder, walk.problems);
  const postBuild = isRecord(ks.spec.postBuild) ? ks.spec.postBuild : {};
  const vars = isRecord(postBuild.substitute)
    ? Object.fromEntries(
        Object.entries(postBuild.substitute).map(([k, v]) => [k, String(v)]),
      )
    : {};
  const targetNamespace = str(ks.spec.targetNamespace);
  for (const raw of build.objects) {
    const missing = new Set<string>();
    const object =
      toKubeDocument(raw.file, substitute(raw.raw, vars, missing))[0] ?? raw;
    if (
      missing.size > 0 &&
      (isHelmRelease(object) || isFluxKustomization(object))
    ) {
      walk.problems.push({
        severity: 'warning',
        file: object.file,
        message: `${object.kind} ${object.metadata.name}: \${${[
          ...missing,
        ].join(
          '}, ${',
        )}} not set by Kustomization ${name}'s postBuild.substitute`,
      });
    }
    const placed = targetNamespace
      ? withNamespace(object, targetNamespace)
      : object;
    if (isFluxKustomization(placed))
      applyKustomization(walk, placed, environment);
    else if (isHelmRelease(placed))
      walk.releases.push({ release: placed, environment });
    else if (isSource(placed)) walk.sources.push(placed);
  }
}

function chartOf(release: KubeDocument, sources: KubeDocument[]) {
  const namespace = release.metadata.namespace ?? 'default';
  const findSource = (kind: string, name?: string, ns?: string) =>
    sources.find(
      s =>
        s.kind === kind &&
        s.metadata.name === name &&
        (s.metadata.namespace ?? 'default') === (ns ?? namespace),
    ) ?? sources.find(s => s.kind === kind && s.metadata.name === name);
  const chartSpec =
    isRecord(release.spec.chart) && isRecord(release.spec.chart.spec)
      ? release.spec.chart.spec
      : undefined;
  if (chartSpec) {
    const ref = isRecord(chartSpec.sourceRef) ? chartSpec.sourceRef : {};
    const kind = str(ref.kind) ?? 'HelmRepository';
    const source = findSource(kind, str(ref.name), str(ref.namespace));
    const version = str(chartSpec.version);
    return {
      chart: {
        name: str(chartSpec.chart) ?? '(unnamed chart)',
        version: version === '*' ? undefined : version,
        repoUrl: str(source?.spec.url),
      },
      sourceMissing: !source ? `${kind} ${str(ref.name)}` : undefined,
    };
  }
  const chartRef = isRecord(release.spec.chartRef)
    ? release.spec.chartRef
    : undefined;
  if (chartRef) {
    const kind = str(chartRef.kind) ?? 'OCIRepository';
    const source = findSource(
      kind,
      str(chartRef.name),
      str(chartRef.namespace),
    );
    const url = str(source?.spec.url);
    const ref = isRecord(source?.spec.ref) ? source!.spec.ref : {};
    return {
      chart: {
        name: url?.split('/').pop() ?? str(chartRef.name) ?? '(unnamed chart)',
        version: str(ref.tag) ?? str(ref.semver),
        repoUrl: url,
      },
      sourceMissing: !source ? `${kind} ${str(chartRef.name)}` : undefined,
    };
  }
  return { chart: undefined, sourceMissing: undefined };
}

/**
 * Platform services deployed by Flux: the HelmReleases reached from each `clusters/<name>/`
 * folder through its Kustomization tree (the folder name is the environment). A repository
 * without `clusters/` is read from all its Flux Kustomizations, else from all its HelmReleases.
 */
export function fluxServices(index: RepoIndex): {
  services: PlatformService[];
  problems: RepoProblem[];
} {
  const problems: RepoProblem[] = [];
  const all = index.allObjects();
  const walk: Walk = {
    index,
    problems,
    // Sources are looked up repository-wide: HelmRepositories often sit in a shared folder.
    sources: all.filter(isSource),
    releases: [],
    visited: new Set(),
  };
  const clusterFolders = [
    ...new Set(
      [...index.documents.keys()]
        .map(p => /^(?:.*\/)?clusters\/([^/]+)\//.exec(p))
        .filter((m): m is RegExpExecArray => !!m)
        .map(m => m[0].replace(/\/$/, '')),
    ),
  ].sort();
  if (clusterFolders.length > 0) {
    for (const folder of clusterFolders) {
      const environment = folder.split('/').pop();
      for (const object of buildKustomization(index, folder, problems)
        .objects) {
        if (isFluxKustomization(object))
          applyKustomization(walk, object, environment);
        else if (isHelmRelease(object))
          walk.releases.push({ release: object, environment });
      }
    }
  } else if (all.some(isFluxKustomization)) {
    for (const ks of all.filter(isFluxKustomization)) {
      applyKustomization(
        walk,
        ks,
        ks.metadata.labels?.[SRC_ENVIRONMENT_LABEL] ??
          environmentFromPath(str(ks.spec.path) ?? ''),
      );
    }
  } else {
    for (const release of all.filter(isHelmRelease)) {
      walk.releases.push({
        release,
        environment: environmentFromPath(release.file),
      });
    }
  }
  const services: PlatformService[] = [];
  const seen = new Set<string>();
  for (const { release, environment } of walk.releases) {
    const name = release.metadata.name ?? '(unnamed)';
    const namespace = release.metadata.namespace ?? 'default';
    const key = `${environment}|${namespace}|${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { chart, sourceMissing } = chartOf(release, walk.sources);
    if (!chart) {
      problems.push({
        severity: 'error',
        file: release.file,
        message: `HelmRelease ${name} has neither spec.chart nor spec.chartRef`,
      });
      continue;
    }
    if (sourceMissing) {
      problems.push({
        severity: 'warning',
        file: release.file,
        message: `HelmRelease ${name} refers to ${sourceMissing}, which is not in the repository`,
      });
    }
    const deprecated = [
      release.apiVersion,
      ...walk.sources
        .filter(
          s => s.metadata.name && chart.repoUrl && s.spec.url === chart.repoUrl,
        )
        .map(s => s.apiVersion),
    ].find(v => !SERVED.has(v));
    services.push({
      name,
      component:
        release.metadata.labels?.[SRC_COMPONENT_LABEL] ??
        componentForChart(chart.name) ??
        chart.name,
      engine: 'flux',
      chart,
      namespace: str(release.spec.targetNamespace) ?? namespace,
      environment:
        release.metadata.labels?.[SRC_ENVIRONMENT_LABEL] ?? environment,
      object: { kind: 'HelmRelease', namespace, name },
      file: release.file,
      ...(deprecated ? { deprecatedApi: deprecated } : {}),
    });
  }
  return { services, problems };
}
