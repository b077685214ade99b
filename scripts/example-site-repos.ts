/**
 * Publishes the example site repositories of the embedded default (CHSRC's Argo CD layout,
 * UKSRC's and ESPSRC's Flux layouts) as local git remotes, where examples/site-repositories.yaml
 * points. Run by scripts/start.sh; replaces what a previous run published.
 *
 * Run: node -r @backstage/cli/config/nodeTransform.cjs scripts/example-site-repos.ts <directory>
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  RepoFile,
  chsrcRepository,
  espsrcRepository,
  uksrcRepository,
} from '@srcnet/plugin-catalog-backend-module-srcnet';

const REPOSITORIES: Record<string, RepoFile[]> = {
  'chsrc-gitops': chsrcRepository(),
  'uksrc-gitops': uksrcRepository(),
  'espsrc-gitops': espsrcRepository(),
};

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'SRC GitOps examples',
  GIT_AUTHOR_EMAIL: 'src-gitops@localhost',
  GIT_COMMITTER_NAME: 'SRC GitOps examples',
  GIT_COMMITTER_EMAIL: 'src-gitops@localhost',
};

function git(args: string[], cwd: string) {
  execFileSync('git', args, { cwd, env: gitEnv, stdio: 'pipe' });
}

function publish(directory: string, name: string, files: RepoFile[]) {
  const bare = path.join(directory, `${name}.git`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  try {
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(work, f.path)), { recursive: true });
      fs.writeFileSync(path.join(work, f.path), f.content);
    }
    git(['init', '-q', '-b', 'main'], work);
    git(['add', '-A'], work);
    git(['commit', '-qm', `example ${name}`], work);
    fs.rmSync(bare, { recursive: true, force: true });
    fs.mkdirSync(bare, { recursive: true });
    git(['init', '-q', '--bare', '-b', 'main'], bare);
    git(['push', '-q', bare, 'main'], work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return bare;
}

const directory = path.resolve(process.argv[2] ?? '.data/git-remotes/examples');
fs.mkdirSync(directory, { recursive: true });
for (const [name, files] of Object.entries(REPOSITORIES)) {
  const bare = publish(directory, name, files);
  console.log(
    `published example site repository ${bare} (${files.length} files)`,
  );
}
