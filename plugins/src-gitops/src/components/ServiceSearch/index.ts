export { ServiceSearch } from './ServiceSearch';
