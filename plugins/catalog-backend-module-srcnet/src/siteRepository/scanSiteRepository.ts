import { argocdServices } from './argocd';
import { fluxServices } from './flux';
import { RepoIndex } from './repoDocuments';
import { RepoFile, SiteRepositoryScan } from './types';

/**
 * Reads the platform services a site's GitOps repository deploys, with Argo CD, Flux or both.
 * Pure: files in, services and problems out. A repository in which no service is found is an
 * error, so a wrong location or branch is not mistaken for an empty site.
 */
export function scanSiteRepository(
  files: RepoFile[],
  options: { repositoryUrl?: string } = {},
): SiteRepositoryScan {
  const index = new RepoIndex(files);
  const argocd = argocdServices(index, options);
  const flux = fluxServices(index);
  const services = [...argocd.services, ...flux.services].sort((a, b) =>
    `${a.environment ?? ''}/${a.name}`.localeCompare(
      `${b.environment ?? ''}/${b.name}`,
    ),
  );
  const problems = [...index.problems, ...argocd.problems, ...flux.problems];
  if (services.length === 0 && !problems.some(p => p.severity === 'error')) {
    problems.push({
      severity: 'error',
      message: `no platform service found in ${files.length} files (no Argo CD Application or ApplicationSet, no Flux HelmRelease deploying from this repository); is this a site's GitOps repository?`,
    });
  }
  return { services, problems };
}
