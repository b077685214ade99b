import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { SiteCapabilitiesClient } from './SiteCapabilitiesClient';
import { SrcNetSiteCapabilitiesProvider } from './SrcNetSiteCapabilitiesProvider';
import { SrcNetSiteRepositoryProcessor } from './SrcNetSiteRepositoryProcessor';

/**
 * Adds the site repository processor (reads `srcnet-site-repo` Locations) and, when
 * `catalog.providers.srcnetSiteCapabilities` is set, the SRCNet Site Capabilities provider.
 */
export const catalogModuleSrcNet = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'srcnet',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        reader: coreServices.urlReader,
      },
      async init({ catalog, config, logger, scheduler, reader }) {
        catalog.addProcessor(
          SrcNetSiteRepositoryProcessor.fromConfig(config, { reader, logger }),
        );
        const providerConfig = config.getOptionalConfig(
          'catalog.providers.srcnetSiteCapabilities',
        );
        if (!providerConfig) return;
        const schedule = providerConfig.has('schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              providerConfig.getConfig('schedule'),
            )
          : { frequency: { minutes: 30 }, timeout: { minutes: 2 } };
        catalog.addEntityProvider(
          new SrcNetSiteCapabilitiesProvider(
            SiteCapabilitiesClient.fromConfig(providerConfig),
            logger,
            scheduler.createScheduledTaskRunner(schedule),
          ),
        );
      },
    });
  },
});
