import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** A CHSRC-like Argo CD site with two environments. */
export const argoCdSiteSpec = {
  node: 'CHSRC',
  site: 'chsrc-main',
  owner: 'group:default/chsrc-platform',
  environments: [
    { name: 'dev', cluster: 'chsrc-dev', baseDomain: 'dev.src.example.ch' },
    { name: 'prod', cluster: 'chsrc-prod', baseDomain: 'src.example.ch' },
  ],
  acmeEmail: 'ops@src.example.ch',
  engine: 'argocd',
  repository: {
    url: 'https://gitlab.com/ska-telescope/src/chsrc-gitops.git',
    branch: 'main',
  },
  components: {
    'cert-manager': { enabled: true, issuers: true },
    'external-dns': {
      enabled: true,
      provider: 'rfc2136',
      policy: 'upsert-only',
    },
    traefik: { enabled: true },
    'external-secrets': { enabled: true, vaultStore: true },
    vault: { enabled: true, ha: true, replicas: 3 },
  },
};

/** A UKSRC-like Flux site with one environment and fewer components. */
export const fluxSiteSpec = {
  node: 'UKSRC',
  site: 'uksrc-ral-prod',
  owner: 'uksrc-platform',
  environments: [
    {
      name: 'prod',
      cluster: 'uksrc-ral-prod',
      baseDomain: 'ral.uksrc.example.org',
    },
  ],
  acmeEmail: 'platform@uksrc.example.org',
  engine: 'flux',
  repository: {
    url: 'https://gitlab.com/ska-telescope/src/uksrc-ral-gitops.git',
    branch: 'main',
  },
  components: {
    'cert-manager': { enabled: true },
    'ingress-nginx': { enabled: true, replicas: 2 },
    'external-dns': {
      enabled: true,
      provider: 'webhook',
      webhookImage: 'ghcr.io/example/external-dns-webhook:v1.0.0',
    },
  },
};

export const examples: TemplateExample[] = [
  {
    description: 'Render an Argo CD site (app of apps) with two environments',
    example: stringify({
      steps: [
        {
          id: 'render',
          action: 'src:site:render',
          name: 'Render the site repository',
          input: { spec: argoCdSiteSpec },
        },
      ],
    }),
  },
  {
    description: 'Render a Flux site into a chosen workspace folder',
    example: stringify({
      steps: [
        {
          id: 'render',
          action: 'src:site:render',
          name: 'Render the site repository',
          input: { spec: fluxSiteSpec, targetPath: 'uksrc-ral' },
        },
      ],
    }),
  },
];
