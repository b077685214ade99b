import {
  COMPONENT_CATALOGUE,
  COMPONENT_IDS,
  GITOPS_ENGINE_CATALOGUE,
  isComponentId,
} from './componentCatalogue';
import { semver } from '../site/validators';

describe('component catalogue', () => {
  it('has one entry per id, keyed by its own id', () => {
    expect(Object.keys(COMPONENT_CATALOGUE).sort()).toEqual(
      [...COMPONENT_IDS].sort(),
    );
    for (const id of COMPONENT_IDS) {
      expect(COMPONENT_CATALOGUE[id].id).toBe(id);
    }
  });

  it('pins every chart to a semantic version from an https repository', () => {
    const version = semver('pinned version');
    const charts = [
      ...Object.values(COMPONENT_CATALOGUE).map(e => e.chart),
      GITOPS_ENGINE_CATALOGUE.argocd.chart!,
    ];
    for (const chart of charts) {
      expect(version.safeParse(chart.version).success).toBe(true);
      expect(chart.repoUrl).toMatch(/^https:\/\//);
    }
    expect(
      version.safeParse(GITOPS_ENGINE_CATALOGUE.flux.version).success,
    ).toBe(true);
  });

  it('names only known components as dependencies and conflicts, symmetrically', () => {
    for (const entry of Object.values(COMPONENT_CATALOGUE)) {
      for (const requirement of entry.requires) {
        requirement.anyOf.forEach(dep => expect(isComponentId(dep)).toBe(true));
      }
      for (const other of entry.conflictsWith) {
        expect(COMPONENT_CATALOGUE[other].conflictsWith).toContain(entry.id);
      }
    }
  });

  it('carries the seed toolset and Traefik as the alternative ingress', () => {
    expect(COMPONENT_CATALOGUE['cert-manager'].defaultValues).toEqual(
      expect.objectContaining({
        crds: expect.objectContaining({ enabled: true }),
      }),
    );
    expect(COMPONENT_CATALOGUE['ingress-nginx'].notice).toMatch(/retired/);
    expect(COMPONENT_CATALOGUE.traefik.conflictsWith).toEqual([
      'ingress-nginx',
    ]);
  });
});
