export { ClusterProblems, SimulatedNotice } from './ClusterProblems';
