import { SiteSpec } from '@srcnet/plugin-src-gitops-common';
import type {
  ClusterIssuerObject,
  ClusterSecretStoreObject,
} from './manifests';
import { siteIngressClass } from './componentValues';

/** Let's Encrypt's ACME endpoints; staging first so a new site can test without rate limits. */
const ACME_SERVERS = {
  'letsencrypt-staging':
    'https://acme-staging-v02.api.letsencrypt.org/directory',
  'letsencrypt-prod': 'https://acme-v02.api.letsencrypt.org/directory',
} as const;

/** Name of the ClusterSecretStore that reads from the site's Vault. */
export const VAULT_STORE_NAME = 'vault-backend';

/** The cluster-wide configuration objects a site's components need (issuers, secret stores). */
export type ClusterConfig = {
  issuers: ClusterIssuerObject[];
  secretStores: ClusterSecretStoreObject[];
};

export function clusterConfig(
  spec: SiteSpec,
  labels: Record<string, string>,
): ClusterConfig {
  const certManager = spec.components['cert-manager'];
  const ingressClassName = siteIngressClass(spec);
  const issuers: ClusterIssuerObject[] =
    certManager?.enabled && certManager.issuers && ingressClassName
      ? (Object.keys(ACME_SERVERS) as Array<keyof typeof ACME_SERVERS>).map(
          name => ({
            apiVersion: 'cert-manager.io/v1',
            kind: 'ClusterIssuer',
            metadata: { name, labels },
            spec: {
              acme: {
                server: ACME_SERVERS[name],
                email: spec.acmeEmail,
                privateKeySecretRef: { name: `${name}-account-key` },
                solvers: [{ http01: { ingress: { ingressClassName } } }],
              },
            },
          }),
        )
      : [];

  const eso = spec.components['external-secrets'];
  const secretStores: ClusterSecretStoreObject[] =
    eso?.enabled && eso.vaultStore && spec.components.vault?.enabled
      ? [
          {
            apiVersion: 'external-secrets.io/v1',
            kind: 'ClusterSecretStore',
            metadata: { name: VAULT_STORE_NAME, labels },
            spec: {
              provider: {
                vault: {
                  server: 'http://vault.vault.svc.cluster.local:8200',
                  path: 'app',
                  version: 'v2',
                  auth: {
                    kubernetes: {
                      mountPath: 'kubernetes',
                      role: eso.vaultRole,
                      serviceAccountRef: {
                        name: 'external-secrets',
                        namespace: 'external-secrets',
                      },
                    },
                  },
                },
              },
            },
          },
        ]
      : [];
  return { issuers, secretStores };
}
