import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { srcGitopsPermissions } from '@srcnet/plugin-src-gitops-common';
import { createRouter } from './router';
import { readClusterConfigs } from './config/clusterConfig';
import { FleetState } from './service/FleetState';
import { readWatchTimings } from './config/watchTimings';

/**
 * The src-gitops backend plugin: keeps the Argo CD and Flux state of every configured cluster
 * current (list and watch), serves it from memory, and performs permission-guarded actions.
 */
export const srcGitopsPlugin = createBackendPlugin({
  pluginId: 'src-gitops',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
      },
      async init({
        httpRouter,
        httpAuth,
        logger,
        config,
        permissions,
        permissionsRegistry,
        auditor,
        lifecycle,
        catalog,
      }) {
        const clusters = readClusterConfigs(config);
        permissionsRegistry.addPermissions(srcGitopsPermissions);
        const fleet = new FleetState(clusters, logger, {
          simulated: config.getOptionalBoolean('srcGitops.simulated') ?? false,
          timings: readWatchTimings(config),
        });
        fleet.start();
        lifecycle.addShutdownHook(() => fleet.stop());
        logger.info(
          `Watching ${clusters.length} cluster(s): ${
            clusters.map(c => c.name).join(', ') || 'none'
          }`,
        );
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            auditor,
            catalog,
            fleet,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
