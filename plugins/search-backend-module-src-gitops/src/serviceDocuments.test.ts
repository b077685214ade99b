import { Entity } from '@backstage/catalog-model';
import { PlatformServiceState } from '@srcnet/plugin-src-gitops-common';
import { platformServiceDocuments } from './serviceDocuments';

const state = (
  overrides: Partial<PlatformServiceState>,
): PlatformServiceState => ({
  site: 'chsrc-main',
  node: 'CHSRC',
  cluster: 'chsrc-prod',
  engine: 'argocd',
  kind: 'Application',
  namespace: 'argocd',
  name: 'vault',
  component: 'vault',
  chart: 'vault',
  version: '0.34.1',
  environment: 'prod',
  health: 'healthy',
  sync: 'synced',
  suspended: false,
  reachability: 'reachable',
  observedAt: '2026-11-24T06:00:00Z',
  ...overrides,
});

const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'platform-service' },
});

describe('platformServiceDocuments', () => {
  it('links a live service to its entity by GitOps object, by environment, else by site and component', () => {
    const entities = [
      component('chsrc-main-dev-vault', {
        'srcnet.skao.int/site': 'chsrc-main',
        'srcnet.skao.int/component': 'vault',
        'srcnet.skao.int/environment': 'dev',
        'srcnet.skao.int/gitops-objects': 'Application/argocd/vault',
        'srcnet.skao.int/chart-version': '0.34.1',
      }),
      component('chsrc-main-prod-vault', {
        'srcnet.skao.int/site': 'chsrc-main',
        'srcnet.skao.int/component': 'vault',
        'srcnet.skao.int/environment': 'prod',
        'srcnet.skao.int/gitops-objects': 'Application/argocd/vault',
        'srcnet.skao.int/chart-version': '0.28.0',
      }),
      component('uksrc-traefik', {
        'srcnet.skao.int/site': 'uksrc-ral-prod',
        'srcnet.skao.int/component': 'traefik',
        'srcnet.skao.int/cluster': 'uksrc-ral-prod',
      }),
    ];
    const docs = platformServiceDocuments(
      [
        state({}),
        state({
          site: 'uksrc-ral-prod',
          node: 'UKSRC',
          cluster: 'uksrc-ral-prod',
          engine: 'flux',
          kind: 'HelmRelease',
          namespace: 'traefik',
          name: 'traefik',
          component: 'traefik',
          chart: 'traefik',
          version: '37.0.0',
          health: 'degraded',
          sync: 'out-of-sync',
          message: 'install retries exhausted',
          reachability: 'unreachable',
        }),
      ],
      entities,
    );
    expect(docs.map(d => [d.title, d.location, d.entityRef, d.health])).toEqual(
      [
        [
          'Vault 0.34.1 · chsrc-main (chsrc-prod)',
          '/catalog/default/component/chsrc-main-prod-vault/gitops?cluster=chsrc-prod',
          'component:default/chsrc-main-prod-vault',
          'healthy',
        ],
        [
          'Traefik 37.0.0 · uksrc-ral-prod (uksrc-ral-prod)',
          '/catalog/default/component/uksrc-traefik/gitops?cluster=uksrc-ral-prod',
          'component:default/uksrc-traefik',
          'degraded',
        ],
        // The dev entity has no live object: its site is watched, so it is missing.
        [
          'Vault 0.34.1 · chsrc-main',
          '/catalog/default/component/chsrc-main-dev-vault',
          'component:default/chsrc-main-dev-vault',
          'missing',
        ],
      ],
    );
    expect(docs[0]).toMatchObject({
      chartVersion: '0.34.1',
      repositoryVersion: '0.28.0',
      node: 'CHSRC',
      engine: 'argocd',
    });
    expect(docs[0].text).toBe(
      'Vault 0.34.1 at SRC site chsrc-main (CHSRC), cluster chsrc-prod, prod, deployed by Argo CD as Application argocd/vault: healthy, synced. The site repository pins 0.28.0.',
    );
    expect(docs[1].text).toContain(
      'degraded, out-of-sync. Last known state: the cluster is unreachable. install retries exhausted',
    );
  });

  it('indexes services the catalog knows at sites with no watched cluster, and links unknown live services to the fleet page', () => {
    const docs = platformServiceDocuments(
      [
        state({
          site: 'itsrc-ct',
          node: 'ITSRC',
          cluster: 'itsrc-ct-prod',
          name: 'jupyterhub',
          component: 'jupyterhub',
          chart: 'jupyterhub',
          version: '4.2.0',
        }),
      ],
      [
        component('espsrc-main-production-vault', {
          'srcnet.skao.int/site': 'espsrc-main',
          'srcnet.skao.int/node': 'ESPSRC',
          'srcnet.skao.int/component': 'vault',
          'srcnet.skao.int/chart-version': '0.28.0',
          'srcnet.skao.int/gitops-engine': 'flux',
        }),
      ],
    );
    expect(docs[0].location).toBe(
      '/gitops-fleet?site=itsrc-ct&cluster=itsrc-ct-prod&object=Application%2Fargocd%2Fjupyterhub',
    );
    expect(docs[0].title).toBe('jupyterhub 4.2.0 · itsrc-ct (itsrc-ct-prod)');
    expect(docs[1]).toMatchObject({
      site: 'espsrc-main',
      node: 'ESPSRC',
      health: 'no-live-state',
      chartVersion: '0.28.0',
      engine: 'flux',
    });
    expect(docs[1].text).toContain(
      "No live state: none of the site's clusters is watched",
    );
    // Same fields on every document: the in-memory engine indexes the first document's fields.
    expect(Object.keys(docs[1]).sort()).toEqual(Object.keys(docs[0]).sort());
  });
});
