import { JsonObject } from '@backstage/types';
import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { readClusterConfigs } from './clusterConfig';

function read(clusters: JsonObject[]) {
  return readClusterConfigs(new ConfigReader({ srcGitops: { clusters } }));
}

describe('readClusterConfigs', () => {
  const dir = createMockDirectory();

  it('reads a token-authenticated cluster with defaults', () => {
    const [cluster] = read([
      {
        name: 'chsrc-prod',
        site: 'chsrc-main',
        url: 'https://k8s.example.ch:6443/',
        auth: { token: 's3cret' },
      },
    ]);
    expect(cluster).toEqual({
      name: 'chsrc-prod',
      site: 'chsrc-main',
      url: 'https://k8s.example.ch:6443',
      credentials: { token: 's3cret', caData: undefined, skipTLSVerify: false },
      argocdNamespaces: undefined,
      flux: undefined,
      argocdUrl: undefined,
      timeoutMs: 10000,
    });
  });

  it('reads server, CA and token from a kubeconfig context', () => {
    dir.setContent({
      kubeconfig: [
        'apiVersion: v1',
        'kind: Config',
        'current-context: a',
        'contexts:',
        '- name: a',
        '  context: { cluster: c1, user: u1 }',
        '- name: b',
        '  context: { cluster: c2, user: u1 }',
        'clusters:',
        '- name: c1',
        '  cluster: { server: "https://one.example.org" }',
        '- name: c2',
        `  cluster: { server: "https://two.example.org", certificate-authority-data: "${Buffer.from(
          'PEM',
        ).toString('base64')}" }`,
        'users:',
        '- name: u1',
        '  user: { token: tok }',
      ].join('\n'),
    });
    const [cluster] = read([
      {
        name: 'two',
        site: 's',
        auth: { kubeconfig: { path: dir.resolve('kubeconfig'), context: 'b' } },
      },
    ]);
    expect(cluster.url).toBe('https://two.example.org');
    expect(cluster.credentials).toEqual({
      token: 'tok',
      caData: 'PEM',
      skipTLSVerify: false,
    });
  });

  it.each([
    [
      [{ name: 'Bad_Name', site: 's', url: 'https://x' }],
      "srcGitops.clusters[0].name': must be lower-case",
    ],
    [
      [
        { name: 'a', site: 's', url: 'https://x' },
        { name: 'a', site: 's', url: 'https://y' },
      ],
      "srcGitops.clusters[1].name': cluster 'a' is configured twice",
    ],
    [
      [{ name: 'a', site: 's' }],
      "srcGitops.clusters[0].url': is required unless auth.kubeconfig is set",
    ],
    [
      [{ name: 'a', site: 's', url: 'not a url' }],
      "srcGitops.clusters[0].url': is not a URL",
    ],
    [
      [{ name: 'a', site: 's', url: 'https://user:pw@x' }],
      "srcGitops.clusters[0].url': must not contain credentials",
    ],
    [
      [{ name: 'a', site: 's', url: 'https://x', timeoutMs: 0 }],
      "srcGitops.clusters[0].timeoutMs': must be between",
    ],
    [
      [
        {
          name: 'a',
          site: 's',
          url: 'https://x',
          caFile: '/nonexistent/ca.pem',
        },
      ],
      "srcGitops.clusters[0].caFile': cannot read",
    ],
    [
      [
        {
          name: 'a',
          site: 's',
          auth: { kubeconfig: { path: '/nonexistent' } },
        },
      ],
      "srcGitops.clusters[0].auth.kubeconfig.path': cannot read kubeconfig",
    ],
  ])('fails start-up naming the bad key (%#)', (clusters, message) => {
    expect(() => read(clusters)).toThrow(message);
  });

  it('names a missing required key', () => {
    expect(() => read([{ name: 'a', url: 'https://x' }])).toThrow(/site/);
  });
});
