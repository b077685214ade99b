import { execFile, spawn } from 'child_process';
import { isAbsolute, relative, resolve } from 'path';
import { fileURLToPath } from 'url';
import { promisify } from 'util';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { InputError, NotModifiedError } from '@backstage/errors';
import { RepoFile } from './types';

const run = promisify(execFile);

/** Files the reader needs: manifests, kustomization files and chart metadata. */
export function isManifestPath(path: string): boolean {
  return /\.ya?ml$/i.test(path) || /(^|\/)Kustomization$/.test(path);
}

/** What one read may take: a site repository's manifests are far smaller than this. */
export type ReadLimits = {
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
};

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFiles: 20_000,
  maxFileBytes: 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
};

function assertWithinLimits(
  target: string,
  files: number,
  bytes: number,
  limits: ReadLimits,
) {
  if (files > limits.maxFiles) {
    throw new InputError(
      `site repository '${target}' has ${files} manifest files; at most ${limits.maxFiles} are read`,
    );
  }
  if (bytes > limits.maxTotalBytes) {
    throw new InputError(
      `site repository '${target}' has more than ${limits.maxTotalBytes} bytes of manifests; is the target a site's GitOps repository?`,
    );
  }
}

/** A repository read: its files and a tag that changes when its content does. */
export type RepositoryRead =
  | { status: 'read'; files: RepoFile[]; etag: string; skipped: string[] }
  | { status: 'not-modified'; etag: string };

async function git(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run('git', args, {
      cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`git ${args[0]} failed: ${(e.stderr || e.message).trim()}`);
  }
}

/** Reads many blobs through one `git cat-file --batch` process. */
function catFiles(cwd: string, ids: string[]): Promise<Buffer[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', code => {
      if (code !== 0) {
        reject(new Error(`git cat-file failed with exit code ${code}`));
        return;
      }
      const out = Buffer.concat(chunks);
      const blobs: Buffer[] = [];
      let offset = 0;
      for (let i = 0; i < ids.length; i++) {
        const headerEnd = out.indexOf(10, offset);
        const header = out.subarray(offset, headerEnd).toString();
        const size = Number(header.split(' ')[2]);
        if (!Number.isFinite(size)) {
          reject(new Error(`git cat-file: unexpected answer '${header}'`));
          return;
        }
        blobs.push(out.subarray(headerEnd + 1, headerEnd + 1 + size));
        offset = headerEnd + 1 + size + 1;
      }
      resolvePromise(blobs);
    });
    child.stdin.end(`${ids.join('\n')}\n`);
  });
}

/**
 * Reads a local git repository (bare, as the embedded default publishes, or a working copy) at
 * HEAD, without a checkout. Only folders under `allowedRoots` are read.
 */
export async function readLocalGitRepository(
  target: string,
  allowedRoots: string[],
  etag?: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<RepositoryRead> {
  const path = target.startsWith('file:') ? fileURLToPath(target) : target;
  if (!isAbsolute(path)) {
    throw new InputError(
      `local site repository '${target}' must be an absolute path or file: URL`,
    );
  }
  const allowed = allowedRoots.some(root => {
    const rel = relative(resolve(root), resolve(path));
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
  if (!allowed) {
    throw new InputError(
      `local site repository '${target}' is outside the allowed folders (srcGitops.localGitRemotes.directory)`,
    );
  }
  const head = (await git(['rev-parse', 'HEAD'], path)).trim();
  if (etag && etag === head) return { status: 'not-modified', etag: head };
  const listing = await git(['ls-tree', '-r', '-z', '-l', 'HEAD'], path);
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .map(line => {
      const [meta, file] = line.split('\t');
      const [, type, id, size] = meta.split(/\s+/);
      return { type, id, size: Number(size), file };
    })
    .filter(e => e.type === 'blob' && isManifestPath(e.file));
  const skipped = entries
    .filter(e => e.size > limits.maxFileBytes)
    .map(e => e.file);
  const wanted = entries.filter(e => e.size <= limits.maxFileBytes);
  assertWithinLimits(
    target,
    entries.length,
    wanted.reduce((n, e) => n + e.size, 0),
    limits,
  );
  const blobs =
    wanted.length > 0
      ? await catFiles(
          path,
          wanted.map(e => e.id),
        )
      : [];
  return {
    status: 'read',
    etag: head,
    skipped,
    files: wanted.map((e, i) => ({
      path: e.file,
      content: blobs[i].toString('utf8'),
    })),
  };
}

/** Reads a repository through Backstage's UrlReader (GitLab, GitHub, ... integrations). */
export async function readUrlRepository(
  reader: UrlReaderService,
  target: string,
  etag?: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<RepositoryRead> {
  try {
    const tree = await reader.readTree(target, {
      etag,
      filter: path => isManifestPath(path),
    });
    const files = await tree.files();
    const skipped: string[] = [];
    const read: RepoFile[] = [];
    let bytes = 0;
    for (const f of files) {
      const content = await f.content();
      if (content.length > limits.maxFileBytes) {
        skipped.push(f.path);
        continue;
      }
      bytes += content.length;
      assertWithinLimits(target, files.length, bytes, limits);
      read.push({ path: f.path, content: content.toString('utf8') });
    }
    return { status: 'read', files: read, etag: tree.etag, skipped };
  } catch (error) {
    if (
      error instanceof NotModifiedError ||
      (error as Error).name === 'NotModifiedError'
    ) {
      return { status: 'not-modified', etag: etag ?? '' };
    }
    throw error;
  }
}

export function isLocalTarget(target: string): boolean {
  return target.startsWith('file:') || target.startsWith('/');
}
