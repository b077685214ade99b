export { ClusterProblems } from './ClusterProblems';
