import { spawn } from 'child_process';
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';

/** The p-th percentile of sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

/**
 * Starts the fleet simulator with a generated fleet in its own process, so its work does not
 * share the benchmarked backend's event loop. Answers its control API URL and the backend
 * config it wrote (cluster URLs, tokens and CAs).
 */
export async function startSimulator(
  dir: string,
  faults: Record<string, unknown>,
  fleet: { sites: number; objects: number },
) {
  const configPath = path.join(dir, 'backend.yaml');
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@backstage/cli/config/nodeTransform.cjs',
      'packages/fleet-simulator/src/cli.ts',
      '--fleet',
      'generated',
      '--sites',
      String(fleet.sites),
      '--objects',
      String(fleet.objects),
      '--tick-ms',
      '1000',
      '--backend-config',
      configPath,
      '--faults',
      JSON.stringify(faults),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const adminUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', chunk => {
      out += chunk;
      const m = out.match(/control API (http:\/\/[\d.:]+)/);
      if (m) resolve(m[1]);
    });
    child.on('exit', code =>
      reject(new Error(`simulator exited with ${code}`)),
    );
  });
  return {
    child,
    adminUrl,
    config: parse(fs.readFileSync(configPath, 'utf8')),
  };
}
