import { GitOpsEngine } from '@srcnet/plugin-src-gitops-common';

/** One file of a site's GitOps repository, path relative to the repository root. */
export type RepoFile = { path: string; content: string };

/** A Helm chart a platform service is installed from. */
export type ServiceChart = {
  name: string;
  version?: string;
  repoUrl?: string;
};

/** A platform service a site repository deploys, as read from the repository alone. */
export type PlatformService = {
  /** The service's name in the site: the Application or HelmRelease name. */
  name: string;
  /** The component catalogue id when the chart is known, else the chart or object name. */
  component: string;
  engine: GitOpsEngine;
  chart?: ServiceChart;
  namespace?: string;
  environment?: string;
  /** The GitOps object that deploys it in the cluster. */
  object: {
    kind: 'Application' | 'HelmRelease';
    namespace: string;
    name: string;
  };
  /** The file that defines the object. */
  file: string;
  /** Set when the object uses an API version the engine no longer serves. */
  deprecatedApi?: string;
};

/**
 * Something the reader could not make sense of. Errors mean the repository could not be fully
 * read (the catalog shows them on the location); warnings are logged.
 */
export type RepoProblem = {
  severity: 'error' | 'warning';
  file?: string;
  message: string;
};

export type SiteRepositoryScan = {
  services: PlatformService[];
  problems: RepoProblem[];
};
