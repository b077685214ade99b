/**
 * fleet-simulator: serves simulated SRC clusters until stopped.
 *
 *   fleet-simulator [--fleet examples|generated] [--sites N] [--objects N] [--tick-ms N]
 *                   [--kubeconfig FILE] [--backend-config FILE] [--admin-port N]
 *                   [--faults '{"cluster-name": {"latencyMs": [50, 150]}}']
 */
import { Fleet } from './fleet';
import { EXAMPLE_FLEET, generatedFleet } from './scenarios';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  const objects = Number(arg('objects', '24'));
  const clusters =
    arg('fleet', 'examples') === 'generated'
      ? generatedFleet(Number(arg('sites', '100')), objects)
      : EXAMPLE_FLEET.map(c => ({ ...c, objects }));
  const fleet = await Fleet.start({
    clusters,
    tickMs: Number(arg('tick-ms', '1000')),
    adminPort: Number(arg('admin-port', '0')),
    faults: JSON.parse(arg('faults', '{}')!),
  });
  fleet.writeFiles({
    kubeconfigPath: arg('kubeconfig'),
    backendConfigPath: arg('backend-config'),
  });
  console.log(
    `fleet simulator: ${fleet.clusters.size} clusters, control API ${fleet.adminUrl}`,
  );
  for (const c of fleet.clusters.values())
    console.log(
      `  ${c.spec.name.padEnd(28)} ${c.spec.engine.padEnd(7)} ${c.server.url}`,
    );
  const stop = () => fleet.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
