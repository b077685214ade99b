import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { SrcGitopsServiceCollatorFactory } from './SrcGitopsServiceCollatorFactory';

/** Live state changes often; the index follows every two minutes unless configured. */
const DEFAULT_SCHEDULE = {
  frequency: { minutes: 2 },
  timeout: { minutes: 1 },
  initialDelay: { seconds: 10 },
};

/** Indexes every SRC site's platform services with their live Argo CD and Flux state. */
export const searchModuleSrcGitopsServices = createBackendModule({
  pluginId: 'search',
  moduleId: 'src-gitops-services',
  register(reg) {
    reg.registerInit({
      deps: {
        indexRegistry: searchIndexRegistryExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init({ indexRegistry, config, scheduler, ...deps }) {
        const key = 'search.collators.srcGitopsServices.schedule';
        const schedule = config.has(key)
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              config.getConfig(key),
            )
          : DEFAULT_SCHEDULE;
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule),
          factory: new SrcGitopsServiceCollatorFactory(deps),
        });
      },
    });
  },
});
