import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityDeletePermission } from '@backstage/plugin-catalog-common/alpha';
import { srcGitopsResourceOperatePermission } from '@srcnet/plugin-src-gitops-common';

/**
 * The SRC policy: everyone signed in reads; operating GitOps objects (sync, reconcile,
 * suspend) and unregistering entities is for the entity's owners, or for members of the
 * configured operator groups on every entity.
 */
export class SrcPermissionPolicy implements PermissionPolicy {
  constructor(private readonly operatorGroups: string[]) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const guarded =
      isPermission(request.permission, srcGitopsResourceOperatePermission) ||
      isPermission(request.permission, catalogEntityDeletePermission);
    if (!guarded) {
      return { result: AuthorizeResult.ALLOW };
    }
    const claims = user?.info.ownershipEntityRefs ?? [];
    if (claims.some(ref => this.operatorGroups.includes(ref))) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    return createCatalogConditionalDecision(
      request.permission as typeof srcGitopsResourceOperatePermission,
      catalogConditions.isEntityOwner({ claims }),
    );
  }
}

export const srcPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'src-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(
          new SrcPermissionPolicy(
            config.getOptionalStringArray('srcGitops.operatorGroups') ?? [],
          ),
        );
      },
    });
  },
});
