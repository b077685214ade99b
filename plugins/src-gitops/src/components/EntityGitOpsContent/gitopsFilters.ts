import { GitOpsHealth, GitOpsResource } from '@srcnet/plugin-src-gitops-common';

export type GitOpsFilters = {
  engine: 'all' | 'argocd' | 'flux';
  health: 'all' | GitOpsHealth;
  cluster: 'all' | string;
  sort: 'health' | 'name' | 'lastSync';
};

export const DEFAULT_FILTERS: GitOpsFilters = {
  engine: 'all',
  health: 'all',
  cluster: 'all',
  sort: 'health',
};

const HEALTH_ORDER: Record<GitOpsHealth, number> = {
  degraded: 0,
  missing: 1,
  progressing: 2,
  unknown: 3,
  suspended: 4,
  healthy: 5,
};

/** Filters and sorts the resources; worst first by default. Pure. */
export function applyFilters(
  resources: GitOpsResource[],
  filters: GitOpsFilters,
): GitOpsResource[] {
  return resources
    .filter(r => filters.engine === 'all' || r.engine === filters.engine)
    .filter(r => filters.health === 'all' || r.health === filters.health)
    .filter(r => filters.cluster === 'all' || r.cluster === filters.cluster)
    .sort((a, b) => {
      if (filters.sort === 'name') return a.name.localeCompare(b.name);
      if (filters.sort === 'lastSync')
        return (b.lastSyncedAt ?? '').localeCompare(a.lastSyncedAt ?? '');
      return (
        HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health] ||
        a.name.localeCompare(b.name)
      );
    });
}
