import { createRouteRef } from '@backstage/core-plugin-api';

export const fleetRouteRef = createRouteRef({ id: 'src-gitops:fleet' });
