import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { SiteCapabilitiesClient } from './SiteCapabilitiesClient';
import { SrcNetSiteCapabilitiesProvider } from './SrcNetSiteCapabilitiesProvider';
import {
  SITE_REPOSITORY_LOCATION_TYPE,
  SrcNetSiteRepositoryProcessor,
} from './SrcNetSiteRepositoryProcessor';

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
        locations: catalogLocationsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        reader: coreServices.urlReader,
      },
      async init({ catalog, locations, config, logger, scheduler, reader }) {
        // Site repositories are Locations of our own type. The embedded default also publishes
        // new sites to local git remotes and registers their catalog-info.yaml as `file`
        // locations: allowed only while srcGitops.localGitRemotes is configured (never in
        // production config).
        const localRemotes = config.has('srcGitops.localGitRemotes.directory');
        locations.setAllowedLocationTypes([
          'url',
          SITE_REPOSITORY_LOCATION_TYPE,
          ...(localRemotes ? ['file'] : []),
        ]);
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
