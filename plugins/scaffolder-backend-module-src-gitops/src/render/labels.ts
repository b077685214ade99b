import {
  SRC_COMPONENT_LABEL,
  SRC_ENVIRONMENT_LABEL,
  SRC_SITE_LABEL,
} from '@srcnet/plugin-src-gitops-common';

/** Labels every GitOps object of a site carries, so the live-state backend can match entities. */
export function siteLabels(
  site: string,
  scope: { environment?: string; component?: string } = {},
): Record<string, string> {
  return {
    [SRC_SITE_LABEL]: site,
    ...(scope.environment
      ? { [SRC_ENVIRONMENT_LABEL]: scope.environment }
      : {}),
    ...(scope.component ? { [SRC_COMPONENT_LABEL]: scope.component } : {}),
    'app.kubernetes.io/managed-by': 'src-gitops',
  };
}
