import { parse as parseYaml } from 'yaml';
import {
  KubeDocument,
  RepoIndex,
  isRecord,
  repoPath,
  str,
  toKubeDocument,
} from './repoDocuments';
import { RepoProblem } from './types';

/** A chart Kustomize inflates (`helmCharts:` in a kustomization file). */
export type HelmChartInflation = {
  name: string;
  repo?: string;
  version?: string;
  releaseName?: string;
  namespace?: string;
  file: string;
};

/** What a folder builds to, as far as a reader without Kustomize and Helm can tell. */
export type KustomizeBuild = {
  objects: KubeDocument[];
  helmCharts: HelmChartInflation[];
};

const KUSTOMIZATION_FILES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];
const CLUSTER_SCOPED =
  /^(Namespace|Cluster\w*|CustomResourceDefinition|StorageClass|PriorityClass)$/;

/** The object moved to a namespace, in its parsed and raw forms alike. */
export function withNamespace(
  o: KubeDocument,
  namespace: string,
): KubeDocument {
  const metadata = isRecord(o.raw.metadata) ? o.raw.metadata : {};
  return {
    ...o,
    metadata: { ...o.metadata, namespace },
    raw: { ...o.raw, metadata: { ...metadata, namespace } },
  };
}

function isRemote(entry: string): boolean {
  return (
    /^(https?:|git@|ssh:|git::|github\.com\/)/.test(entry) ||
    entry.includes('?ref=')
  );
}

export function kustomizationFile(
  index: RepoIndex,
  dir: string,
): string | undefined {
  return KUSTOMIZATION_FILES.map(f => repoPath(dir, f)).find(p => index.has(p));
}

function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isRecord(base) || !isRecord(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    out[key] = value === null ? undefined : deepMerge(base[key], value);
  }
  return out;
}

function applyJsonPatch(target: unknown, ops: unknown[]): unknown {
  const copy = structuredClone(target);
  for (const op of ops) {
    if (!isRecord(op) || typeof op.path !== 'string') continue;
    const segments = op.path
      .split('/')
      .slice(1)
      .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = segments.pop();
    let node: unknown = copy;
    for (const s of segments) {
      if (!isRecord(node) && !Array.isArray(node)) break;
      node = (node as Record<string, unknown>)[s];
    }
    if (last === undefined || (!isRecord(node) && !Array.isArray(node)))
      continue;
    const container = node as Record<string, unknown>;
    if (op.op === 'remove') delete container[last];
    else if (op.op === 'add' || op.op === 'replace') {
      if (Array.isArray(node) && last === '-') node.push(op.value);
      else container[last] = op.value;
    }
  }
  return copy;
}

type PatchTarget = { kind?: string; name?: string; namespace?: string };

function matches(doc: KubeDocument, target: PatchTarget): boolean {
  return (
    (!target.kind || target.kind === doc.kind) &&
    (!target.name || target.name === doc.metadata.name) &&
    (!target.namespace || target.namespace === doc.metadata.namespace)
  );
}

/** Strategic merge patches as deep merges, JSON 6902 patches for add/replace/remove. */
function applyPatch(
  objects: KubeDocument[],
  patch: unknown,
  target: PatchTarget | undefined,
): KubeDocument[] {
  if (Array.isArray(patch)) {
    if (!target) return objects;
    return objects.map(o =>
      matches(o, target)
        ? toKubeDocument(o.file, applyJsonPatch(o.raw, patch))[0] ?? o
        : o,
    );
  }
  if (!isRecord(patch)) return objects;
  const own = toKubeDocument('', patch)[0];
  const effective: PatchTarget = target ?? {
    kind: own?.kind,
    name: own?.metadata.name,
  };
  return objects.map(o => {
    if (!matches(o, effective)) return o;
    const { metadata, ...rest } = patch;
    // A patch never renames the object it patches.
    const merged = deepMerge(o.raw, {
      ...rest,
      ...(isRecord(metadata)
        ? {
            metadata: {
              ...metadata,
              name: o.metadata.name,
              namespace: o.metadata.namespace,
            },
          }
        : {}),
    });
    return toKubeDocument(o.file, merged)[0] ?? o;
  });
}

function readTarget(value: unknown): PatchTarget | undefined {
  if (!isRecord(value)) return undefined;
  return {
    kind: str(value.kind),
    name: str(value.name),
    namespace: str(value.namespace),
  };
}

/**
 * Builds a folder the way Kustomize (and Flux, for a folder without a kustomization file) would,
 * as far as needed to find the objects and charts: resources, components, namespace, patches and
 * `helmCharts`. Missing local resources are errors; remote ones are skipped with a warning.
 */
export function buildKustomization(
  index: RepoIndex,
  dir: string,
  problems: RepoProblem[],
  visiting: Set<string> = new Set(),
): KustomizeBuild {
  const folder = repoPath(dir);
  if (visiting.has(folder)) {
    problems.push({
      severity: 'error',
      file: folder,
      message: `kustomization cycle through '${folder}'`,
    });
    return { objects: [], helmCharts: [] };
  }
  const file = kustomizationFile(index, folder);
  if (!file) {
    // Flux generates a kustomization of every manifest under the folder.
    return {
      objects: index.yamlFilesUnder(folder).flatMap(p => index.objects(p)),
      helmCharts: [],
    };
  }
  const inner = new Set(visiting).add(folder);
  const k = (index.documents.get(file) ?? [])[0];
  const spec = isRecord(k) ? k : {};
  let objects: KubeDocument[] = [];
  const helmCharts: HelmChartInflation[] = [];
  const entries = ['resources', 'bases', 'components'].flatMap(key =>
    Array.isArray(spec[key]) ? (spec[key] as unknown[]) : [],
  );
  for (const entry of entries) {
    const name = str(entry);
    if (!name) continue;
    if (isRemote(name)) {
      problems.push({
        severity: 'warning',
        file,
        message: `remote resource '${name}' is not read`,
      });
      continue;
    }
    const path = repoPath(folder, name);
    if (index.has(path)) {
      objects.push(...index.objects(path));
    } else if (index.isDirectory(path)) {
      const child = buildKustomization(index, path, problems, inner);
      objects.push(...child.objects);
      helmCharts.push(...child.helmCharts);
    } else {
      problems.push({
        severity: 'error',
        file,
        message: `resource '${name}' is not in the repository (looked for ${path})`,
      });
    }
  }
  const namespace = str(spec.namespace);
  for (const chart of Array.isArray(spec.helmCharts) ? spec.helmCharts : []) {
    if (!isRecord(chart) || !str(chart.name)) continue;
    helmCharts.push({
      name: str(chart.name)!,
      repo: str(chart.repo),
      version: str(chart.version),
      releaseName: str(chart.releaseName),
      namespace: str(chart.namespace) ?? namespace,
      file,
    });
  }
  if (namespace) {
    objects = objects.map(o =>
      CLUSTER_SCOPED.test(o.kind) ? o : withNamespace(o, namespace),
    );
  }
  const patches: Array<{ patch: unknown; target?: PatchTarget }> = [];
  const loadPatch = (value: unknown): unknown => {
    const path = str(value);
    if (!path) return undefined;
    const patchFile = repoPath(folder, path);
    if (!index.has(patchFile)) {
      problems.push({
        severity: 'error',
        file,
        message: `patch '${path}' is not in the repository`,
      });
      return undefined;
    }
    return (index.documents.get(patchFile) ?? [])[0];
  };
  const inline = (value: unknown): unknown => {
    const text = str(value);
    if (!text) return undefined;
    try {
      return parseYaml(text);
    } catch (error) {
      problems.push({
        severity: 'error',
        file,
        message: `inline patch is not valid YAML: ${
          (error as Error).message.split('\n')[0]
        }`,
      });
      return undefined;
    }
  };
  for (const p of [
    ...(Array.isArray(spec.patches) ? spec.patches : []),
    ...(Array.isArray(spec.patchesJson6902) ? spec.patchesJson6902 : []),
  ]) {
    if (!isRecord(p)) continue;
    patches.push({
      patch: p.path ? loadPatch(p.path) : inline(p.patch),
      target: readTarget(p.target),
    });
  }
  for (const p of Array.isArray(spec.patchesStrategicMerge)
    ? spec.patchesStrategicMerge
    : []) {
    const text = str(p) ?? '';
    patches.push({
      patch: text.includes('\n') ? inline(text) : loadPatch(text),
    });
  }
  for (const { patch, target } of patches) {
    if (patch !== undefined) objects = applyPatch(objects, patch, target);
  }
  return { objects, helmCharts };
}
