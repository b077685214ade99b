import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { srcGitopsPlugin } from './plugin';

const SECRET = 'sa-token-must-never-leak';

describe('src-gitops backend router', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        srcGitopsPlugin,
        mockServices.rootConfig.factory({
          data: {
            srcGitops: {
              clusters: [
                {
                  name: 'chsrc-prod',
                  site: 'chsrc-main',
                  url: 'https://k8s.example.ch',
                  auth: { token: SECRET },
                  caData: 'PEM-CA-DATA',
                },
                {
                  name: 'uksrc-ral-prod',
                  site: 'uksrc-ral-prod',
                  url: 'https://k8s.example.org',
                  flux: false,
                },
              ],
            },
          },
        }),
      ],
    });
    return server;
  }

  it('answers /health without credentials', async () => {
    const server = await start();
    const res = await request(server).get('/api/src-gitops/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('lists configured clusters by name and site, never with URLs or credentials', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/src-gitops/clusters')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((c: { name: string; site: string }) => [
        c.name,
        c.site,
      ]),
    ).toEqual([
      ['chsrc-prod', 'chsrc-main'],
      ['uksrc-ral-prod', 'uksrc-ral-prod'],
    ]);
    const body = JSON.stringify(res.body);
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain('PEM-CA-DATA');
    expect(body).not.toContain('k8s.example');
  });

  it('refuses unauthenticated reads', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/src-gitops/clusters')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});
