import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { LocalGitRemotes } from '../publish/localGitRemotes';

/**
 * Registers a locally published site's catalog-info.yaml in the catalog as a `file` location.
 * Only paths inside the local git remote folder are accepted.
 */
export function createRegisterLocalAction(options: {
  remotes: LocalGitRemotes;
  catalog: CatalogService;
}) {
  const { remotes, catalog } = options;
  return createTemplateAction({
    id: 'src:site:register-local',
    description:
      'Registers the catalog-info.yaml of a site published to the local git remote in the catalog',
    examples: [
      {
        description: 'Register the site published by src:site:publish-local',
        example: [
          'steps:',
          '  - id: register',
          '    action: src:site:register-local',
          '    name: Register the site in the catalog',
          '    input:',
          "      catalogInfoPath: ${{ steps['publish'].output.catalogInfoPath }}",
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        catalogInfoPath: z =>
          z
            .string()
            .describe(
              'Absolute path of catalog-info.yaml in the local remote folder',
            ),
      },
      output: {
        entityRefs: z =>
          z.array(z.string()).describe('Entities the location produced'),
        locationRef: z => z.string().describe('The registered location'),
      },
    },
    async handler(ctx) {
      const path = ctx.input.catalogInfoPath;
      if (!path.startsWith(`${remotes.directory}/`)) {
        throw new InputError(
          `catalogInfoPath must be inside the local git remote folder ${remotes.directory}, got '${path}'`,
        );
      }
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would register ${path}`);
        ctx.output('entityRefs', []);
        ctx.output('locationRef', `file:${path}`);
        return;
      }
      const credentials = await ctx.getInitiatorCredentials();
      const result = await ctx.checkpoint({
        key: `src.register-local.${path}`,
        fn: async () => {
          const response = await catalog.addLocation(
            { type: 'file', target: path },
            { credentials },
          );
          return {
            locationRef: `${response.location.type}:${response.location.target}`,
            entityRefs: response.entities.map(e => stringifyEntityRef(e)),
          };
        },
      });
      ctx.logger.info(
        `Registered ${result.locationRef} (${result.entityRefs.length} entities)`,
      );
      ctx.output('entityRefs', result.entityRefs);
      ctx.output('locationRef', result.locationRef);
    },
  });
}
