import { z } from 'zod';

/**
 * The SRCNet Site Capabilities API's model (`/api/v1/nodes`), validated leniently: optional
 * fields may be missing, unknown fields are dropped, and a site that does not fit is reported
 * and left out rather than failing the whole read.
 */
const service = z.object({
  type: z.string(),
  host: z.string().optional(),
  port: z.number().optional(),
  path: z.string().optional(),
  version: z.string().optional(),
});

const compute = z.object({
  hardware_type: z.string().optional(),
  associated_local_services: z.array(service).default([]),
  associated_global_services: z.array(service).default([]),
});

const storage = z.object({
  host: z.string(),
  base_path: z.string().optional(),
  srm: z.string().optional(),
  size_in_terabytes: z.number().optional(),
  areas: z.array(z.unknown()).default([]),
});

const downtime = z.object({
  type: z.string(),
  date_range: z.string().optional(),
  reason: z.string().optional(),
});

export const siteSchema = z.object({
  id: z.string().optional(),
  name: z.string().min(1),
  country: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  primary_contact_email: z.string().optional(),
  secondary_contact_email: z.string().optional(),
  downtime: z.array(downtime).default([]),
  storages: z.array(storage).default([]),
  compute: z.array(compute).default([]),
  is_force_disabled: z.boolean().optional(),
});

export const nodeSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  sites: z.array(z.unknown()).default([]),
});

export type SrcNetSite = z.output<typeof siteSchema>;
export type SrcNetNode = Omit<z.output<typeof nodeSchema>, 'sites'> & {
  sites: SrcNetSite[];
};

/** What a read of the API gave: the nodes and sites that fit, and why others did not. */
export type SiteCapabilitiesSnapshot = {
  nodes: SrcNetNode[];
  problems: string[];
};

/** Validates an answer of `GET /nodes`. Pure. */
export function parseNodes(body: unknown): SiteCapabilitiesSnapshot {
  if (!Array.isArray(body)) {
    throw new Error('GET /nodes did not answer a list of nodes');
  }
  const problems: string[] = [];
  const nodes: SrcNetNode[] = [];
  body.forEach((raw, i) => {
    const node = nodeSchema.safeParse(raw);
    if (!node.success) {
      problems.push(
        `node ${i}: ${node.error.issues
          .map(x => `${x.path.join('.') || 'node'} ${x.message}`)
          .join('; ')}`,
      );
      return;
    }
    const sites: SrcNetSite[] = [];
    node.data.sites.forEach((rawSite, j) => {
      const site = siteSchema.safeParse(rawSite);
      if (site.success) sites.push(site.data);
      else
        problems.push(
          `node ${node.data.name} site ${j}: ${site.error.issues
            .map(x => `${x.path.join('.') || 'site'} ${x.message}`)
            .join('; ')}`,
        );
    });
    nodes.push({
      name: node.data.name,
      description: node.data.description,
      sites,
    });
  });
  return { nodes, problems };
}
