import { SimClusterSpec } from './seedCluster';

/** The example SRCNet sites of examples/, as simulated clusters (the demo fleet). */
export const EXAMPLE_FLEET: Array<Omit<SimClusterSpec, 'objects'>> = [
  {
    name: 'chsrc-dev',
    site: 'chsrc-main',
    node: 'CHSRC',
    engine: 'argocd',
    environment: 'dev',
    apiGeneration: 'ga',
    scenario: 'progressing',
  },
  {
    name: 'chsrc-prod',
    site: 'chsrc-main',
    node: 'CHSRC',
    engine: 'argocd',
    environment: 'prod',
    apiGeneration: 'ga',
    scenario: 'healthy',
  },
  {
    name: 'uksrc-ral-prod',
    site: 'uksrc-ral-prod',
    node: 'UKSRC',
    engine: 'flux',
    environment: 'prod',
    apiGeneration: 'ga',
    scenario: 'healthy',
  },
  {
    name: 'uksrc-ral-preprod',
    site: 'uksrc-ral-preprod',
    node: 'UKSRC',
    engine: 'flux',
    environment: 'preprod',
    apiGeneration: 'ga',
    scenario: 'drift',
  },
  {
    name: 'uksrc-cambridge-prod',
    site: 'uksrc-cambridge-prod',
    node: 'UKSRC',
    engine: 'flux',
    environment: 'prod',
    apiGeneration: 'ga',
    scenario: 'degraded',
  },
  {
    name: 'uksrc-jodrell-prod',
    site: 'uksrc-jodrell-prod',
    node: 'UKSRC',
    engine: 'flux',
    environment: 'prod',
    apiGeneration: 'ga',
    scenario: 'suspended',
  },
  // ESPSRC's repository still uses the beta Flux APIs.
  {
    name: 'espsrc-prod',
    site: 'espsrc-main',
    node: 'ESPSRC',
    engine: 'flux',
    environment: 'prod',
    apiGeneration: 'beta',
    scenario: 'healthy',
  },
  {
    name: 'skaosrc-prod',
    site: 'skaosrc-main',
    node: 'SKAOSRC',
    engine: 'argocd',
    environment: 'prod',
    apiGeneration: 'ga',
    scenario: 'degraded',
  },
  {
    name: 'itsrc-ct-prod',
    site: 'itsrc-ct',
    node: 'ITSRC',
    engine: 'argocd',
    environment: 'prod',
    apiGeneration: 'ga',
    scenario: 'healthy',
  },
  {
    name: 'itsrc-ada-prod',
    site: 'itsrc-ada',
    node: 'ITSRC',
    engine: 'argocd',
    environment: 'prod',
    apiGeneration: 'ga',
    scenario: 'healthy',
  },
];

const NODES = [
  'AUSSRC',
  'CANSRC',
  'CHSRC',
  'CNSRC',
  'ESPSRC',
  'ITSRC',
  'JPSRC',
  'KRSRC',
  'SKAOSRC',
  'SWESRC',
  'UKSRC',
];
const SCENARIOS: SimClusterSpec['scenario'][] = [
  'healthy',
  'healthy',
  'healthy',
  'healthy',
  'degraded',
  'progressing',
  'drift',
  'suspended',
];

/** A generated fleet of `sites` single-cluster sites, alternating engines, for benchmarks. */
export function generatedFleet(
  sites: number,
  objects: number,
): SimClusterSpec[] {
  return Array.from({ length: sites }, (_, i) => {
    const node = NODES[i % NODES.length];
    const site = `${node.toLowerCase()}-site-${String(i).padStart(3, '0')}`;
    return {
      name: `${site}-prod`,
      site,
      node,
      engine: i % 2 === 0 ? 'argocd' : 'flux',
      environment: 'prod',
      apiGeneration: i % 10 === 3 ? 'beta' : 'ga',
      objects,
      scenario: SCENARIOS[i % SCENARIOS.length],
    } satisfies SimClusterSpec;
  });
}
