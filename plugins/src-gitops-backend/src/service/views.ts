import {
  ClusterProblem,
  ClusterView,
  FleetComponentState,
  FleetResponse,
  FleetSite,
  GITOPS_HEALTH_STATES,
  StateCounts,
  GITOPS_SYNC_STATES,
  GitOpsHealth,
  GitOpsResource,
  GitOpsSync,
  PlatformServiceListResponse,
  SRC_ENVIRONMENT_LABEL,
  componentForChart,
} from '@srcnet/plugin-src-gitops-common';
import { ClusterSnapshot } from '../cluster/ClusterWatcher';

const HEALTH_RANK: Record<GitOpsHealth, number> = {
  degraded: 5,
  missing: 4,
  progressing: 3,
  unknown: 2,
  suspended: 1,
  healthy: 0,
};

export function countStates(resources: GitOpsResource[]): StateCounts {
  const health = Object.fromEntries(
    GITOPS_HEALTH_STATES.map(h => [h, 0]),
  ) as Record<GitOpsHealth, number>;
  const sync = Object.fromEntries(
    GITOPS_SYNC_STATES.map(s => [s, 0]),
  ) as Record<GitOpsSync, number>;
  for (const r of resources) {
    health[r.health] += 1;
    sync[r.sync] += 1;
  }
  return { total: resources.length, health, sync };
}

/** The worst resource (degraded before missing before progressing ...), for "what is broken". */
export function worstResource(
  resources: GitOpsResource[],
): GitOpsResource | undefined {
  return resources.reduce<GitOpsResource | undefined>(
    (worst, r) =>
      !worst || HEALTH_RANK[r.health] > HEALTH_RANK[worst.health] ? r : worst,
    undefined,
  );
}

export function clusterView(
  snapshot: ClusterSnapshot,
  resources = snapshot.resources,
): ClusterView {
  return {
    name: snapshot.cluster,
    site: snapshot.site,
    reachability: snapshot.reachability,
    engines: snapshot.engines,
    observedAt: snapshot.observedAt,
    lastError: snapshot.lastError,
    failingSince: snapshot.failingSince,
    ...(snapshot.simulated ? { simulated: true } : {}),
    counts: countStates(resources),
  };
}

export function problemsOf(snapshots: ClusterSnapshot[]): ClusterProblem[] {
  return snapshots
    .filter(s => s.lastError || s.reachability === 'pending')
    .map(s => ({
      cluster: s.cluster,
      site: s.site,
      reachability: s.reachability,
      error: s.lastError ?? 'not read yet',
      since: s.failingSince,
    }));
}

/** Every site with its clusters, counts, worst resource and problems. Pure. */
export function fleetView(snapshots: ClusterSnapshot[]): FleetResponse {
  const sites = new Map<string, ClusterSnapshot[]>();
  for (const s of snapshots)
    sites.set(s.site, [...(sites.get(s.site) ?? []), s]);
  return {
    sites: [...sites.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([site, clusters]): FleetSite => {
        const resources = clusters.flatMap(c => c.resources);
        const worst = worstResource(resources);
        return {
          site,
          node: clusters.find(c => c.node)?.node,
          clusters: clusters.map(c => clusterView(c)),
          counts: countStates(resources),
          worst:
            worst && worst.health !== 'healthy'
              ? {
                  id: worst.id,
                  name: worst.name,
                  kind: worst.kind,
                  cluster: worst.cluster,
                  health: worst.health,
                  message: worst.message,
                }
              : undefined,
          components: componentVersions(resources),
        };
      }),
    problems: problemsOf(snapshots),
    simulated: snapshots.some(s => s.simulated),
    generatedAt: new Date().toISOString(),
  };
}

/** Deployed chart versions by component, for the fleet matrix. */
function componentVersions(
  resources: GitOpsResource[],
): Record<string, FleetComponentState> {
  const result: Record<string, FleetComponentState> = {};
  for (const r of resources) {
    if (!r.component || (r.kind !== 'Application' && r.kind !== 'HelmRelease'))
      continue;
    const current = result[r.component];
    if (!current || HEALTH_RANK[r.health] > HEALTH_RANK[current.health]) {
      result[r.component] = {
        health: r.health,
        sync: r.sync,
        version: r.chart?.version,
        cluster: r.cluster,
        suspended: r.suspended,
      };
    }
  }
  return result;
}

/** One site's clusters and resources; `undefined` when no cluster belongs to it. */
export function siteView(site: string, snapshots: ClusterSnapshot[]) {
  const clusters = snapshots.filter(s => s.site === site);
  if (clusters.length === 0) return undefined;
  const resources = clusters.flatMap(c => c.resources);
  return {
    site,
    clusters: clusters.map(c => clusterView(c)),
    items: resources,
    counts: countStates(resources),
    problems: problemsOf(clusters),
  };
}

/**
 * Every Application and HelmRelease of every cluster as a platform service, with the last known
 * state of clusters that do not answer now. Pure.
 */
export function servicesView(
  snapshots: ClusterSnapshot[],
): PlatformServiceListResponse {
  const items = snapshots.flatMap(s =>
    s.resources
      .filter(r => r.kind === 'Application' || r.kind === 'HelmRelease')
      .map(r => ({
        site: s.site,
        node: s.node,
        cluster: s.cluster,
        engine: r.engine,
        kind: r.kind,
        namespace: r.namespace,
        name: r.name,
        component:
          r.component ??
          (r.chart ? componentForChart(r.chart.name) : undefined) ??
          r.chart?.name ??
          r.name,
        chart: r.chart?.name,
        version: r.chart?.version,
        environment: r.labels[SRC_ENVIRONMENT_LABEL],
        health: r.health,
        sync: r.sync,
        suspended: r.suspended,
        message: r.message,
        reachability: s.reachability,
        observedAt: s.observedAt,
      })),
  );
  return {
    items,
    problems: problemsOf(snapshots),
    generatedAt: new Date().toISOString(),
  };
}
