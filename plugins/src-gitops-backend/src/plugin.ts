import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { srcGitopsPermissions } from '@srcnet/plugin-src-gitops-common';
import { createRouter } from './router';
import { readClusterConfigs } from './config/clusterConfig';

/**
 * The src-gitops backend plugin: reads Argo CD and Flux state from the configured clusters on
 * the frontend's behalf, holding the credentials.
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
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        httpRouter,
        httpAuth,
        logger,
        config,
        permissionsRegistry,
      }) {
        const clusters = readClusterConfigs(config);
        permissionsRegistry.addPermissions(srcGitopsPermissions);
        logger.info(
          `Configured ${clusters.length} cluster(s): ${
            clusters.map(c => c.name).join(', ') || 'none'
          }`,
        );
        httpRouter.use(await createRouter({ httpAuth, clusters }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
