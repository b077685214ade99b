import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';

/**
 * The embedded default publishes new sites to local git remotes and registers their
 * catalog-info.yaml as `file` locations, which the catalog refuses by default. Allowed only
 * while `srcGitops.localGitRemotes.directory` is configured (it is not in production config).
 */
export const catalogModuleLocalSiteLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'src-local-site-locations',
  register(reg) {
    reg.registerInit({
      deps: {
        locations: catalogLocationsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ locations, config, logger }) {
        if (config.has('srcGitops.localGitRemotes.directory')) {
          locations.setAllowedLocationTypes(['url', 'file']);
          logger.info(
            'Allowing file locations for sites published to local git remotes',
          );
        }
      },
    });
  },
});
