/**
 * Benchmark: render and validate a full SRC site (every component, two environments) for each
 * GitOps engine, the work of the template's render and validate steps. Prints the median and
 * p95 of repeated runs after a warm-up (the first run loads the upstream schemas).
 *
 * Run: yarn bench:site   (ITERATIONS=50 to change the sample size)
 */
import { performance } from 'perf_hooks';
import { parseSiteSpec } from '@srcnet/plugin-src-gitops-common';
import {
  renderSite,
  validateSiteFiles,
} from '@srcnet/plugin-scaffolder-backend-module-src-gitops';

const iterations = Number(process.env.ITERATIONS ?? 30);

function fullSite(engine: 'argocd' | 'flux') {
  return parseSiteSpec({
    node: 'UKSRC',
    site: `uksrc-bench-${engine}`,
    owner: 'group:default/uksrc-platform',
    environments: [
      {
        name: 'preprod',
        cluster: `bench-${engine}-preprod`,
        baseDomain: 'preprod.bench.example.org',
      },
      {
        name: 'prod',
        cluster: `bench-${engine}-prod`,
        baseDomain: 'bench.example.org',
      },
    ],
    acmeEmail: 'ops@bench.example.org',
    engine,
    repository: {
      url: 'https://gitlab.com/ska-telescope/src/bench-gitops.git',
    },
    components: {
      'cert-manager': {},
      'external-dns': {
        provider: 'webhook',
        webhookImage: 'ghcr.io/example/webhook:v1.0.0',
      },
      traefik: {},
      'external-secrets': {},
      vault: {},
    },
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

async function measure(engine: 'argocd' | 'flux') {
  const spec = fullSite(engine);
  const once = async () => {
    const start = performance.now();
    const site = renderSite(spec);
    const problems = await validateSiteFiles(site.files, {
      repositoryUrl: spec.repository.url,
    });
    if (problems.length > 0)
      throw new Error(`benchmark site is invalid: ${JSON.stringify(problems)}`);
    return { ms: performance.now() - start, files: site.files.length };
  };
  const cold = await once();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) samples.push((await once()).ms);
  samples.sort((a, b) => a - b);
  return {
    engine,
    files: cold.files,
    coldMs: cold.ms,
    medianMs: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
  };
}

async function main() {
  console.log(
    `render + validate a full site, ${iterations} runs per engine after one cold run`,
  );
  console.log('engine  files  cold ms  median ms  p95 ms');
  for (const engine of ['argocd', 'flux'] as const) {
    const r = await measure(engine);
    console.log(
      `${r.engine.padEnd(7)} ${String(r.files).padStart(5)} ${r.coldMs
        .toFixed(1)
        .padStart(8)} ${r.medianMs.toFixed(1).padStart(10)} ${r.p95Ms
        .toFixed(1)
        .padStart(7)}`,
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
