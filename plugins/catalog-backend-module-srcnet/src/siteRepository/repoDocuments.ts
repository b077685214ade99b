import { posix } from 'path';
import { parseAllDocuments } from 'yaml';
import { RepoFile, RepoProblem } from './types';

/** A Kubernetes-style object found in a repository file. */
export type KubeDocument = {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  spec: Record<string, unknown>;
  raw: Record<string, unknown>;
};

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** Normalises a path relative to the repository root: no `./`, no leading or trailing `/`. */
export function repoPath(...segments: string[]): string {
  const joined = posix.normalize(posix.join(...segments));
  return joined.replace(/^\.\/?/, '').replace(/^\/+|\/+$/g, '');
}

/**
 * The files of a repository, indexed for lookup by path and by folder, with every YAML document
 * parsed once. Syntax errors become problems naming the file.
 */
export class RepoIndex {
  readonly files = new Map<string, string>();
  readonly documents = new Map<string, unknown[]>();
  readonly problems: RepoProblem[] = [];

  constructor(files: RepoFile[]) {
    for (const f of files) this.files.set(repoPath(f.path), f.content);
    for (const [path, content] of this.files) {
      if (!isYamlPath(path)) continue;
      const docs = parseAllDocuments(content);
      const values: unknown[] = [];
      // parseAllDocuments returns an EmptyStream (not an array) for an empty file.
      for (const [i, doc] of (Array.isArray(docs) ? docs : []).entries()) {
        if (doc.errors.length > 0) {
          this.problems.push({
            severity: 'error',
            file: path,
            message: `YAML syntax error in document ${i + 1}: ${
              doc.errors[0].message.split('\n')[0]
            }`,
          });
          continue;
        }
        values.push(doc.toJS());
      }
      this.documents.set(path, values);
    }
  }

  has(path: string): boolean {
    return this.files.has(repoPath(path));
  }

  /** Whether any file lives under the folder. */
  isDirectory(dir: string): boolean {
    const prefix = `${repoPath(dir)}/`;
    if (prefix === '/') return this.files.size > 0;
    for (const path of this.files.keys())
      if (path.startsWith(prefix)) return true;
    return false;
  }

  /** YAML files under a folder, recursively, in path order. */
  yamlFilesUnder(dir: string): string[] {
    const root = repoPath(dir);
    const prefix = root ? `${root}/` : '';
    return [...this.documents.keys()].filter(p => p.startsWith(prefix)).sort();
  }

  private readonly objectsByFile = new Map<string, KubeDocument[]>();

  /**
   * The Kubernetes objects of one file (documents without `kind` are left out), derived once:
   * the readers look files up many times, and nothing mutates what they get.
   */
  objects(path: string): KubeDocument[] {
    const file = repoPath(path);
    let objects = this.objectsByFile.get(file);
    if (!objects) {
      objects = (this.documents.get(file) ?? []).flatMap(value =>
        toKubeDocument(file, value),
      );
      this.objectsByFile.set(file, objects);
    }
    return objects;
  }

  /** Every Kubernetes object of every YAML file. */
  allObjects(): KubeDocument[] {
    return [...this.documents.keys()].sort().flatMap(p => this.objects(p));
  }
}

export function toKubeDocument(file: string, value: unknown): KubeDocument[] {
  if (!isRecord(value)) return [];
  const kind = str(value.kind);
  const apiVersion = str(value.apiVersion);
  if (!kind || !apiVersion) return [];
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  return [
    {
      file,
      apiVersion,
      kind,
      metadata: {
        name: str(metadata.name),
        namespace: str(metadata.namespace),
        labels: isRecord(metadata.labels)
          ? (metadata.labels as Record<string, string>)
          : undefined,
      },
      spec: isRecord(value.spec) ? value.spec : {},
      raw: value,
    },
  ];
}

/** `apiVersion` group, e.g. `argoproj.io` for `argoproj.io/v1alpha1`. */
export function apiGroup(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}
