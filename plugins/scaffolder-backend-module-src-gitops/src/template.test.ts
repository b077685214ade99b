import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import {
  COMPONENT_CATALOGUE,
  COMPONENT_IDS,
  EXTERNAL_DNS_PROVIDERS,
  GITOPS_ENGINE_CATALOGUE,
  SRCNET_NODES,
} from '@srcnet/plugin-src-gitops-common';

/** The "Create a new SRC site" template must offer exactly what the component catalogue holds. */
const templatePath = path.resolve(
  __dirname,
  '../../../templates/create-src-site/template.yaml',
);
const template = parse(fs.readFileSync(templatePath, 'utf8'));
const params: any[] = template.spec.parameters;
const property = (name: string) =>
  params.find(p => p.properties?.[name])!.properties[name];

describe('create-src-site template', () => {
  it('offers every SRCNet node', () => {
    expect(property('node').enum).toEqual([...SRCNET_NODES]);
  });

  it('offers every catalogue component with its pinned version and default', () => {
    const components = property('components').properties;
    expect(Object.keys(components).sort()).toEqual([...COMPONENT_IDS].sort());
    for (const id of COMPONENT_IDS) {
      const entry = COMPONENT_CATALOGUE[id];
      expect(components[id].title).toContain(entry.chart.version);
      expect(components[id].properties.version.description).toBe(
        `Pinned: ${entry.chart.version}`,
      );
      expect(components[id].properties.enabled.default).toBe(
        entry.defaultEnabled,
      );
    }
    expect(components['external-dns'].properties.provider.enum).toEqual([
      ...EXTERNAL_DNS_PROVIDERS,
    ]);
    expect(components['ingress-nginx'].description).toMatch(/retired upstream/);
  });

  it('names the engines with their catalogue versions', () => {
    const engine = property('engine');
    expect(engine.enum).toEqual(['argocd', 'flux']);
    expect(engine.enumNames[0]).toContain(
      GITOPS_ENGINE_CATALOGUE.argocd.chart!.version,
    );
    expect(engine.enumNames[1]).toContain(GITOPS_ENGINE_CATALOGUE.flux.version);
  });

  it('validates before it publishes, and publishes before it registers', () => {
    const ids = template.spec.steps.map((s: any) => s.id);
    const index = (id: string) => ids.indexOf(id);
    expect(index('render')).toBeLessThan(index('validate'));
    for (const publish of [
      'publish-local',
      'publish-gitlab',
      'publish-github',
    ]) {
      expect(index('validate')).toBeLessThan(index(publish));
    }
    expect(index('publish-local')).toBeLessThan(index('register-local'));
    expect(index('publish-gitlab')).toBeLessThan(index('register-forge'));
  });
});
