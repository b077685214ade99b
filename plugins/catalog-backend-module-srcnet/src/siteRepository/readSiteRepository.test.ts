import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  DEFAULT_READ_LIMITS,
  readLocalGitRepository,
} from './readSiteRepository';

const git = (args: string[], cwd: string) =>
  execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.org',
    },
  })
    .toString()
    .trim();

describe('readLocalGitRepository', () => {
  const dir = createMockDirectory();

  function repository(files: Record<string, string>) {
    dir.clear();
    dir.setContent(files);
    const root = dir.resolve('');
    git(['init', '-q', '-b', 'main'], root);
    git(['add', '-A'], root);
    git(['commit', '-qm', 'site'], root);
    return root;
  }

  it('reads the manifests at HEAD, not the working tree, and answers not-modified for the same commit', async () => {
    const root = repository({
      'clusters/prod/apps.yaml': 'kind: Kustomization\n',
      'apps/Kustomization': 'resources: []\n',
      'README.md': '# not read',
    });
    fs.writeFileSync(path.join(root, 'uncommitted.yaml'), 'kind: X\n');
    const read = await readLocalGitRepository(`file://${root}`, [root]);
    expect(read.status).toBe('read');
    if (read.status !== 'read') return;
    expect(read.files.map(f => f.path).sort()).toEqual([
      'apps/Kustomization',
      'clusters/prod/apps.yaml',
    ]);
    expect(read.files.find(f => f.path === 'apps/Kustomization')?.content).toBe(
      'resources: []\n',
    );
    expect(read.etag).toBe(git(['rev-parse', 'HEAD'], root));
    expect(await readLocalGitRepository(root, [root], read.etag)).toEqual({
      status: 'not-modified',
      etag: read.etag,
    });
  });

  it('skips files over the per-file limit and refuses a repository over the total', async () => {
    const root = repository({
      'small.yaml': 'a: 1\n',
      'big.yaml': `a: "${'x'.repeat(200)}"\n`,
    });
    const read = await readLocalGitRepository(root, [root], undefined, {
      ...DEFAULT_READ_LIMITS,
      maxFileBytes: 100,
    });
    expect(read).toMatchObject({ status: 'read', skipped: ['big.yaml'] });
    await expect(
      readLocalGitRepository(root, [root], undefined, {
        ...DEFAULT_READ_LIMITS,
        maxTotalBytes: 100,
      }),
    ).rejects.toThrow(/has more than 100 bytes of manifests/);
    await expect(
      readLocalGitRepository(root, [root], undefined, {
        ...DEFAULT_READ_LIMITS,
        maxFiles: 1,
      }),
    ).rejects.toThrow(/has 2 manifest files; at most 1 are read/);
  });

  it('refuses relative paths and folders outside the allowed roots, and names a folder that is no repository', async () => {
    const root = repository({ 'a.yaml': 'a: 1\n' });
    await expect(readLocalGitRepository('site.git', [root])).rejects.toThrow(
      /must be an absolute path or file: URL/,
    );
    await expect(
      readLocalGitRepository(root, [path.join(root, 'elsewhere')]),
    ).rejects.toThrow(/outside the allowed folders/);
    const notARepository = fs.mkdtempSync(
      path.join(os.tmpdir(), 'not-a-repo-'),
    );
    try {
      await expect(
        readLocalGitRepository(notARepository, [notARepository]),
      ).rejects.toThrow(/git rev-parse failed: .*not a git repository/i);
    } finally {
      fs.rmSync(notARepository, { recursive: true, force: true });
    }
  });
});
