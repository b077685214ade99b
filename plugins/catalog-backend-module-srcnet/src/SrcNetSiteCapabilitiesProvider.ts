import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
} from '@backstage/catalog-model';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { SiteCapabilitiesClient } from './SiteCapabilitiesClient';
import { parseNodes } from './siteCapabilities';
import { srcNetEntities } from './siteEntities';

const PROVIDER = 'srcnet-site-capabilities';

/**
 * Emits SRCNet's nodes, sites, compute, storage and services from the Site Capabilities API
 * on a schedule, as full mutations so removed sites disappear. A dead, slow or malformed API
 * leaves the last good entities in place and logs why.
 */
export class SrcNetSiteCapabilitiesProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    private readonly client: SiteCapabilitiesClient,
    private readonly logger: LoggerService,
    private readonly taskRunner?: SchedulerServiceTaskRunner,
  ) {}

  getProviderName(): string {
    return PROVIDER;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.taskRunner?.run({
      id: `${PROVIDER}:refresh`,
      fn: async () => {
        await this.refresh();
      },
    });
  }

  /** One read of the API; resolves with the number of entities applied, or undefined if kept. */
  async refresh(): Promise<number | undefined> {
    if (!this.connection) throw new Error(`${PROVIDER} is not connected`);
    const logger = this.logger.child({ task: `${PROVIDER}:refresh` });
    let snapshot;
    try {
      snapshot = parseNodes(await this.client.getNodes());
    } catch (error) {
      logger.error(
        `Could not read the SRCNet Site Capabilities API; keeping the last good entities: ${
          (error as Error).message
        }`,
      );
      return undefined;
    }
    for (const problem of snapshot.problems)
      logger.warn(`Left out of the catalog: ${problem}`);
    const location = `url:site-capabilities:${PROVIDER}`;
    const entities = srcNetEntities(snapshot.nodes).map(entity => ({
      locationKey: PROVIDER,
      entity: {
        ...entity,
        metadata: {
          ...entity.metadata,
          annotations: {
            ...entity.metadata.annotations,
            [ANNOTATION_LOCATION]: location,
            [ANNOTATION_ORIGIN_LOCATION]: location,
          },
        },
      },
    }));
    await this.connection.applyMutation({ type: 'full', entities });
    logger.info(
      `Applied ${entities.length} entities from ${snapshot.nodes.length} SRCNet nodes`,
    );
    return entities.length;
  }
}
