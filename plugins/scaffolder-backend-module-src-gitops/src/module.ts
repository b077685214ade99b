import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createRenderSiteAction } from './actions/renderSite';
import { createValidateSiteAction } from './actions/validateSite';
import { createPlanLocalRemoteAction } from './actions/planLocalRemote';
import { createPublishLocalAction } from './actions/publishLocal';
import { createRegisterLocalAction } from './actions/registerLocal';
import { LocalGitRemotes } from './publish/localGitRemotes';

/**
 * Scaffolder actions for SRC sites: render and validate a site GitOps repository, and publish
 * it to a local git remote for the embedded default.
 */
export const scaffolderModuleSrcGitops = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'src-gitops',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, config, catalog }) {
        const remotes = LocalGitRemotes.fromConfig(config);
        const defaultAuthor = {
          name:
            config.getOptionalString('scaffolder.defaultAuthor.name') ??
            'Scaffolder',
          email:
            config.getOptionalString('scaffolder.defaultAuthor.email') ??
            'scaffolder@backstage.io',
        };
        scaffolder.addActions(
          createRenderSiteAction(),
          createValidateSiteAction(),
          createPlanLocalRemoteAction({ remotes }),
          createPublishLocalAction({ remotes, defaultAuthor }),
          createRegisterLocalAction({ remotes, catalog }),
        );
      },
    });
  },
});
