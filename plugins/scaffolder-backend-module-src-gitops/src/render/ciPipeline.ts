import { SiteSpec } from '@srcnet/plugin-src-gitops-common';
import { SiteFile, yamlFile } from './siteFiles';

const KUBECONFORM_IMAGE = 'ghcr.io/yannh/kubeconform:v0.7.0-alpine';
/** Schemas of the CRDs (Argo CD, Flux, cert-manager, External Secrets) from the community catalogue. */
const CRD_SCHEMAS =
  'https://raw.githubusercontent.com/datreeio/CRDs-catalog/main/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json';

/** The shell steps both forges run: every manifest against Kubernetes and CRD schemas. */
function validationScript(spec: SiteSpec): string[] {
  const dirs =
    spec.engine === 'argocd'
      ? ['argocd-apps', 'apps']
      : ['clusters', 'infrastructure', 'apps'];
  return [
    [
      '/kubeconform -strict -summary -ignore-missing-schemas=false',
      '-schema-location default',
      `-schema-location '${CRD_SCHEMAS}'`,
      // Values files, kustomization.yaml files and patches are not whole Kubernetes objects.
      "-ignore-filename-pattern 'values\\.yaml$'",
      "-ignore-filename-pattern 'kustomization\\.yaml$'",
      "-ignore-filename-pattern '-values\\.yaml$'",
      ...dirs,
    ].join(' '),
  ];
}

/**
 * The CI file that validates the manifests on every push: GitHub Actions for repositories on
 * github.com, GitLab CI otherwise (SKA's forge and the local default).
 */
export function ciPipeline(spec: SiteSpec): SiteFile {
  const script = validationScript(spec);
  if (/github\.com[/:]/.test(spec.repository.url)) {
    return yamlFile('.github/workflows/validate.yaml', {
      name: 'Validate manifests',
      on: { push: {}, pull_request: {} },
      jobs: {
        kubeconform: {
          'runs-on': 'ubuntu-latest',
          container: { image: KUBECONFORM_IMAGE },
          steps: [
            { uses: 'actions/checkout@v4' },
            ...script.map(run => ({ run })),
          ],
        },
      },
    });
  }
  return yamlFile('.gitlab-ci.yml', {
    stages: ['validate'],
    kubeconform: {
      stage: 'validate',
      image: { name: KUBECONFORM_IMAGE, entrypoint: [''] },
      script,
    },
  });
}
