export { FleetPage, FleetContent } from './FleetPage';
