import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Fleet, SimClusterSpec } from '@srcnet/fleet-simulator';
import { srcGitopsPlugin } from '../plugin';

/** Every log line the backend wrote, with its metadata, to prove no secret is ever logged. */
export class LogCapture {
  readonly lines: string[] = [];

  logger(meta: Record<string, unknown> = {}): LoggerService {
    const write = (level: string) => (message: string, extra?: unknown) => {
      this.lines.push(
        `${level} ${message} ${JSON.stringify(meta)} ${
          extra instanceof Error
            ? `${extra.message} ${extra.stack}`
            : JSON.stringify(extra ?? {})
        }`,
      );
    };
    return {
      error: write('error'),
      warn: write('warn'),
      info: write('info'),
      debug: write('debug'),
      child: m => this.logger({ ...meta, ...m }),
    };
  }
}

export function cluster(
  name: string,
  engine: 'argocd' | 'flux',
  overrides: Partial<SimClusterSpec> = {},
): SimClusterSpec {
  return {
    name,
    site: `${name}-site`,
    node: 'UKSRC',
    engine,
    environment: 'prod',
    apiGeneration: 'ga',
    objects: 12,
    scenario: 'healthy',
    ...overrides,
  };
}

/** A backend with only the src-gitops plugin, pointed at a simulated fleet. */
export async function startSimulatedBackend(options: {
  fleet: Fleet;
  entities?: Entity[];
  denyOperate?: boolean;
  readOnly?: string[];
}) {
  const logs = new LogCapture();
  const config = options.fleet.backendConfig({ readOnly: options.readOnly });
  const backend = await startTestBackend({
    features: [
      srcGitopsPlugin,
      mockServices.rootConfig.factory({
        data: {
          srcGitops: {
            ...config.srcGitops,
            clusters: config.srcGitops.clusters.map(c => ({
              ...c,
              timeoutMs: 1500,
            })),
            watch: {
              resyncSeconds: 60,
              idleSeconds: 20,
              backoffInitialMs: 100,
              backoffMaxMs: 500,
            },
          },
        },
      }),
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      createServiceFactory({
        service: coreServices.logger,
        deps: {},
        factory: () => logs.logger(),
      }),
      options.denyOperate
        ? mockServices.permissions.mock({
            authorize: async requests =>
              requests.map(r => ({
                result:
                  r.permission.name === 'src-gitops.resource.operate'
                    ? AuthorizeResult.DENY
                    : AuthorizeResult.ALLOW,
              })) as Array<{
                result: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
              }>,
          }).factory
        : mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    ],
  });
  return { server: backend.server, stop: () => backend.stop(), logs };
}

export { eventually } from '@srcnet/fleet-simulator';
