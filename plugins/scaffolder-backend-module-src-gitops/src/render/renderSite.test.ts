import { parseAllDocuments, parse } from 'yaml';
import { parseSiteSpec } from '@srcnet/plugin-src-gitops-common';
import { renderSite } from './renderSite';
import { argoCdSiteSpec, fluxSiteSpec } from '../actions/renderSite.examples';

function fileMap(input: unknown): Map<string, string> {
  return new Map(
    renderSite(parseSiteSpec(input)).files.map(f => [f.path, f.content]),
  );
}

function docs(content: string | undefined): any[] {
  expect(content).toBeDefined();
  return parseAllDocuments(content!).map(d => d.toJS());
}

describe('renderSite', () => {
  it('renders the Argo CD flavour (snapshot)', () => {
    expect(Object.fromEntries(fileMap(argoCdSiteSpec))).toMatchSnapshot();
  });

  it('renders the Flux flavour (snapshot)', () => {
    expect(Object.fromEntries(fileMap(fluxSiteSpec))).toMatchSnapshot();
  });

  it('is deterministic', () => {
    expect(renderSite(parseSiteSpec(argoCdSiteSpec))).toEqual(
      renderSite(parseSiteSpec(argoCdSiteSpec)),
    );
  });

  it('builds the app of apps per environment after CHSRC', () => {
    const files = fileMap(argoCdSiteSpec);
    const [main] = docs(files.get('argocd-apps/prod/main.yaml'));
    expect(main.metadata.name).toBe('main-prod');
    expect(main.metadata.finalizers).toEqual([
      'resources-finalizer.argocd.argoproj.io',
    ]);
    expect(main.spec.sources[0]).toMatchObject({
      path: 'argocd-apps/prod',
      directory: { exclude: 'main.yaml' },
    });
    expect(main.spec.syncPolicy).toMatchObject({
      automated: { prune: true, selfHeal: true },
      retry: {
        limit: 5,
        backoff: { duration: '5s', factor: 2, maxDuration: '3m' },
      },
    });
  });

  it('orders Argo CD sync waves: controllers before the configs that use their CRDs', () => {
    const files = fileMap(argoCdSiteSpec);
    const wave = (name: string) =>
      Number(
        docs(files.get(`argocd-apps/dev/${name}.yaml`))[0].metadata.annotations[
          'argocd.argoproj.io/sync-wave'
        ],
      );
    expect(wave('cert-manager')).toBeLessThan(wave('cluster-config'));
    expect(wave('vault')).toBeLessThan(wave('external-secrets'));
    expect(wave('external-secrets')).toBeLessThan(wave('cluster-config'));
  });

  it('gives every cluster its own external-dns owner id and domain', () => {
    const files = fileMap(argoCdSiteSpec);
    expect(
      parse(files.get('apps/external-dns/overlays/dev/values.yaml')!),
    ).toEqual({
      txtOwnerId: 'chsrc-main-dev',
      domainFilters: ['dev.src.example.ch'],
    });
    expect(
      parse(files.get('apps/external-dns/base/values.yaml')!),
    ).toMatchObject({
      policy: 'upsert-only',
      provider: { name: 'rfc2136' },
      sources: ['service', 'ingress'],
      registry: 'txt',
    });
  });

  it('emits current API versions only: cert-manager v1, ESO v1, Flux GA', () => {
    const argo = fileMap(argoCdSiteSpec);
    const issuers = docs(
      argo.get('apps/cluster-config/base/cluster-issuers.yaml'),
    );
    expect(issuers.map(i => [i.apiVersion, i.metadata.name])).toEqual([
      ['cert-manager.io/v1', 'letsencrypt-staging'],
      ['cert-manager.io/v1', 'letsencrypt-prod'],
    ]);
    expect(
      issuers[1].spec.acme.solvers[0].http01.ingress.ingressClassName,
    ).toBe('traefik');
    const [store] = docs(
      argo.get('apps/cluster-config/base/cluster-secret-stores.yaml'),
    );
    expect(store.apiVersion).toBe('external-secrets.io/v1');
    expect(store.spec.provider.vault).toMatchObject({
      server: 'http://vault.vault.svc.cluster.local:8200',
      path: 'app',
      version: 'v2',
      auth: {
        kubernetes: { mountPath: 'kubernetes', role: 'external-secrets' },
      },
    });
    const flux = fileMap(fluxSiteSpec);
    const all = [...flux.values()].join('\n');
    expect(all).not.toMatch(
      /(toolkit\.fluxcd\.io|external-secrets\.io)\/v\d+(beta|alpha)/,
    );
    const [controllers, configs] = docs(
      flux.get('clusters/prod/infrastructure.yaml'),
    );
    expect(controllers).toMatchObject({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      metadata: { name: 'infra-controllers' },
      spec: { wait: true, path: './infrastructure/controllers/prod' },
    });
    expect(configs.spec.dependsOn).toEqual([{ name: 'infra-controllers' }]);
    const [apps] = docs(flux.get('clusters/prod/apps.yaml'));
    expect(apps.spec.dependsOn).toEqual([{ name: 'infra-configs' }]);
  });

  it('renders Namespace, HelmRepository and HelmRelease per Flux controller', () => {
    const flux = fileMap(fluxSiteSpec);
    const [ns, repo, release] = docs(
      flux.get('infrastructure/controllers/base/cert-manager.yaml'),
    );
    expect(ns).toMatchObject({
      kind: 'Namespace',
      metadata: { name: 'cert-manager' },
    });
    expect(repo).toMatchObject({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'HelmRepository',
      spec: { url: 'https://charts.jetstack.io' },
    });
    expect(release).toMatchObject({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      spec: {
        chart: { spec: { chart: 'cert-manager', version: 'v1.20.0' } },
        values: { crds: { enabled: true } },
      },
    });
  });

  it('deploys a version override instead of the pinned version', () => {
    const spec = {
      ...fluxSiteSpec,
      components: {
        ...fluxSiteSpec.components,
        'cert-manager': { version: 'v1.21.0' },
      },
    };
    const [, , release] = docs(
      fileMap(spec).get('infrastructure/controllers/base/cert-manager.yaml'),
    );
    expect(release.spec.chart.spec.version).toBe('v1.21.0');
  });

  it('keeps YAML syntax and newlines in input as plain strings, never as structure', () => {
    const hostile = 'x\nkind: Secret\n---\napiVersion: v1\n{a: b}: "c"';
    const files = fileMap({
      ...argoCdSiteSpec,
      title: hostile,
      description: hostile,
    });
    const entities = docs(files.get('catalog-info.yaml'));
    expect(entities).toHaveLength(1 + 2 + 5);
    expect(entities[0].metadata.title).toBe(hostile);
    expect(entities[0].metadata.description).toBe(hostile);
    expect(entities.every(e => e.apiVersion === 'backstage.io/v1alpha1')).toBe(
      true,
    );
  });

  it('declares the site, its clusters and services with the annotations the views use', () => {
    const rendered = renderSite(parseSiteSpec(argoCdSiteSpec));
    expect(rendered.entityRefs).toEqual([
      'system:default/chsrc-main',
      'resource:default/chsrc-dev',
      'resource:default/chsrc-prod',
      'component:default/chsrc-main-cert-manager',
      'component:default/chsrc-main-external-dns',
      'component:default/chsrc-main-traefik',
      'component:default/chsrc-main-external-secrets',
      'component:default/chsrc-main-vault',
    ]);
    const entities = docs(
      rendered.files.find(f => f.path === 'catalog-info.yaml')!.content,
    );
    const vault = entities.find(e => e.metadata.name === 'chsrc-main-vault');
    expect(vault.metadata.annotations).toMatchObject({
      'srcnet.skao.int/site': 'chsrc-main',
      'srcnet.skao.int/component': 'vault',
      'srcnet.skao.int/cluster': 'chsrc-dev,chsrc-prod',
      'srcnet.skao.int/gitops-selector':
        'srcnet.skao.int/site=chsrc-main,srcnet.skao.int/component=vault',
    });
    expect(vault.spec).toMatchObject({
      system: 'system:default/chsrc-main',
      owner: 'group:default/chsrc-platform',
    });
  });

  it('writes a README with the bootstrap and Vault steps for the engine', () => {
    const argo = fileMap(argoCdSiteSpec).get('README.md')!;
    expect(argo).toContain(
      'kubectl apply -n argocd -f argocd-apps/prod/main.yaml',
    );
    expect(argo).toContain('vault operator init');
    expect(argo).toContain('vault secrets enable -path=app kv-v2');
    expect(argo).toContain('vault auth enable kubernetes');
    const flux = fileMap(fluxSiteSpec).get('README.md')!;
    expect(flux).toContain('flux bootstrap gitlab --owner=ska-telescope/src');
    expect(flux).toContain('--path=clusters/prod');
    expect(flux).toMatch(
      /ingress-nginx\*\*: ingress-nginx is retired upstream/,
    );
  });

  it('writes a CI file for the forge that validates on every push', () => {
    const gitlab = parse(fileMap(argoCdSiteSpec).get('.gitlab-ci.yml')!);
    expect(gitlab.kubeconform.script[0]).toContain('/kubeconform -strict');
    const github = fileMap({
      ...fluxSiteSpec,
      repository: { url: 'https://github.com/uksrc/ral-gitops.git' },
    });
    expect(github.has('.github/workflows/validate.yaml')).toBe(true);
    expect(github.has('.gitlab-ci.yml')).toBe(false);
  });
});
