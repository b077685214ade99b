import fs from 'fs/promises';
import { posix, resolve, relative, sep, dirname } from 'path';
import { NotAllowedError } from '@backstage/errors';
import { SiteFile } from '../render/siteFiles';

/**
 * Resolves a path inside the scaffolder workspace and refuses anything outside it
 * (`../`, absolute paths), so template input can never write elsewhere on the host.
 */
export function resolveInWorkspace(
  workspacePath: string,
  target: string,
): string {
  const resolved = resolve(workspacePath, target);
  const rel = relative(workspacePath, resolved);
  if (rel.startsWith('..') || resolve(rel) === rel) {
    throw new NotAllowedError(`path '${target}' is outside the workspace`);
  }
  return resolved;
}

/** Whether a folder exists and has any entry. */
export async function isNonEmptyDir(path: string): Promise<boolean> {
  try {
    return (await fs.readdir(path)).length > 0;
  } catch {
    return false;
  }
}

/**
 * Writes a rendered repository into a new folder atomically: the files go to a sibling
 * staging folder that is renamed into place, so a failure never leaves a partial tree.
 */
export async function writeSiteFiles(
  targetDir: string,
  files: SiteFile[],
): Promise<void> {
  const staging = `${targetDir}.partial-${process.pid}-${Date.now()}`;
  try {
    for (const file of files) {
      const path = resolve(staging, ...file.path.split(posix.sep));
      await fs.mkdir(dirname(path), { recursive: true });
      await fs.writeFile(path, file.content, 'utf8');
    }
    await fs.rm(targetDir, { recursive: true, force: true });
    await fs.mkdir(dirname(targetDir), { recursive: true });
    await fs.rename(staging, targetDir);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Reads every file below a folder (skipping `.git`), paths relative with `/`. */
export async function readSiteFiles(dir: string): Promise<SiteFile[]> {
  const entries = await fs.readdir(dir, {
    recursive: true,
    withFileTypes: true,
  });
  const files: SiteFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = resolve(entry.parentPath, entry.name);
    const path = relative(dir, full).split(sep).join('/');
    if (path === '.git' || path.startsWith('.git/')) continue;
    files.push({ path, content: await fs.readFile(full, 'utf8') });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
