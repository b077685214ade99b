import { GitOpsResource } from '@srcnet/plugin-src-gitops-common';
import {
  ClusterView,
  EntityGitOpsResponse,
  FleetResponse,
  StateCounts,
} from '../api/SrcGitopsApi';

export const baseUrl = 'http://backstage.test/api/src-gitops';

const counts = (total: number, degraded = 0): StateCounts => ({
  total,
  health: {
    healthy: total - degraded,
    progressing: 0,
    degraded,
    suspended: 0,
    missing: 0,
    unknown: 0,
  },
  sync: { synced: total, 'out-of-sync': 0, unknown: 0 },
});

export function resource(overrides: Partial<GitOpsResource>): GitOpsResource {
  return {
    id: `chsrc-prod/argocd/Application/argocd/${overrides.name ?? 'vault'}`,
    engine: 'argocd',
    kind: 'Application',
    apiVersion: 'argoproj.io/v1alpha1',
    cluster: 'chsrc-prod',
    site: 'chsrc-main',
    namespace: 'argocd',
    name: 'vault',
    labels: {},
    health: 'healthy',
    sync: 'synced',
    suspended: false,
    conditions: [],
    history: [],
    lastSyncedAt: new Date(Date.now() - 120_000).toISOString(),
    appliedRevision: '0123456789abcdef0123456789abcdef01234567',
    source: {
      repoUrl: 'https://gitlab.com/ska-telescope/src/chsrc-gitops.git',
    },
    chart: { name: 'vault', version: '0.34.1' },
    ...overrides,
  };
}

export function cluster(
  name: string,
  overrides: Partial<ClusterView> = {},
): ClusterView {
  return {
    name,
    site: 'chsrc-main',
    reachability: 'reachable',
    engines: ['argocd'],
    observedAt: new Date().toISOString(),
    counts: counts(2),
    ...overrides,
  };
}

export const entityAnswer: EntityGitOpsResponse = {
  entityRef: 'system:default/chsrc-main',
  matched: true,
  items: [
    resource({ name: 'vault' }),
    resource({
      name: 'traefik',
      health: 'degraded',
      message: 'Deployment has exceeded its progress deadline',
      id: 'chsrc-prod/argocd/Application/argocd/traefik',
    }),
    resource({
      name: 'cert-manager',
      cluster: 'chsrc-dev',
      id: 'chsrc-dev/argocd/Application/argocd/cert-manager',
    }),
  ],
  clusters: [cluster('chsrc-prod'), cluster('chsrc-dev')],
  problems: [],
};

export const fleetAnswer: FleetResponse = {
  simulated: true,
  generatedAt: new Date().toISOString(),
  problems: [
    {
      cluster: 'uksrc-ral-prod',
      site: 'uksrc-ral-prod',
      reachability: 'unreachable',
      error: 'connection refused',
      since: new Date().toISOString(),
    },
  ],
  sites: [
    {
      site: 'chsrc-main',
      node: 'CHSRC',
      clusters: [cluster('chsrc-prod')],
      counts: {
        ...counts(3, 1),
        sync: { synced: 2, 'out-of-sync': 1, unknown: 0 },
      },
      worst: {
        id: 'x',
        name: 'traefik',
        kind: 'Application',
        cluster: 'chsrc-prod',
        health: 'degraded',
      },
      components: {
        vault: {
          health: 'healthy',
          sync: 'synced',
          version: '0.34.1',
          cluster: 'chsrc-prod',
          suspended: false,
        },
        traefik: {
          health: 'degraded',
          sync: 'synced',
          version: '37.0.0',
          cluster: 'chsrc-prod',
          suspended: false,
        },
      },
    },
    {
      site: 'uksrc-ral-prod',
      node: 'UKSRC',
      clusters: [
        cluster('uksrc-ral-prod', {
          site: 'uksrc-ral-prod',
          reachability: 'unreachable',
          lastError: 'connection refused',
          engines: ['flux'],
        }),
      ],
      counts: counts(1),
      components: {
        vault: {
          health: 'healthy',
          sync: 'synced',
          version: '0.30.0',
          cluster: 'uksrc-ral-prod',
          suspended: false,
        },
      },
    },
  ],
};
