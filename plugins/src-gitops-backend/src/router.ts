import { createHash } from 'crypto';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  srcGitopsFleetReadPermission,
  srcGitopsResourceOperatePermission,
  srcGitopsResourceReadPermission,
} from '@srcnet/plugin-src-gitops-common';
import { FleetState } from './service/FleetState';
import {
  clusterView,
  fleetView,
  problemsOf,
  servicesView,
  siteView,
} from './service/views';
import { entityMatch } from './service/entityMatcher';
import {
  AUDIT_EVENT_IDS,
  RESOURCE_ACTIONS,
  actionPatch,
} from './service/resourceActions';
import { objectPath } from './cluster/gitopsKinds';
import { ClusterError } from './cluster/clusterErrors';
import { RawObject } from './normalise/common';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogService;
  fleet: FleetState;
};

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const resourceParams = z.object({
  cluster: z.string().regex(NAME, 'cluster must be a DNS-1123 name'),
  engine: z.enum(['argocd', 'flux']),
  kind: z.enum([
    'Application',
    'Kustomization',
    'HelmRelease',
    'GitRepository',
    'HelmRepository',
    'OCIRepository',
  ]),
  namespace: z.string().regex(NAME, 'namespace must be a DNS-1123 name'),
  name: z.string().regex(NAME, 'name must be a DNS-1123 name'),
});
const actionBody = z.object({ entityRef: z.string().min(1) }).strict();

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      `invalid ${what}: ${result.error.issues
        .map(i => `${i.path.join('.') || what} ${i.message}`)
        .join('; ')}`,
    );
  }
  return result.data;
}

function parseRef(ref: unknown): string {
  if (typeof ref !== 'string' || !ref)
    throw new InputError('entityRef is required');
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch (error) {
    throw new InputError(
      `malformed entityRef '${ref}': ${(error as Error).message}`,
    );
  }
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, auditor, catalog, fleet } = options;
  const router = Router();
  router.use(express.json());

  async function authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission | ResourcePermission,
    resourceRef?: string,
  ) {
    const [decision] = await permissions.authorize(
      [
        resourceRef
          ? { permission: permission as ResourcePermission, resourceRef }
          : { permission: permission as BasicPermission },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `not allowed: ${permission.name}${
          resourceRef ? ` on ${resourceRef}` : ''
        }`,
      );
    }
  }

  async function entityFor(credentials: BackstageCredentials, ref: string) {
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) throw new NotFoundError(`no entity ${ref} in the catalog`);
    return entity;
  }

  /** The watcher of a named cluster and one object in its snapshot; 404 for either unknown. */
  function findResource(p: z.infer<typeof resourceParams>) {
    const watcher = fleet.watcher(p.cluster);
    if (!watcher) {
      throw new NotFoundError(`no cluster '${p.cluster}' is configured`);
    }
    const resource = watcher
      .snapshot()
      .resources.find(
        r =>
          r.engine === p.engine &&
          r.kind === p.kind &&
          r.namespace === p.namespace &&
          r.name === p.name,
      );
    if (!resource) {
      throw new NotFoundError(
        `no ${p.kind} ${p.namespace}/${p.name} in cluster '${p.cluster}'`,
      );
    }
    return { watcher, resource };
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/clusters', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorize(credentials, srcGitopsFleetReadPermission);
    res.json({ items: fleet.snapshots().map(s => clusterView(s)) });
  });

  router.get('/fleet', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorize(credentials, srcGitopsFleetReadPermission);
    // Serialised once per fleet state, not once per request; pollers get 304 until it changes.
    const body = fleet.derived('fleet', s => ({
      etag: `"fleet-${createHash('sha1')
        .update(fleet.version())
        .digest('hex')}"`,
      json: JSON.stringify(fleetView(s)),
    }));
    res.setHeader('ETag', body.etag);
    res.setHeader('Cache-Control', 'no-cache');
    if (req.headers['if-none-match'] === body.etag) {
      res.status(304).end();
      return;
    }
    res.type('json').send(body.json);
  });

  // The platform services of every cluster: what the search collator indexes.
  router.get('/services', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorize(credentials, srcGitopsFleetReadPermission);
    res
      .type('json')
      .send(fleet.derived('services', s => JSON.stringify(servicesView(s))));
  });

  router.get('/sites/:site', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const site = parse(
      z.string().regex(NAME, 'site must be a DNS-1123 name'),
      req.params.site,
      'site',
    );
    await authorize(credentials, srcGitopsFleetReadPermission);
    const view = siteView(site, fleet.snapshots());
    if (!view)
      throw new NotFoundError(`no cluster of site '${site}' is configured`);
    res.json(view);
  });

  router.get('/entity', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const ref = parseRef(req.query.entityRef);
    const entity = await entityFor(credentials, ref);
    await authorize(credentials, srcGitopsResourceReadPermission, ref);
    const match = entityMatch(entity);
    if (!match) {
      res.json({
        entityRef: ref,
        items: [],
        clusters: [],
        problems: [],
        matched: false,
      });
      return;
    }
    const snapshots = fleet.snapshots().filter(match.clusters);
    const items = snapshots.flatMap(s => s.resources.filter(match.resources));
    res.json({
      entityRef: ref,
      matched: true,
      items,
      // Every cluster looked at stays in the answer, found something or not.
      clusters: snapshots.map(s =>
        clusterView(s, s.resources.filter(match.resources)),
      ),
      problems: problemsOf(snapshots),
      simulated: snapshots.some(s => s.simulated),
    });
  });

  router.get(
    '/resources/:cluster/:engine/:kind/:namespace/:name',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const p = parse(resourceParams, req.params, 'resource');
      await authorize(credentials, srcGitopsFleetReadPermission);
      const { watcher, resource } = findResource(p);
      res.json({ resource, cluster: clusterView(watcher.snapshot()) });
    },
  );

  router.post(
    '/resources/:cluster/:engine/:kind/:namespace/:name/actions/:action',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const p = parse(resourceParams, req.params, 'resource');
      const action = parse(
        z.enum(RESOURCE_ACTIONS),
        req.params.action,
        'action',
      );
      const { entityRef } = parse(actionBody, req.body ?? {}, 'request body');
      const ref = parseRef(entityRef);
      const event = await auditor.createEvent({
        eventId: AUDIT_EVENT_IDS[action],
        severityLevel: 'medium',
        request: req,
        meta: {
          cluster: p.cluster,
          engine: p.engine,
          kind: p.kind,
          namespace: p.namespace,
          name: p.name,
          entityRef: ref,
        },
      });
      try {
        await authorize(credentials, srcGitopsResourceOperatePermission, ref);
        const entity = await entityFor(credentials, ref);
        const { watcher, resource } = findResource(p);
        // The permission was granted on the entity; the object must be one of the entity's own.
        const match = entityMatch(entity);
        if (
          !match ||
          !match.clusters(watcher.snapshot()) ||
          !match.resources(resource)
        ) {
          throw new NotAllowedError(
            `${p.kind} ${p.namespace}/${p.name} does not belong to ${ref}`,
          );
        }
        const kind = watcher.kindOf(p.engine, p.kind);
        if (!kind)
          throw new NotFoundError(
            `cluster '${p.cluster}' does not serve ${p.kind}`,
          );
        const user =
          credentials.principal.type === 'user'
            ? credentials.principal.userEntityRef
            : 'unknown';
        const patch = actionPatch(action, resource, { user, now: new Date() });
        let updated: RawObject;
        try {
          updated = await watcher.client.mergePatch<RawObject>(
            objectPath(kind, p.namespace, p.name),
            patch,
          );
        } catch (error) {
          if (error instanceof ClusterError && error.kind === 'forbidden') {
            throw new NotAllowedError(
              `the cluster refused the ${action}: the backend's service account may not patch ${kind.plural}`,
            );
          }
          if (error instanceof ClusterError && error.kind === 'not-found') {
            throw new NotFoundError(
              `${p.kind} ${p.namespace}/${p.name} no longer exists in cluster '${p.cluster}'`,
            );
          }
          throw error;
        }
        const after = watcher.applyObject(kind, updated);
        await event.success();
        res.status(202).json({ action, accepted: true, resource: after });
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  );

  return router;
}
