import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import { srcGitopsApiRef } from './api/SrcGitopsApi';
import { SrcGitopsClient } from './api/SrcGitopsClient';
import { fleetRouteRef } from './routes';

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

/** The src-gitops plugin for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'src-gitops',
  extensions: [srcGitopsApi, fleetPage],
  routes: { fleet: fleetRouteRef },
});
