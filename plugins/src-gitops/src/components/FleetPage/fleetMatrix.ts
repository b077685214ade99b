import {
  COMPONENT_CATALOGUE,
  ComponentId,
  GitOpsHealth,
  isComponentId,
} from '@srcnet/plugin-src-gitops-common';
import { FleetSite } from '../../api/SrcGitopsApi';

/** What a fleet cell shows: an explicit state, never a blank. */
export type CellState = GitOpsHealth | 'not-deployed' | 'unreachable' | 'stale';

export type FleetCell = {
  state: CellState;
  version?: string;
  /** Why the version is highlighted: it is not the catalogue's pin, or not what most sites run. */
  versionNote?: string;
};

/**
 * The columns: the component catalogue's platform services seen in the fleet, and Argo CD itself
 * where sites deploy it; a site's own applications belong on its page, not in the matrix.
 */
export function matrixColumns(sites: FleetSite[]): string[] {
  const seen = new Set(sites.flatMap(s => Object.keys(s.components)));
  const catalogue = Object.keys(COMPONENT_CATALOGUE).filter(id => seen.has(id));
  return seen.has('argo-cd') ? [...catalogue, 'argo-cd'] : catalogue;
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function stripV(version: string): string {
  return version.replace(/^v/, '');
}

/** The cell of one site and component. Pure. */
export function fleetCell(
  site: FleetSite,
  component: string,
  sites: FleetSite[],
): FleetCell {
  const deployed = site.components[component];
  const reachable = site.clusters.some(c => c.reachability === 'reachable');
  const failing = site.clusters.some(c => c.lastError);
  if (!deployed) {
    return { state: reachable ? 'not-deployed' : 'unreachable' };
  }
  const pinned = isComponentId(component)
    ? COMPONENT_CATALOGUE[component as ComponentId].chart.version
    : undefined;
  const common = mostCommon(
    sites
      .map(s => s.components[component]?.version)
      .filter((v): v is string => Boolean(v)),
  );
  let versionNote: string | undefined;
  if (
    deployed.version &&
    pinned &&
    stripV(deployed.version) !== stripV(pinned)
  ) {
    versionNote = `differs from the catalogue's pinned ${pinned}`;
  } else if (deployed.version && common && deployed.version !== common) {
    versionNote = `differs from most sites (${common})`;
  }
  return {
    state: failing ? 'stale' : deployed.health,
    version: deployed.version,
    versionNote,
  };
}

/** A site's problem in one word, for the reachability column. */
export function siteReachability(site: FleetSite): string {
  const bad = site.clusters.filter(c => c.reachability !== 'reachable');
  if (bad.length === 0) return 'reachable';
  return bad.map(c => `${c.name}: ${c.reachability}`).join(', ');
}
