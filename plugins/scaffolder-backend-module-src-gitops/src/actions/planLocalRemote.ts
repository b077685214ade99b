import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { LocalGitRemotes } from '../publish/localGitRemotes';

/**
 * Reserves the URL of a local git remote before anything is rendered, so the site's
 * Applications and Kustomizations point at the repository they will be pushed to, and an
 * existing repository is refused before any work is done.
 */
export function createPlanLocalRemoteAction(options: {
  remotes: LocalGitRemotes;
}) {
  const { remotes } = options;
  return createTemplateAction({
    id: 'src:local-remote:plan',
    description:
      'Gives the URL a site repository will have on the local git remote, and fails if that repository already exists',
    examples: [
      {
        description: 'Plan the local remote of a new site',
        example: [
          'steps:',
          '  - id: remote',
          '    action: src:local-remote:plan',
          '    name: Plan the local git remote',
          '    input:',
          '      repoName: chsrc-main',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z.string().describe('Repository name, usually the site name'),
      },
      output: {
        remoteUrl: z =>
          z.string().describe('file:// URL of the bare repository'),
      },
    },
    async handler(ctx) {
      const repo = await remotes.assertAbsent(ctx.input.repoName);
      ctx.logger.info(
        `The site repository will be pushed to ${repo.remoteUrl}`,
      );
      ctx.output('remoteUrl', repo.remoteUrl);
    },
  });
}
