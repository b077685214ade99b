import { parse, stringify } from 'yaml';
import { parseSiteSpec } from '@srcnet/plugin-src-gitops-common';
import { renderSite } from '../render/renderSite';
import { argoCdSiteSpec, fluxSiteSpec } from '../actions/renderSite.examples';
import { validateSiteFiles } from './validateSiteFiles';
import { ValidationProblem, formatProblem } from './validationProblem';
import { SiteFile, textFile, yamlFile } from '../render/siteFiles';

const argoFiles = () => renderSite(parseSiteSpec(argoCdSiteSpec)).files;
const fluxFiles = () => renderSite(parseSiteSpec(fluxSiteSpec)).files;

function withFile(files: SiteFile[], file: SiteFile): SiteFile[] {
  return [...files.filter(f => f.path !== file.path), file];
}

function withoutFile(files: SiteFile[], path: string): SiteFile[] {
  expect(files.some(f => f.path === path)).toBe(true);
  return files.filter(f => f.path !== path);
}

/** Rewrites the single object of a YAML file. */
function editObject(
  files: SiteFile[],
  path: string,
  edit: (o: any) => void,
): SiteFile[] {
  const file = files.find(f => f.path === path)!;
  const object = parse(file.content);
  edit(object);
  return withFile(files, { path, content: stringify(object) });
}

async function problems(
  files: SiteFile[],
  repositoryUrl?: string,
): Promise<ValidationProblem[]> {
  return validateSiteFiles(files, { repositoryUrl });
}

describe('validateSiteFiles', () => {
  it.each([
    ['Argo CD', argoFiles, argoCdSiteSpec.repository.url],
    ['Flux', fluxFiles, fluxSiteSpec.repository.url],
  ])('finds no problem in a rendered %s site', async (_name, files, url) => {
    expect((await problems(files(), url)).map(formatProblem)).toEqual([]);
  });

  it('reports an object that breaks its upstream schema, naming the field', async () => {
    const files = editObject(
      argoFiles(),
      'argocd-apps/prod/vault.yaml',
      app => {
        app.spec.project = 42;
      },
    );
    expect(await problems(files)).toContainEqual({
      file: 'argocd-apps/prod/vault.yaml',
      object: 'Application/argocd/vault',
      field: 'spec.project',
      reason: 'must be string',
    });
  });

  it('reports a CRD field that does not exist (Flux HelmRelease)', async () => {
    const files = editObject(fluxFiles(), 'clusters/prod/apps.yaml', k => {
      k.spec.prune = 'yes';
    });
    const found = await problems(files);
    expect(found).toContainEqual(
      expect.objectContaining({
        file: 'clusters/prod/apps.yaml',
        field: 'spec.prune',
        reason: 'must be boolean',
      }),
    );
  });

  it('reports retired beta APIs with their replacement', async () => {
    const files = editObject(fluxFiles(), 'clusters/prod/apps.yaml', k => {
      k.apiVersion = 'kustomize.toolkit.fluxcd.io/v1beta1';
    });
    expect(await problems(files)).toContainEqual(
      expect.objectContaining({
        file: 'clusters/prod/apps.yaml',
        field: 'apiVersion',
        reason:
          'kustomize.toolkit.fluxcd.io/v1beta1 is no longer served upstream; use kustomize.toolkit.fluxcd.io/v1',
      }),
    );
  });

  it('reports kinds it has no schema for rather than passing them', async () => {
    const files = withFile(
      argoFiles(),
      yamlFile('apps/extra/thing.yaml', {
        apiVersion: 'example.org/v1',
        kind: 'Widget',
        metadata: { name: 'w' },
      }),
    );
    expect(await problems(files)).toContainEqual(
      expect.objectContaining({
        file: 'apps/extra/thing.yaml',
        reason: expect.stringContaining(
          'no upstream schema is known for Widget',
        ),
      }),
    );
  });

  it('reports an Application path that does not exist', async () => {
    const files = withoutFile(
      argoFiles(),
      'apps/cluster-config/overlays/dev/kustomization.yaml',
    );
    expect(await problems(files, argoCdSiteSpec.repository.url)).toContainEqual(
      {
        file: 'argocd-apps/dev/cluster-config.yaml',
        object: 'Application/argocd/cluster-config',
        field: 'spec.sources[0].path',
        reason:
          "path 'apps/cluster-config/overlays/dev' does not exist in the repository",
      },
    );
  });

  it('reports a values file an Application refers to that does not exist', async () => {
    const files = withoutFile(
      argoFiles(),
      'apps/vault/overlays/dev/values.yaml',
    );
    expect(await problems(files, argoCdSiteSpec.repository.url)).toContainEqual(
      {
        file: 'argocd-apps/dev/vault.yaml',
        object: 'Application/argocd/vault',
        field: 'spec.sources[0].helm.valueFiles[1]',
        reason:
          "values file 'apps/vault/overlays/dev/values.yaml' does not exist in the repository",
      },
    );
  });

  it('reports a kustomization.yaml resource and patch that do not exist', async () => {
    const files = withoutFile(
      withoutFile(
        fluxFiles(),
        'infrastructure/controllers/base/external-dns.yaml',
      ),
      'infrastructure/controllers/prod/cert-manager-values.yaml',
    );
    const found = await problems(files);
    expect(found).toContainEqual({
      file: 'infrastructure/controllers/base/kustomization.yaml',
      field: 'resources[1]',
      reason: "'external-dns.yaml' does not exist in the repository",
    });
    expect(found).toContainEqual({
      file: 'infrastructure/controllers/prod/kustomization.yaml',
      field: 'patches[0].path',
      reason: "patch file 'cert-manager-values.yaml' does not exist",
    });
  });

  it('reports a Flux Kustomization path and dependsOn target that do not exist', async () => {
    const files = editObject(fluxFiles(), 'clusters/prod/apps.yaml', k => {
      k.spec.dependsOn = [{ name: 'infra-config' }];
      k.spec.path = './apps/production';
    });
    const found = await problems(files);
    expect(found).toContainEqual({
      file: 'clusters/prod/apps.yaml',
      object: 'Kustomization/flux-system/apps',
      field: 'spec.dependsOn[0]',
      reason:
        "depends on Kustomization 'infra-config', which is not defined for this cluster",
    });
    expect(found).toContainEqual(
      expect.objectContaining({
        field: 'spec.path',
        reason: "path './apps/production' does not exist in the repository",
      }),
    );
  });

  it('reports a HelmRelease whose chart source is not defined', async () => {
    const path = 'infrastructure/controllers/base/cert-manager.yaml';
    const file = fluxFiles().find(f => f.path === path)!;
    const content = file.content.replace(
      /kind: HelmRepository\nmetadata:\n {2}name: cert-manager/,
      'kind: HelmRepository\nmetadata:\n  name: jetstack',
    );
    expect(content).not.toBe(file.content);
    expect(
      await problems(withFile(fluxFiles(), { path, content })),
    ).toContainEqual({
      file: path,
      object: 'HelmRelease/cert-manager/cert-manager',
      field: 'spec.chart.spec.sourceRef',
      reason:
        "chart source HelmRepository 'cert-manager/cert-manager' is not defined in the repository",
    });
  });

  it('reports the same object defined twice for one cluster', async () => {
    const original = argoFiles().find(
      f => f.path === 'argocd-apps/prod/vault.yaml',
    )!;
    const files = withFile(argoFiles(), {
      path: 'argocd-apps/prod/vault-copy.yaml',
      content: original.content,
    });
    expect(await problems(files)).toContainEqual({
      file: 'argocd-apps/prod/vault-copy.yaml',
      object: 'Application/argocd/vault',
      reason:
        'duplicate object: already defined in argocd-apps/prod/vault.yaml',
    });
  });

  it('reports YAML syntax errors and documents that are not objects', async () => {
    const files = [
      ...argoFiles(),
      textFile('apps/broken.yaml', 'a: [1, 2\n'),
      textFile('apps/list.yaml', '- just\n- a list\n'),
    ];
    const found = await problems(files);
    expect(found).toContainEqual(
      expect.objectContaining({
        file: 'apps/broken.yaml',
        reason: expect.stringContaining('YAML syntax error in document 1'),
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        file: 'apps/list.yaml',
        reason:
          'document 1 is not a Kubernetes object (needs apiVersion, kind and metadata.name)',
      }),
    );
  });

  it('reports an invalid catalog entity', async () => {
    const files = withFile(
      argoFiles(),
      yamlFile('catalog-info.yaml', {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'Not Valid!' },
        spec: {},
      }),
    );
    expect(await problems(files)).toContainEqual(
      expect.objectContaining({
        file: 'catalog-info.yaml',
        reason: expect.stringContaining('not a valid catalog entity'),
      }),
    );
  });
});
