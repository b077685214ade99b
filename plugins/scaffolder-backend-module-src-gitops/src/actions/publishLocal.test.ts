import fs from 'fs';
import { execFileSync } from 'child_process';
import { ConflictError } from '@backstage/errors';
import { createRenderSiteAction } from './renderSite';
import { createPublishLocalAction } from './publishLocal';
import { createPlanLocalRemoteAction } from './planLocalRemote';
import { argoCdSiteSpec } from './renderSite.examples';
import {
  actionContext,
  createMockDirectory,
} from '../__testUtils__/actionContext';
import { LocalGitRemotes } from '../publish/localGitRemotes';

function gitOut(args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8' });
}

describe('src:site:publish-local and src:local-remote:plan', () => {
  const dir = createMockDirectory();
  const author = { name: 'Test', email: 'test@example.org' };

  beforeEach(() => dir.clear());

  function setup() {
    const remotes = new LocalGitRemotes(dir.resolve('remotes'));
    return {
      remotes,
      publish: createPublishLocalAction({ remotes, defaultAuthor: author }),
      plan: createPlanLocalRemoteAction({ remotes }),
    };
  }

  async function renderInto(workspacePath: string) {
    await createRenderSiteAction().handler(
      actionContext(
        createRenderSiteAction(),
        { spec: argoCdSiteSpec },
        { workspacePath },
      ),
    );
  }

  it('pushes the rendered tree to a new bare repository with a real git push', async () => {
    const { publish, remotes } = setup();
    const workspacePath = dir.resolve('ws');
    await renderInto(workspacePath);
    const ctx = actionContext(
      publish,
      { repoName: 'chsrc-main', sourcePath: 'site', branch: 'main' },
      { workspacePath },
    );
    await publish.handler(ctx);

    const bare = remotes.repository('chsrc-main').remotePath;
    const pushed = gitOut([
      '--git-dir',
      bare,
      'ls-tree',
      '-r',
      '--name-only',
      'main',
    ])
      .trim()
      .split('\n');
    const rendered = (
      fs.readdirSync(`${workspacePath}/site`, { recursive: true }) as string[]
    )
      .filter(p => fs.statSync(`${workspacePath}/site/${p}`).isFile())
      .sort();
    expect(pushed.sort()).toEqual(rendered);
    expect(
      gitOut([
        '--git-dir',
        bare,
        'log',
        '--format=%an <%ae>|%s',
        'main',
      ]).trim(),
    ).toBe('Test <test@example.org>|Initial site repository');
    const checkout = remotes.repository('chsrc-main').checkoutPath;
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoPath',
      `${checkout}/catalog-info.yaml`,
    );
    expect(fs.readFileSync(`${checkout}/catalog-info.yaml`, 'utf8')).toContain(
      'name: chsrc-main',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'remoteUrl',
      expect.stringMatching(/^file:\/\/.*chsrc-main\.git$/),
    );
  });

  it('does nothing on a dry run but answers with believable outputs', async () => {
    const { publish, remotes } = setup();
    const workspacePath = dir.resolve('ws');
    await renderInto(workspacePath);
    const ctx = actionContext(
      publish,
      { repoName: 'chsrc-main' },
      { workspacePath, isDryRun: true },
    );
    await publish.handler(ctx);
    expect(fs.existsSync(remotes.directory)).toBe(false);
    expect(ctx.output).toHaveBeenCalledWith(
      'remoteUrl',
      remotes.repository('chsrc-main').remoteUrl,
    );
  });

  it('refuses an existing target repository, before and at publishing, and keeps it intact', async () => {
    const { publish, plan, remotes } = setup();
    const workspacePath = dir.resolve('ws');
    await renderInto(workspacePath);
    await publish.handler(
      actionContext(publish, { repoName: 'chsrc-main' }, { workspacePath }),
    );
    const before = gitOut([
      '--git-dir',
      remotes.repository('chsrc-main').remotePath,
      'rev-parse',
      'main',
    ]);

    await expect(
      plan.handler(
        actionContext(plan, { repoName: 'chsrc-main' }, { workspacePath }),
      ),
    ).rejects.toThrow(/repository 'chsrc-main' already exists/);
    await expect(
      publish.handler(
        actionContext(publish, { repoName: 'chsrc-main' }, { workspacePath }),
      ),
    ).rejects.toThrow(ConflictError);
    expect(
      gitOut([
        '--git-dir',
        remotes.repository('chsrc-main').remotePath,
        'rev-parse',
        'main',
      ]),
    ).toBe(before);
  });

  it('leaves no half-published repository when the push cannot complete', async () => {
    const { publish, remotes } = setup();
    const ctx = actionContext(
      publish,
      { repoName: 'chsrc-main', sourcePath: 'missing' },
      { workspacePath: dir.resolve('ws') },
    );
    await expect(publish.handler(ctx)).rejects.toThrow();
    expect(fs.existsSync(remotes.repository('chsrc-main').remotePath)).toBe(
      false,
    );
    expect(fs.existsSync(remotes.repository('chsrc-main').checkoutPath)).toBe(
      false,
    );
  });

  it('plans the remote URL of a new repository', async () => {
    const { plan, remotes } = setup();
    const ctx = actionContext(
      plan,
      { repoName: 'uksrc-ral-prod' },
      { workspacePath: dir.resolve('ws') },
    );
    await plan.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'remoteUrl',
      remotes.repository('uksrc-ral-prod').remoteUrl,
    );
  });

  it('refuses repository names that could escape the remote folder', async () => {
    const { plan } = setup();
    await expect(
      plan.handler(
        actionContext(
          plan,
          { repoName: '../etc' },
          { workspacePath: dir.resolve('ws') },
        ),
      ),
    ).rejects.toThrow(
      "repository name must be lower-case letters, digits, '.', '_' and '-', got '../etc'",
    );
  });
});
