import { Readable } from 'stream';
import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  PlatformServiceListResponse,
  SRC_COMPONENT_ANNOTATION,
  SRC_SITE_ANNOTATION,
} from '@srcnet/plugin-src-gitops-common';
import {
  SRC_GITOPS_SERVICE_DOCUMENT_TYPE,
  platformServiceDocuments,
} from './serviceDocuments';

/**
 * Collates the platform services of every SRC site with their live state: the src-gitops
 * backend's `/services` joined with the catalog's platform-service Components.
 */
export class SrcGitopsServiceCollatorFactory
  implements DocumentCollatorFactory
{
  readonly type = SRC_GITOPS_SERVICE_DOCUMENT_TYPE;

  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      catalog: CatalogService;
      logger: LoggerService;
    },
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents() {
    const { logger } = this.deps;
    const [live, entities] = await Promise.all([
      this.liveServices(),
      this.platformServiceEntities(),
    ]);
    for (const problem of live.problems) {
      logger.warn(
        `indexing last known state of cluster ${problem.cluster} (${problem.site}): ${problem.error}`,
      );
    }
    const documents = platformServiceDocuments(live.items, entities);
    logger.info(
      `indexed ${documents.length} platform services (${live.items.length} live, ${entities.length} catalog entities)`,
    );
    yield* documents;
  }

  private async liveServices(): Promise<PlatformServiceListResponse> {
    const { discovery, auth } = this.deps;
    const baseUrl = await discovery.getBaseUrl('src-gitops');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'src-gitops',
    });
    const response = await fetch(`${baseUrl}/services`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as PlatformServiceListResponse;
  }

  private async platformServiceEntities() {
    const { catalog, auth } = this.deps;
    const { items } = await catalog.getEntities(
      {
        filter: {
          kind: 'Component',
          [`metadata.annotations.${SRC_SITE_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
          [`metadata.annotations.${SRC_COMPONENT_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    return items;
  }
}
