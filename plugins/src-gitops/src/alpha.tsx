import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import { srcGitopsApiRef } from './api/SrcGitopsApi';
import { SrcGitopsClient } from './api/SrcGitopsClient';
import { fleetRouteRef } from './routes';
import { isGitOpsAvailable } from './conditions';

const srcGitopsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: srcGitopsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SrcGitopsClient({ discoveryApi, fetchApi }),
    }),
});

const fleetPage = PageBlueprint.make({
  params: {
    path: '/gitops-fleet',
    title: 'GitOps fleet',
    icon: <CloudQueueIcon />,
    routeRef: fleetRouteRef,
    loader: () => import('./components/FleetPage').then(m => <m.FleetPage />),
  },
});

const entityGitOpsContent = EntityContentBlueprint.make({
  params: {
    path: 'gitops',
    title: 'GitOps',
    filter: isGitOpsAvailable,
    loader: () =>
      import('./components/EntityGitOpsContent').then(m => (
        <m.EntityGitOpsContent />
      )),
  },
});

const entityGitOpsCard = EntityCardBlueprint.make({
  params: {
    filter: isGitOpsAvailable,
    loader: () =>
      import('./components/EntityGitOpsCard').then(m => <m.EntityGitOpsCard />),
  },
});

/** The src-gitops plugin for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'src-gitops',
  extensions: [srcGitopsApi, fleetPage, entityGitOpsContent, entityGitOpsCard],
  routes: { fleet: fleetRouteRef },
});
