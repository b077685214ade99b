/**
 * Test equipment: a Kubernetes-API-compatible simulator of many SRC clusters.
 *
 * @packageDocumentation
 */
export { Fleet } from './fleet';
export type { FleetOptions, SimCluster } from './fleet';
export { ClusterServer } from './clusterServer';
export type { ClusterTokens } from './clusterServer';
export type { ClusterFaults } from './faults';
export { ClusterStore } from './clusterStore';
export type { KubeObject } from './clusterStore';
export { seedCluster } from './seedCluster';
export type { SimClusterSpec } from './seedCluster';
export { EXAMPLE_FLEET, generatedFleet } from './scenarios';
export { reconcile } from './reconciler';
export { eventually } from './eventually';
