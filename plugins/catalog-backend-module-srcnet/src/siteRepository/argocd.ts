import { posix } from 'path';
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
import { buildKustomization } from './kustomize';
import { PlatformService, RepoProblem, ServiceChart } from './types';
import { environmentFromPath, isGenericFolder } from './environment';

const ARGO_GROUP = 'argoproj.io';

type Source = Record<string, unknown>;

function sourcesOf(app: KubeDocument): Source[] {
  if (Array.isArray(app.spec.sources)) return app.spec.sources.filter(isRecord);
  return isRecord(app.spec.source) ? [app.spec.source] : [];
}

function normaliseRepoUrl(url: string): string {
  return url
    .replace(/\.git$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

/** Substitutes `{{name}}`, `{{values.x}}` and Go-template `{{ .name }}` from a list element. */
function substitute(
  value: unknown,
  element: Record<string, unknown>,
  missing: Set<string>,
): unknown {
  if (typeof value === 'string') {
    return value.replace(
      /\{\{\s*\.?([\w.-]+)\s*\}\}/g,
      (whole, key: string) => {
        const found = key
          .split('.')
          .reduce<unknown>(
            (node, k) => (isRecord(node) ? node[k] : undefined),
            element,
          );
        if (found === undefined || isRecord(found)) {
          missing.add(key);
          return whole;
        }
        return String(found);
      },
    );
  }
  if (Array.isArray(value))
    return value.map(v => substitute(v, element, missing));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        substitute(v, element, missing),
      ]),
    );
  }
  return value;
}

/**
 * The Applications an ApplicationSet generates, for list generators. Other generators depend on
 * the cluster or on other repositories, so they are reported, not guessed.
 */
export function expandApplicationSet(
  set: KubeDocument,
  problems: RepoProblem[],
): KubeDocument[] {
  const name = set.metadata.name ?? '(unnamed)';
  const template = set.spec.template;
  if (!isRecord(template)) {
    problems.push({
      severity: 'error',
      file: set.file,
      message: `ApplicationSet ${name} has no spec.template`,
    });
    return [];
  }
  const apps: KubeDocument[] = [];
  const generators = Array.isArray(set.spec.generators)
    ? set.spec.generators
    : [];
  for (const generator of generators) {
    if (!isRecord(generator)) continue;
    const list = generator.list;
    if (!isRecord(list) || !Array.isArray(list.elements)) {
      const type = Object.keys(generator).join(', ') || 'empty';
      problems.push({
        severity: 'error',
        file: set.file,
        message: `ApplicationSet ${name} uses a ${type} generator; only list generators can be read from the repository alone`,
      });
      continue;
    }
    for (const element of list.elements.filter(isRecord)) {
      const missing = new Set<string>();
      const generated = substitute(
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Application',
          ...template,
        },
        element,
        missing,
      );
      if (missing.size > 0) {
        problems.push({
          severity: 'error',
          file: set.file,
          message: `ApplicationSet ${name}: its template uses ${[...missing]
            .map(m => `{{${m}}}`)
            .join(', ')}, which list element ${JSON.stringify(
            element,
          )} does not define`,
        });
        continue;
      }
      const app = toKubeDocument(set.file, generated)[0];
      if (app) {
        apps.push({
          ...app,
          metadata: {
            ...app.metadata,
            namespace: app.metadata.namespace ?? set.metadata.namespace,
          },
        });
      }
    }
  }
  return apps;
}

function hasArgoObjects(index: RepoIndex, dir: string): boolean {
  return index
    .yamlFilesUnder(dir)
    .some(p =>
      index
        .objects(p)
        .some(
          o =>
            apiGroup(o.apiVersion) === ARGO_GROUP &&
            (o.kind === 'Application' || o.kind === 'ApplicationSet'),
        ),
    );
}

/**
 * Platform services deployed by Argo CD: every Application (and every Application a list
 * ApplicationSet generates) except the apps of apps, with its charts from chart sources,
 * Kustomize `helmCharts:` or a local Chart.yaml.
 */
export function argocdServices(
  index: RepoIndex,
  options: { repositoryUrl?: string } = {},
): { services: PlatformService[]; problems: RepoProblem[] } {
  const problems: RepoProblem[] = [];
  const argoObjects = index
    .allObjects()
    .filter(o => apiGroup(o.apiVersion) === ARGO_GROUP);
  const apps = [
    ...argoObjects.filter(o => o.kind === 'Application'),
    ...argoObjects
      .filter(o => o.kind === 'ApplicationSet')
      .flatMap(set => expandApplicationSet(set, problems)),
  ];
  // Apps of apps point at folders of Applications; what they point at tells each folder's environment.
  const ownUrls = new Set<string>(
    options.repositoryUrl ? [normaliseRepoUrl(options.repositoryUrl)] : [],
  );
  const appOfAppsFolders = new Map<string, string | undefined>();
  const parents = new Set<KubeDocument>();
  for (const app of apps) {
    for (const source of sourcesOf(app)) {
      const path = str(source.path);
      if (path && !str(source.chart) && hasArgoObjects(index, path)) {
        parents.add(app);
        const folder = repoPath(path);
        const last = posix.basename(folder);
        appOfAppsFolders.set(
          folder,
          app.metadata.labels?.[SRC_ENVIRONMENT_LABEL] ??
            (isGenericFolder(last) ? undefined : last),
        );
        const url = str(source.repoURL);
        if (url) ownUrls.add(normaliseRepoUrl(url));
      }
    }
  }
  const services: PlatformService[] = [];
  for (const app of apps) {
    if (parents.has(app)) continue;
    const appName = app.metadata.name ?? '(unnamed)';
    const sources = sourcesOf(app);
    if (sources.length === 0) {
      problems.push({
        severity: 'error',
        file: app.file,
        message: `Application ${appName} has neither spec.source nor spec.sources`,
      });
      continue;
    }
    const charts: Array<ServiceChart & { namespace?: string }> = [];
    const paths: string[] = [];
    let deploysSomething = false;
    for (const source of sources) {
      const chart = str(source.chart);
      const path = str(source.path);
      const url = str(source.repoURL);
      if (chart) {
        charts.push({
          name: chart,
          version: str(source.targetRevision),
          repoUrl: url,
        });
      } else if (path) {
        paths.push(path);
        const folder = repoPath(path);
        if (!index.isDirectory(folder)) {
          const own = !url || ownUrls.has(normaliseRepoUrl(url));
          problems.push({
            severity: own ? 'error' : 'warning',
            file: app.file,
            message: own
              ? `Application ${appName} points at path '${path}', which is not in the repository`
              : `Application ${appName} reads '${path}' from another repository (${url}); its charts are not listed`,
          });
          continue;
        }
        deploysSomething = true;
        const chartFile = index.has(repoPath(folder, 'Chart.yaml'))
          ? index.documents.get(repoPath(folder, 'Chart.yaml'))?.[0]
          : undefined;
        if (isRecord(chartFile) && str(chartFile.name)) {
          charts.push({
            name: str(chartFile.name)!,
            version: str(chartFile.version),
          });
          continue;
        }
        const build = buildKustomization(index, folder, problems);
        for (const c of build.helmCharts) {
          charts.push({
            name: c.name,
            version: c.version,
            repoUrl: c.repo,
            namespace: c.namespace,
          });
        }
      }
      // A source with only `ref:` carries values for the others.
    }
    if (charts.length === 0 && !deploysSomething) continue;
    const destination = isRecord(app.spec.destination)
      ? app.spec.destination
      : {};
    const valueFiles = sources.flatMap(s =>
      isRecord(s.helm) && Array.isArray(s.helm.valueFiles)
        ? s.helm.valueFiles.map(String)
        : [],
    );
    const environment =
      app.metadata.labels?.[SRC_ENVIRONMENT_LABEL] ??
      appOfAppsFolders.get(posix.dirname(app.file)) ??
      [...paths, ...valueFiles].map(environmentFromPath).find(Boolean);
    const object = {
      kind: 'Application' as const,
      namespace: app.metadata.namespace ?? 'argocd',
      name: appName,
    };
    const base = {
      engine: 'argocd' as const,
      environment,
      object,
      file: app.file,
    };
    if (charts.length === 0) {
      services.push({
        ...base,
        name: appName,
        component: app.metadata.labels?.[SRC_COMPONENT_LABEL] ?? appName,
        namespace: str(destination.namespace),
      });
      continue;
    }
    for (const chart of charts) {
      const { namespace, ...chartRef } = chart;
      services.push({
        ...base,
        name: charts.length > 1 ? `${appName}-${chart.name}` : appName,
        component:
          (charts.length === 1
            ? app.metadata.labels?.[SRC_COMPONENT_LABEL]
            : undefined) ??
          componentForChart(chart.name) ??
          chart.name,
        chart: chartRef,
        namespace: str(destination.namespace) ?? namespace,
      });
    }
  }
  return { services, problems };
}
