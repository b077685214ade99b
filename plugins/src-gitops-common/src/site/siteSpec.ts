import { z } from 'zod';
import {
  COMPONENT_CATALOGUE,
  COMPONENT_IDS,
  ComponentId,
} from '../catalogue/componentCatalogue';
import { GITOPS_ENGINES, SRCNET_NODES } from '../srcnet';
import {
  dns1123Label,
  dnsName,
  email,
  freeText,
  gitBranch,
  gitUrl,
  semver,
} from './validators';

/** Fields every component selection has. */
const componentBase = {
  enabled: z.boolean().default(true),
  /** Overrides the catalogue's pinned chart version. */
  version: semver('version override').optional(),
};

const certManagerOptions = z
  .object({
    ...componentBase,
    issuers: z.boolean().default(true),
  })
  .strict();

export const EXTERNAL_DNS_PROVIDERS = [
  'rfc2136',
  'cloudflare',
  'aws',
  'google',
  'azure',
  'webhook',
] as const;

const externalDnsOptions = z
  .object({
    ...componentBase,
    provider: z.enum(EXTERNAL_DNS_PROVIDERS).default('rfc2136'),
    policy: z.enum(['sync', 'upsert-only']).default('upsert-only'),
    /** Container image of the webhook provider, when `provider` is `webhook`. */
    webhookImage: z
      .string()
      .regex(/^[a-z0-9][a-z0-9./_:@-]*$/, {
        message:
          "webhook image must be an image reference like 'ghcr.io/org/provider:v1.0.0'",
      })
      .optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.enabled && value.provider === 'webhook' && !value.webhookImage) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['webhookImage'],
        message: "webhook image is required when the provider is 'webhook'",
      });
    }
  });

const replicas = (max: number) =>
  z
    .number()
    .int({ message: 'replicas must be a whole number' })
    .min(1, { message: 'replicas must be at least 1' })
    .max(max, { message: `replicas must be at most ${max}` });

const ingressOptions = z
  .object({ ...componentBase, replicas: replicas(10).default(2) })
  .strict();

const externalSecretsOptions = z
  .object({
    ...componentBase,
    vaultStore: z.boolean().default(true),
    vaultRole: dns1123Label('Vault role').default('external-secrets'),
  })
  .strict();

const vaultOptions = z
  .object({
    ...componentBase,
    ha: z.boolean().default(true),
    replicas: replicas(7).default(3),
    ui: z.boolean().default(true),
    injector: z.boolean().default(false),
  })
  .strict();

const componentsSchema = z
  .object({
    'cert-manager': certManagerOptions.optional(),
    'external-dns': externalDnsOptions.optional(),
    'ingress-nginx': ingressOptions.optional(),
    traefik: ingressOptions.optional(),
    'external-secrets': externalSecretsOptions.optional(),
    vault: vaultOptions.optional(),
  })
  .strict();

const environmentSchema = z
  .object({
    name: dns1123Label('environment name', 20),
    cluster: dns1123Label('cluster name'),
    baseDomain: dnsName('base domain'),
  })
  .strict();

const siteSpecObject = z
  .object({
    node: z.enum(SRCNET_NODES, {
      errorMap: (_issue, ctx) => ({
        message: `SRCNet node must be one of ${SRCNET_NODES.join(
          ', ',
        )}, got '${String(ctx.data)}'`,
      }),
    }),
    site: dns1123Label('site name', 40),
    title: freeText('title', 120).optional(),
    description: freeText('description', 2000).optional(),
    owner: z
      .string({ required_error: 'owner is required' })
      .regex(/^(group:)?([a-z0-9-]+\/)?[a-z0-9][a-z0-9._-]*$/i, {
        message:
          "owner must be a group reference like 'group:default/chsrc-platform' or 'chsrc-platform'",
      }),
    environments: z
      .array(environmentSchema)
      .min(1, { message: 'at least one environment is required' })
      .max(8, { message: 'at most 8 environments are supported' }),
    acmeEmail: email('ACME contact e-mail'),
    engine: z.enum(GITOPS_ENGINES, {
      errorMap: (_issue, ctx) => ({
        message: `GitOps engine must be 'argocd' or 'flux', got '${String(
          ctx.data,
        )}'`,
      }),
    }),
    repository: z
      .object({
        url: gitUrl('repository URL'),
        branch: gitBranch('branch').default('main'),
      })
      .strict(),
    components: componentsSchema,
  })
  .strict();

/** The schema of a site spec: field rules, then the cross-field rules (dependencies, uniqueness). */
export const siteSpecSchema = siteSpecObject.superRefine(checkSiteConsistency);

/** The validated description of one SRC site's GitOps repository. */
export type SiteSpec = z.output<typeof siteSpecSchema>;
/** What a form or API may send: defaults not yet applied. */
export type SiteSpecInput = z.input<typeof siteSpecSchema>;
/** One environment (one cluster) of a site. */
export type SiteEnvironment = SiteSpec['environments'][number];
/** The options of every component, by id. */
export type ComponentSelections = SiteSpec['components'];

/** The ids of the components a spec enables, in catalogue order. */
export function enabledComponents(
  components: Partial<Record<ComponentId, { enabled: boolean } | undefined>>,
): ComponentId[] {
  return COMPONENT_IDS.filter(id => components[id]?.enabled);
}

function checkSiteConsistency(
  spec: z.output<typeof siteSpecObject>,
  ctx: z.RefinementCtx,
) {
  const environments = spec.environments;
  const seenEnv = new Set<string>();
  const seenCluster = new Set<string>();
  environments.forEach((env, index) => {
    if (seenEnv.has(env.name)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['environments', index, 'name'],
        message: `environment '${env.name}' is listed twice`,
      });
    }
    if (seenCluster.has(env.cluster)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['environments', index, 'cluster'],
        message: `cluster '${env.cluster}' is used by two environments; each environment needs its own cluster`,
      });
    }
    seenEnv.add(env.name);
    seenCluster.add(env.cluster);
  });

  const components: Partial<
    Record<ComponentId, Record<string, unknown> & { enabled: boolean }>
  > = spec.components;
  const enabled = enabledComponents(components);
  if (enabled.length === 0) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['components'],
      message: 'select at least one component',
    });
  }
  for (const id of enabled) {
    const entry = COMPONENT_CATALOGUE[id];
    const selection = components[id]!;
    for (const requirement of entry.requires) {
      const active =
        requirement.option === undefined || selection[requirement.option];
      if (active && !requirement.anyOf.some(dep => enabled.includes(dep))) {
        const what = requirement.option
          ? `${entry.title} option '${requirement.option}'`
          : entry.title;
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [
            'components',
            id,
            ...(requirement.option ? [requirement.option] : []),
          ],
          message: `${what} needs ${requirement.anyOf.join(' or ')} (${
            requirement.reason
          }); select it or turn the option off`,
        });
      }
    }
    for (const other of entry.conflictsWith) {
      // Report a conflicting pair once, on the later component.
      if (
        enabled.includes(other) &&
        enabled.indexOf(other) < enabled.indexOf(id)
      ) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['components', id],
          message: `${entry.title} and ${COMPONENT_CATALOGUE[other].title} cannot both be selected; choose one ingress controller`,
        });
      }
    }
  }
}
