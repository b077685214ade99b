import { Entity } from '@backstage/catalog-model';
import {
  SRC_NODE_ANNOTATION,
  SRC_SITE_ANNOTATION,
} from '@srcnet/plugin-src-gitops-common';
import { SrcNetNode, SrcNetSite } from './siteCapabilities';

const PREFIX = 'srcnet.skao.int';

/** A catalog entity name from any API name: lower-case DNS-1123, at most 63 characters. */
export function entityName(...parts: string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 63)
    .replace(/-$/, '');
}

/** Today's and coming downtimes, for people reading the site page. */
function downtimeSummary(site: SrcNetSite): string | undefined {
  if (site.downtime.length === 0) return undefined;
  return site.downtime
    .map(d => [d.type, d.date_range, d.reason].filter(Boolean).join(': '))
    .join('; ');
}

function siteEntities(node: SrcNetNode, site: SrcNetSite): Entity[] {
  const nodeRef = `domain:default/${entityName(node.name)}`;
  const system = entityName(site.name);
  const owner = `group:default/${entityName(node.name, 'platform')}`;
  const annotations: Record<string, string> = {
    [SRC_NODE_ANNOTATION]: node.name,
    [SRC_SITE_ANNOTATION]: system,
    ...(site.id ? { [`${PREFIX}/site-id`]: site.id } : {}),
    ...(site.country ? { [`${PREFIX}/country`]: site.country } : {}),
    ...(site.latitude !== undefined && site.longitude !== undefined
      ? { [`${PREFIX}/coordinates`]: `${site.latitude},${site.longitude}` }
      : {}),
    ...(site.primary_contact_email
      ? { [`${PREFIX}/primary-contact`]: site.primary_contact_email }
      : {}),
    ...(site.secondary_contact_email
      ? { [`${PREFIX}/secondary-contact`]: site.secondary_contact_email }
      : {}),
    ...(downtimeSummary(site)
      ? { [`${PREFIX}/downtime`]: downtimeSummary(site)! }
      : {}),
    ...(site.is_force_disabled ? { [`${PREFIX}/force-disabled`]: 'true' } : {}),
  };
  const entities: Entity[] = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name: system,
        title: site.name,
        description: `SRCNet site ${site.name} of ${node.name}${
          site.country ? ` (${site.country})` : ''
        }.`,
        annotations,
        tags: [
          'srcnet-site',
          ...(site.downtime.length ? ['downtime'] : []),
          ...(site.is_force_disabled ? ['disabled'] : []),
        ],
      },
      spec: { owner, domain: nodeRef },
    },
  ];
  site.compute.forEach((c, i) => {
    const computeName = entityName(system, 'compute', String(i + 1));
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: computeName,
        title: `${site.name} compute ${i + 1}`,
        description: `Compute of ${site.name}${
          c.hardware_type ? ` (${c.hardware_type})` : ''
        }.`,
        annotations: {
          [SRC_NODE_ANNOTATION]: node.name,
          [SRC_SITE_ANNOTATION]: system,
        },
        tags: [
          'compute',
          ...(c.hardware_type ? [entityName(c.hardware_type)] : []),
        ],
      },
      spec: { type: 'compute', owner, system: `system:default/${system}` },
    });
    c.associated_local_services.forEach(svc => {
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: entityName(system, svc.type, String(i + 1)),
          title: `${svc.type} (${site.name})`,
          description: `${svc.type} service of ${site.name}${
            svc.version ? `, version ${svc.version}` : ''
          }.`,
          annotations: {
            [SRC_NODE_ANNOTATION]: node.name,
            [SRC_SITE_ANNOTATION]: system,
            [`${PREFIX}/service-type`]: svc.type,
          },
          ...(svc.host
            ? {
                links: [
                  {
                    url: `https://${svc.host}${svc.port ? `:${svc.port}` : ''}${
                      svc.path ?? ''
                    }`,
                    title: svc.type,
                  },
                ],
              }
            : {}),
          tags: ['srcnet-service', entityName(svc.type)],
        },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner,
          system: `system:default/${system}`,
          dependsOn: [`resource:default/${computeName}`],
        },
      });
    });
  });
  site.storages.forEach((s, i) => {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: entityName(system, 'storage', String(i + 1)),
        title: `${site.name} storage ${s.host}`,
        description: `Storage of ${site.name} at ${s.host}${
          s.srm ? ` (${s.srm})` : ''
        }${s.size_in_terabytes ? `, ${s.size_in_terabytes} TB` : ''}.`,
        annotations: {
          [SRC_NODE_ANNOTATION]: node.name,
          [SRC_SITE_ANNOTATION]: system,
        },
        tags: ['storage', ...(s.srm ? [entityName(s.srm)] : [])],
      },
      spec: { type: 'storage', owner, system: `system:default/${system}` },
    });
  });
  return entities;
}

/**
 * The catalog entities of SRCNet: node -> Domain, site -> System, compute and storage ->
 * Resources, local services -> Components, with their relations. Pure.
 */
export function srcNetEntities(nodes: SrcNetNode[]): Entity[] {
  return nodes.flatMap((node): Entity[] => [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: {
        name: entityName(node.name),
        title: node.name,
        description: node.description ?? `SRCNet node ${node.name}`,
        annotations: { [SRC_NODE_ANNOTATION]: node.name },
        tags: ['srcnet-node'],
      },
      spec: { owner: `group:default/${entityName(node.name, 'platform')}` },
    },
    ...node.sites.flatMap(site => siteEntities(node, site)),
  ]);
}
