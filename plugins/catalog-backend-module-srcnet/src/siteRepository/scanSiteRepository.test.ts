import { stringify } from 'yaml';
import { parseSiteSpec } from '@srcnet/plugin-src-gitops-common';
import { renderSite } from '@srcnet/plugin-scaffolder-backend-module-src-gitops';
import { scanSiteRepository } from './scanSiteRepository';
import { PlatformService, RepoFile } from './types';
import {
  chsrcRepository,
  espsrcRepository,
  uksrcRepository,
} from '../examples/siteRepositoryLayouts';

/** Compact view of a service: what a platform engineer reads in the catalog. */
const summary = (s: PlatformService) =>
  [
    s.environment ?? '-',
    s.component,
    s.chart?.version ?? '-',
    s.namespace ?? '-',
    `${s.object.kind}/${s.object.namespace}/${s.object.name}`,
  ].join(' ');

const errors = (files: RepoFile[]) =>
  scanSiteRepository(files).problems.filter(p => p.severity === 'error');

describe('scanSiteRepository', () => {
  it('reads a CHSRC-style Argo CD repository: apps of apps, Kustomize helmCharts, multi-source and a list ApplicationSet', () => {
    const scan = scanSiteRepository(chsrcRepository());
    expect(scan.problems).toEqual([]);
    expect(scan.services.map(summary)).toEqual([
      'dev cert-manager v1.20.0 cert-manager Application/argocd/cert-manager',
      'dev vault 0.34.1 vault Application/argocd/vault',
      'prod cert-manager v1.19.2 cert-manager Application/argocd/cert-manager',
      'prod external-dns 1.21.1 external-dns Application/argocd/external-dns',
      'prod external-secrets 0.9.20 external-secrets Application/argocd/external-secrets',
      'prod traefik 37.0.0 traefik Application/argocd/traefik',
      'prod vault 0.28.0 vault Application/argocd/vault',
    ]);
    const vault = scan.services.find(
      s => s.name === 'vault' && s.environment === 'prod',
    )!;
    expect(vault).toMatchObject({
      engine: 'argocd',
      chart: { name: 'vault', repoUrl: 'https://helm.releases.hashicorp.com' },
      file: 'argocd-apps/prod/vault.yaml',
    });
    // The apps of apps are not services.
    expect(scan.services.some(s => s.name.startsWith('main-'))).toBe(false);
  });

  it('reads a UKSRC-style Flux repository: cluster folders, shared components, overlays with patches and substitution', () => {
    const scan = scanSiteRepository(uksrcRepository());
    expect(scan.problems).toEqual([]);
    expect(scan.services.map(summary)).toEqual([
      'cam-preprod cert-manager v1.19.2 cert-manager HelmRelease/cert-manager/cert-manager',
      'cam-preprod jupyterhub 4.3.0 jupyterhub HelmRelease/jupyterhub/jupyterhub',
      'cam-preprod traefik 36.3.0 traefik HelmRelease/traefik/traefik',
      'ral-prod cert-manager v1.20.0 cert-manager HelmRelease/cert-manager/cert-manager',
      'ral-prod jupyterhub 4.2.0 jupyterhub HelmRelease/jupyterhub/jupyterhub',
      'ral-prod traefik 37.0.0 traefik HelmRelease/traefik/traefik',
    ]);
    expect(scan.services[1].chart?.repoUrl).toBe(
      'https://hub.jupyter.org/helm-chart/',
    );
    expect(
      scan.services.every(s => s.engine === 'flux' && !s.deprecatedApi),
    ).toBe(true);
  });

  it('reads an ESPSRC-style Flux repository on the beta APIs and names the APIs no longer served', () => {
    const scan = scanSiteRepository(espsrcRepository());
    expect(scan.problems).toEqual([]);
    expect(scan.services.map(summary)).toEqual([
      'production cert-manager v1.15.1 cert-manager HelmRelease/cert-manager/cert-manager',
      'production external-secrets 0.10.4 external-secrets HelmRelease/external-secrets/external-secrets',
      'production ingress-nginx 4.14.3 ingress-nginx HelmRelease/ingress-nginx/ingress-nginx',
      'production vault 0.28.0 vault HelmRelease/vault/vault',
    ]);
    const byName = Object.fromEntries(scan.services.map(s => [s.name, s]));
    expect(byName['cert-manager'].deprecatedApi).toBe(
      'helm.toolkit.fluxcd.io/v2beta1',
    );
    expect(byName['ingress-nginx'].deprecatedApi).toBe(
      'helm.toolkit.fluxcd.io/v2beta2',
    );
    expect(byName['external-secrets'].chart).toEqual({
      name: 'external-secrets',
      version: '0.10.4',
      repoUrl: 'oci://ghcr.io/external-secrets/charts/external-secrets',
    });
  });

  it.each(['argocd', 'flux'] as const)(
    'reads the repository our template renders for %s, with the catalogue versions',
    engine => {
      const spec = parseSiteSpec({
        node: 'SKAOSRC',
        site: 'skaosrc-test',
        owner: 'group:default/skaosrc-platform',
        engine,
        acmeEmail: 'ops@example.org',
        repository: {
          url: 'https://gitlab.com/ska-telescope/src/skaosrc-test.git',
        },
        environments: [
          {
            name: 'dev',
            cluster: 'skaosrc-dev',
            baseDomain: 'dev.example.org',
          },
          { name: 'prod', cluster: 'skaosrc-prod', baseDomain: 'example.org' },
        ],
        components: {
          'cert-manager': {},
          'external-dns': {},
          traefik: {},
          'external-secrets': {},
          vault: {},
        },
      });
      const site = renderSite(spec);
      const scan = scanSiteRepository(site.files, {
        repositoryUrl: spec.repository.url,
      });
      expect(scan.problems.filter(p => p.severity === 'error')).toEqual([]);
      const helm = scan.services.filter(s => s.chart);
      const expected = [
        'cert-manager v1.20.0',
        'external-dns 1.21.1',
        'external-secrets 2.10.0',
        'traefik 37.0.0',
        'vault 0.34.1',
      ];
      for (const env of ['dev', 'prod']) {
        const inEnv = helm.filter(
          s => s.environment === env && s.component !== 'argo-cd',
        );
        expect(
          inEnv.map(s => `${s.component} ${s.chart!.version}`).sort(),
        ).toEqual(expected);
        expect(inEnv.every(s => s.engine === engine)).toBe(true);
      }
      // Every service is named after its catalogue component and lands in the catalogue's namespace.
      expect(helm.find(s => s.component === 'vault')?.namespace).toBe('vault');
    },
  );

  it('reports YAML syntax errors with the file', () => {
    const files = [
      ...chsrcRepository(),
      {
        path: 'argocd-apps/prod/broken.yaml',
        content: 'kind: Application\n  metadata: [x\n',
      },
    ];
    expect(errors(files)).toEqual([
      expect.objectContaining({
        file: 'argocd-apps/prod/broken.yaml',
        message: expect.stringMatching(/^YAML syntax error in document 1/),
      }),
    ]);
  });

  it('reports an Application whose path is not in the repository, and a Kustomization resource that is missing', () => {
    const files = chsrcRepository().map(f =>
      f.path === 'argocd-apps/dev/cert-manager.yaml'
        ? {
            ...f,
            content: f.content.replace(
              'apps/cert-manager/overlays/dev',
              'apps/cert-manager/overlays/qa',
            ),
          }
        : f,
    );
    expect(errors(files).map(p => p.message)).toEqual([
      "Application cert-manager points at path 'apps/cert-manager/overlays/qa', which is not in the repository",
    ]);
    const missingBase = chsrcRepository().filter(
      f =>
        f.path !== 'apps/cert-manager/base/kustomization.yaml' &&
        f.path !== 'apps/cert-manager/base/cluster-issuer.yaml',
    );
    expect(errors(missingBase).map(p => `${p.file}: ${p.message}`)).toContain(
      "apps/cert-manager/overlays/dev/kustomization.yaml: resource '../../base' is not in the repository (looked for apps/cert-manager/base)",
    );
  });

  it('reports ApplicationSet generators it cannot expand and template keys the elements lack', () => {
    const set = (generators: unknown[]) => ({
      path: 'argocd-apps/prod/set.yaml',
      content: stringify({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'ApplicationSet',
        metadata: { name: 'clusters-set', namespace: 'argocd' },
        spec: {
          generators,
          template: {
            metadata: { name: '{{name}}' },
            spec: {
              source: {
                repoURL: 'https://charts.example.org',
                chart: '{{chart}}',
                targetRevision: '1.0.0',
              },
              destination: { namespace: 'x' },
            },
          },
        },
      }),
    });
    expect(
      errors([
        set([
          {
            git: {
              repoURL: 'https://example.org/x.git',
              directories: [{ path: '*' }],
            },
          },
        ]),
      ]).map(p => p.message),
    ).toEqual([
      'ApplicationSet clusters-set uses a git generator; only list generators can be read from the repository alone',
    ]);
    expect(
      errors([set([{ list: { elements: [{ name: 'a' }] } }])]).map(
        p => p.message,
      ),
    ).toEqual([
      'ApplicationSet clusters-set: its template uses {{chart}}, which list element {"name":"a"} does not define',
    ]);
  });

  it('reports a Flux Kustomization whose path is missing, and a repository with nothing deployable', () => {
    const files = uksrcRepository().filter(
      f => !f.path.startsWith('apps/jupyterhub/overlays/ral-prod'),
    );
    expect(errors(files).map(p => p.message)).toEqual([
      "Kustomization jupyterhub points at path './apps/jupyterhub/overlays/ral-prod', which is not in the repository",
    ]);
    expect(
      errors([
        { path: 'README.md', content: '# not a site' },
        { path: 'ci.yaml', content: 'stages: [x]' },
      ]).map(p => p.message),
    ).toEqual([
      "no platform service found in 2 files (no Argo CD Application or ApplicationSet, no Flux HelmRelease deploying from this repository); is this a site's GitOps repository?",
    ]);
  });

  it('warns, without failing, about charts read from another repository', () => {
    const scan = scanSiteRepository([
      {
        path: 'apps/x.yaml',
        content: stringify({
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Application',
          metadata: { name: 'science-platform' },
          spec: {
            source: {
              repoURL: 'https://gitlab.com/other/charts.git',
              path: 'charts/platform',
            },
            destination: { namespace: 'sp' },
          },
        }),
      },
    ]);
    expect(scan.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining(
          "reads 'charts/platform' from another repository",
        ),
      }),
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining(
          'no platform service found in 1 files',
        ),
      }),
    ]);
  });
});
