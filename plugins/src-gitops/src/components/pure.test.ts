import {
  applyFilters,
  DEFAULT_FILTERS,
} from './EntityGitOpsContent/gitopsFilters';
import { fleetCell, matrixColumns } from './FleetPage/fleetMatrix';
import { commitUrl, relativeTime, shortRevision } from './time';
import { isGitOpsAvailable } from '../conditions';
import { actionsFor } from './EntityGitOpsContent/ResourceActions';
import { fleetAnswer, resource } from './testData';

describe('pure helpers', () => {
  it('sorts worst first and filters by engine, health and cluster', () => {
    const items = [
      resource({ name: 'a' }),
      resource({ name: 'b', health: 'degraded' }),
      resource({
        name: 'c',
        engine: 'flux',
        kind: 'HelmRelease',
        cluster: 'x',
      }),
    ];
    expect(applyFilters(items, DEFAULT_FILTERS).map(r => r.name)).toEqual([
      'b',
      'a',
      'c',
    ]);
    expect(
      applyFilters(items, { ...DEFAULT_FILTERS, engine: 'flux' }).map(
        r => r.name,
      ),
    ).toEqual(['c']);
    expect(
      applyFilters(items, {
        ...DEFAULT_FILTERS,
        cluster: 'chsrc-prod',
        sort: 'name',
      }).map(r => r.name),
    ).toEqual(['a', 'b']);
  });

  it('builds the fleet matrix with explicit states and version notes', () => {
    expect(matrixColumns(fleetAnswer.sites)).toEqual(['traefik', 'vault']);
    const [ch, uk] = fleetAnswer.sites;
    expect(fleetCell(ch, 'vault', fleetAnswer.sites)).toEqual({
      state: 'healthy',
      version: '0.34.1',
      versionNote: undefined,
    });
    expect(fleetCell(uk, 'traefik', fleetAnswer.sites)).toEqual({
      state: 'unreachable',
    });
    expect(fleetCell(uk, 'vault', fleetAnswer.sites).state).toBe('stale');
  });

  it('formats revisions, commit links and ages', () => {
    expect(
      shortRevision('main@sha1:0123456789abcdef0123456789abcdef01234567'),
    ).toBe('main@0123456');
    expect(shortRevision('0.34.1')).toBe('0.34.1');
    expect(
      commitUrl(
        'https://github.com/org/repo.git',
        'abcdefabcdefabcdefabcdefabcdefabcdefabcd',
      ),
    ).toBe(
      'https://github.com/org/repo/commit/abcdefabcdefabcdefabcdefabcdefabcdefabcd',
    );
    expect(
      commitUrl('file:///x.git', 'abcdefabcdefabcdefabcdefabcdefabcdefabcd'),
    ).toBeUndefined();
    expect(
      relativeTime('2026-11-24T10:00:00Z', new Date('2026-11-24T10:05:00Z')),
    ).toBe('5 min ago');
    expect(relativeTime(undefined)).toBe('never');
  });

  it('shows the tab only on entities with GitOps annotations', () => {
    expect(
      isGitOpsAvailable({
        apiVersion: 'v1',
        kind: 'System',
        metadata: { name: 'x', annotations: { 'srcnet.skao.int/site': 'x' } },
      }),
    ).toBe(true);
    expect(
      isGitOpsAvailable({
        apiVersion: 'v1',
        kind: 'Component',
        metadata: { name: 'x', annotations: { 'argocd/app-name': 'x' } },
      }),
    ).toBe(true);
    expect(
      isGitOpsAvailable({
        apiVersion: 'v1',
        kind: 'Component',
        metadata: { name: 'x' },
      }),
    ).toBe(false);
  });

  it('offers each engine its own actions', () => {
    expect(actionsFor(resource({}))).toEqual(['sync', 'refresh']);
    expect(
      actionsFor(
        resource({ engine: 'flux', kind: 'HelmRelease', suspended: true }),
      ),
    ).toEqual(['reconcile', 'resume']);
    expect(
      actionsFor(resource({ engine: 'flux', kind: 'GitRepository' })),
    ).toEqual(['reconcile']);
  });
});
