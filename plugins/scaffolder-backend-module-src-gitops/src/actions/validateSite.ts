import { InputError, NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { readSiteFiles, resolveInWorkspace } from '../workspace/siteWorkspace';
import { validateSiteFiles } from '../validate/validateSiteFiles';
import { formatProblem } from '../validate/validationProblem';
import { examples } from './validateSite.examples';

/** Validates every YAML document of a site repository in the workspace; fails with the list of problems. */
export function createValidateSiteAction() {
  return createTemplateAction({
    id: 'src:site:validate',
    description:
      'Validates a site GitOps repository in the workspace: every object against its upstream schema (Kubernetes, Argo CD, Flux, cert-manager, External Secrets) and every internal reference',
    examples,
    // Read-only, so a dry run validates exactly as a real run does.
    supportsDryRun: true,
    schema: {
      input: {
        targetPath: z =>
          z
            .string()
            .default('site')
            .describe('Workspace folder holding the repository'),
        repositoryUrl: z =>
          z
            .string()
            .optional()
            .describe(
              "The repository's own URL; Application sources with another URL are not resolved in the workspace",
            ),
      },
      output: {
        fileCount: z => z.number().describe('Files checked'),
      },
    },
    async handler(ctx) {
      const targetPath = ctx.input.targetPath ?? 'site';
      const dir = resolveInWorkspace(ctx.workspacePath, targetPath);
      const files = await readSiteFiles(dir).catch(() => {
        throw new NotFoundError(
          `workspace folder '${targetPath}' does not exist`,
        );
      });
      if (files.length === 0) {
        throw new NotFoundError(
          `workspace folder '${targetPath}' has no files`,
        );
      }
      ctx.logger.info(`Validating ${files.length} files in ${targetPath}/`);
      const problems = await validateSiteFiles(files, {
        repositoryUrl: ctx.input.repositoryUrl,
      });
      if (problems.length > 0) {
        const lines = problems.map(formatProblem);
        lines.forEach(line => ctx.logger.error(line));
        throw new InputError(
          `The site repository is not valid and was not published (${
            problems.length
          } problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
        );
      }
      ctx.logger.info(`All ${files.length} files are valid`);
      ctx.output('fileCount', files.length);
    },
  });
}
