import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { LocalGitRemotes } from '../publish/localGitRemotes';
import { resolveInWorkspace } from '../workspace/siteWorkspace';

/** Commits the workspace folder and pushes it to a new bare repository on the local git remote. */
export function createPublishLocalAction(options: {
  remotes: LocalGitRemotes;
  defaultAuthor: { name: string; email: string };
}) {
  const { remotes, defaultAuthor } = options;
  return createTemplateAction({
    id: 'src:site:publish-local',
    description:
      'Publishes a workspace folder as a new repository on the local git remote (bare repositories under srcGitops.localGitRemotes.directory) with a real git push',
    examples: [
      {
        description: 'Publish the rendered site repository',
        example: [
          'steps:',
          '  - id: publish',
          '    action: src:site:publish-local',
          '    name: Publish to the local git remote',
          '    input:',
          '      repoName: chsrc-main',
          '      sourcePath: site',
          '      branch: main',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z.string().describe('Repository name, usually the site name'),
        sourcePath: z =>
          z.string().default('site').describe('Workspace folder to publish'),
        branch: z => z.string().default('main').describe('Branch to push'),
        commitMessage: z =>
          z
            .string()
            .default('Initial site repository')
            .describe('Message of the first commit'),
      },
      output: {
        remoteUrl: z =>
          z.string().describe('file:// URL of the bare repository'),
        repoContentsUrl: z =>
          z.string().describe('file:// URL of a clone of the pushed branch'),
        catalogInfoPath: z =>
          z
            .string()
            .describe(
              'Absolute path of the pushed catalog-info.yaml, for registration',
            ),
        commitHash: z => z.string().describe('The pushed commit'),
      },
    },
    async handler(ctx) {
      const branch = ctx.input.branch ?? 'main';
      const sourceDir = resolveInWorkspace(
        ctx.workspacePath,
        ctx.input.sourcePath ?? 'site',
      );
      if (ctx.isDryRun) {
        const repo = remotes.repository(ctx.input.repoName);
        ctx.logger.info(`Dry run: would push ${branch} to ${repo.remoteUrl}`);
        ctx.output('remoteUrl', repo.remoteUrl);
        ctx.output('repoContentsUrl', `file://${repo.checkoutPath}`);
        ctx.output('catalogInfoPath', `${repo.checkoutPath}/catalog-info.yaml`);
        ctx.output('commitHash', '0000000000000000000000000000000000000000');
        return;
      }
      const published = await ctx.checkpoint({
        key: `src.publish-local.${ctx.input.repoName}`,
        fn: async () => {
          const result = await remotes.publish({
            name: ctx.input.repoName,
            sourceDir,
            branch,
            commitMessage: ctx.input.commitMessage ?? 'Initial site repository',
            author: defaultAuthor,
            logger: ctx.logger,
          });
          return {
            remoteUrl: result.remoteUrl,
            checkoutPath: result.checkoutPath,
            commitHash: result.commitHash,
          };
        },
      });
      ctx.logger.info(
        `Pushed ${published.commitHash.slice(0, 8)} to ${published.remoteUrl}`,
      );
      ctx.output('remoteUrl', published.remoteUrl);
      ctx.output('repoContentsUrl', `file://${published.checkoutPath}`);
      ctx.output(
        'catalogInfoPath',
        `${published.checkoutPath}/catalog-info.yaml`,
      );
      ctx.output('commitHash', published.commitHash);
    },
  });
}
