import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ClusterSummary } from '@srcnet/plugin-src-gitops-common';
import { ClusterConfig } from './config/clusterConfig';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  clusters: ClusterConfig[];
};

/** What a client may know of a configured cluster: its name and site, never its URL or credentials. */
function summarise(cluster: ClusterConfig): ClusterSummary {
  return {
    name: cluster.name,
    site: cluster.site,
    reachability: 'pending',
    engines: cluster.flux === false ? ['argocd'] : ['argocd', 'flux'],
  };
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, clusters } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/clusters', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: clusters.map(summarise) });
  });

  return router;
}
