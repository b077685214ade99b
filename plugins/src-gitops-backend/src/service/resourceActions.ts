import { InputError } from '@backstage/errors';
import { GitOpsResource } from '@srcnet/plugin-src-gitops-common';

export const RESOURCE_ACTIONS = [
  'sync',
  'refresh',
  'reconcile',
  'suspend',
  'resume',
] as const;
export type ResourceAction = (typeof RESOURCE_ACTIONS)[number];

/** The audit event id of each action. */
export const AUDIT_EVENT_IDS: Record<ResourceAction, string> = {
  sync: 'resource-sync',
  refresh: 'resource-refresh',
  reconcile: 'resource-reconcile',
  suspend: 'resource-suspend',
  resume: 'resource-resume',
};

/**
 * The JSON merge patch that asks the engine to act on one object, as the engines' own CLIs do:
 * Argo CD reads `operation` (sync) and the refresh annotation; Flux reads
 * `reconcile.fluxcd.io/requestedAt` and `spec.suspend`. Pure.
 */
export function actionPatch(
  action: ResourceAction,
  resource: GitOpsResource,
  options: { user: string; now: Date },
): Record<string, unknown> {
  if (resource.engine === 'argocd') {
    if (resource.kind !== 'Application')
      throw new InputError(
        `${action} applies to Argo CD Applications, not ${resource.kind}`,
      );
    switch (action) {
      case 'sync':
        return {
          operation: {
            initiatedBy: { username: options.user },
            info: [
              {
                name: 'Reason',
                value: 'Sync requested from Backstage (src-gitops)',
              },
            ],
            sync: { syncStrategy: { hook: {} } },
          },
        };
      case 'refresh':
        return {
          metadata: { annotations: { 'argocd.argoproj.io/refresh': 'normal' } },
        };
      default:
        throw new InputError(
          `'${action}' is a Flux action; Argo CD Applications take sync or refresh`,
        );
    }
  }
  switch (action) {
    case 'reconcile':
      return {
        metadata: {
          annotations: {
            'reconcile.fluxcd.io/requestedAt': options.now.toISOString(),
          },
        },
      };
    case 'suspend':
      return { spec: { suspend: true } };
    case 'resume':
      // Resuming also requests a reconcile, as `flux resume` does.
      return {
        spec: { suspend: null },
        metadata: {
          annotations: {
            'reconcile.fluxcd.io/requestedAt': options.now.toISOString(),
          },
        },
      };
    default:
      throw new InputError(
        `'${action}' is an Argo CD action; Flux objects take reconcile, suspend or resume`,
      );
  }
}
