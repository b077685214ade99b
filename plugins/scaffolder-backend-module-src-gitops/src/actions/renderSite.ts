import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  SiteSpecValidationError,
  parseSiteSpec,
} from '@srcnet/plugin-src-gitops-common';
import { renderSite } from '../render/renderSite';
import {
  isNonEmptyDir,
  resolveInWorkspace,
  writeSiteFiles,
} from '../workspace/siteWorkspace';
import { examples } from './renderSite.examples';

/** Validates the spec, renders the site repository and writes it into the workspace. */
export function createRenderSiteAction() {
  return createTemplateAction({
    id: 'src:site:render',
    description:
      "Renders an SRC site's GitOps repository (Argo CD app of apps or Flux Kustomizations) from a site spec",
    examples,
    // The rendered tree is the preview the template editor shows, so a dry run renders too:
    // it writes only into the dry run's own throw-away workspace.
    supportsDryRun: true,
    schema: {
      input: {
        // Typed loosely on purpose: the site model's own schema checks the spec afterwards and
        // names each bad field in words a person understands.
        spec: z =>
          z
            .object({
              node: z.string().describe('SRCNet node, e.g. CHSRC or UKSRC'),
              site: z
                .string()
                .describe('Site name (DNS-1123), e.g. chsrc-main'),
              title: z
                .string()
                .optional()
                .describe('Display title of the site'),
              description: z
                .string()
                .optional()
                .describe('Description of the site'),
              owner: z
                .string()
                .describe("Owning group, e.g. 'group:default/chsrc-platform'"),
              environments: z
                .array(z.record(z.string(), z.unknown()))
                .describe('One {name, cluster, baseDomain} per environment'),
              acmeEmail: z.string().describe("Let's Encrypt contact e-mail"),
              engine: z.string().describe("GitOps engine: 'argocd' or 'flux'"),
              repository: z
                .record(z.string(), z.unknown())
                .describe('The site repository: {url, branch}'),
              components: z
                .record(z.string(), z.unknown())
                .describe(
                  'Selected components by catalogue id, each with enabled, options and an optional version override',
                ),
            })
            .describe(
              'The site spec (SiteSpec in @srcnet/plugin-src-gitops-common)',
            ),
        targetPath: z =>
          z
            .string()
            .default('site')
            .describe(
              'Workspace folder to render into; must not exist or be empty',
            ),
      },
      output: {
        files: z => z.array(z.string()).describe('Paths of the files written'),
        entityRefs: z =>
          z
            .array(z.string())
            .describe('Catalog entities the repository declares'),
        siteEntityRef: z => z.string().describe("The site's System entity"),
        targetPath: z => z.string().describe('Workspace folder rendered into'),
      },
    },
    async handler(ctx) {
      let spec;
      try {
        spec = parseSiteSpec(ctx.input.spec);
      } catch (error) {
        if (error instanceof SiteSpecValidationError) {
          ctx.logger.error(error.message);
          throw new InputError(error.message);
        }
        throw error;
      }
      const targetPath = ctx.input.targetPath ?? 'site';
      const target = resolveInWorkspace(ctx.workspacePath, targetPath);
      if (await isNonEmptyDir(target)) {
        throw new ConflictError(
          `workspace folder '${targetPath}' already has files; render into an empty folder`,
        );
      }
      ctx.logger.info(
        `Rendering site ${spec.site} (${spec.node}) for ${spec.engine} with ${spec.environments.length} environment(s)`,
      );
      const rendered = renderSite(spec);
      await writeSiteFiles(target, rendered.files);
      ctx.logger.info(`Wrote ${rendered.files.length} files to ${targetPath}/`);
      ctx.output(
        'files',
        rendered.files.map(f => f.path),
      );
      ctx.output('entityRefs', rendered.entityRefs);
      ctx.output('siteEntityRef', rendered.entityRefs[0]);
      ctx.output('targetPath', targetPath);
    },
  });
}
