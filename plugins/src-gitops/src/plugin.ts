import {
  createComponentExtension,
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { srcGitopsApiRef } from './api/SrcGitopsApi';
import { SrcGitopsClient } from './api/SrcGitopsClient';
import { fleetRouteRef } from './routes';

/** The src-gitops plugin for apps on the legacy frontend system. */
export const srcGitopsPlugin = createPlugin({
  id: 'src-gitops',
  apis: [
    createApiFactory({
      api: srcGitopsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SrcGitopsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { fleet: fleetRouteRef },
});

/** The fleet page (legacy frontend system). */
export const SrcGitopsFleetPage = srcGitopsPlugin.provide(
  createRoutableExtension({
    name: 'SrcGitopsFleetPage',
    component: () => import('./components/FleetPage').then(m => m.FleetPage),
    mountPoint: fleetRouteRef,
  }),
);

/** The entity "GitOps" tab content (legacy frontend system); show it with `isGitOpsAvailable`. */
export const EntitySrcGitopsContent = srcGitopsPlugin.provide(
  createComponentExtension({
    name: 'EntitySrcGitopsContent',
    component: {
      lazy: () =>
        import('./components/EntityGitOpsContent').then(
          m => m.EntityGitOpsContent,
        ),
    },
  }),
);

/** The entity overview card (legacy frontend system). */
export const EntitySrcGitopsCard = srcGitopsPlugin.provide(
  createComponentExtension({
    name: 'EntitySrcGitopsCard',
    component: {
      lazy: () =>
        import('./components/EntityGitOpsCard').then(m => m.EntityGitOpsCard),
    },
  }),
);
