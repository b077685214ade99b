/**
 * The SRC GitOps Backstage backend: catalog, scaffolder (with the SRC site actions), search,
 * permissions with the SRC policy, guest auth for the embedded default, and the src-gitops
 * live-state plugin.
 */
import { createBackend } from '@backstage/backend-defaults';
import { srcPermissionPolicyModule } from './permissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Auth: guest sign-in is the embedded default; production config adds a real provider.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Lists entities that never processed, with their errors (e.g. an unreadable site repository)
backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));
// SRCNet: site repositories (srcnet-site-repo Locations), allowed location types, and nodes
// and sites from the Site Capabilities API when configured
backend.add(import('@srcnet/plugin-catalog-backend-module-srcnet'));

// Scaffolder, with our site actions and the publish modules for SKA's GitLab and GitHub
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));
backend.add(import('@srcnet/plugin-scaffolder-backend-module-src-gitops'));

// Permissions, decided by the SRC policy (never allow-all)
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(srcPermissionPolicyModule);

// Search: the PostgreSQL engine when the database is PostgreSQL, else the in-memory default
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// Every site's platform services with their live Argo CD and Flux state
backend.add(import('@srcnet/plugin-search-backend-module-src-gitops'));

backend.add(import('@backstage/plugin-user-settings-backend'));
// Signals: live updates to the browser (user settings storage and our views rely on them)
backend.add(import('@backstage/plugin-signals-backend'));

// SRC GitOps live state
backend.add(import('@srcnet/plugin-src-gitops-backend'));

backend.start();
