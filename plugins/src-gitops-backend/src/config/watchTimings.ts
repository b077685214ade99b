import { Config } from '@backstage/config';
import { DEFAULT_TIMINGS, WatcherTimings } from '../cluster/ClusterWatcher';
import { ClusterConfigError } from './clusterConfig';

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!(value > 0))
    throw new ClusterConfigError(
      key,
      `must be a positive number, got ${value}`,
    );
  return value;
}

/** `srcGitops.watch`: how often to relist, when to give up on a silent watch, retry backoff. */
export function readWatchTimings(config: Config): WatcherTimings {
  return {
    resyncMs:
      positive(
        config,
        'srcGitops.watch.resyncSeconds',
        DEFAULT_TIMINGS.resyncMs / 1000,
      ) * 1000,
    idleMs:
      positive(
        config,
        'srcGitops.watch.idleSeconds',
        DEFAULT_TIMINGS.idleMs / 1000,
      ) * 1000,
    watchTimeoutSeconds: DEFAULT_TIMINGS.watchTimeoutSeconds,
    backoffInitialMs: positive(
      config,
      'srcGitops.watch.backoffInitialMs',
      DEFAULT_TIMINGS.backoffInitialMs,
    ),
    backoffMaxMs: positive(
      config,
      'srcGitops.watch.backoffMaxMs',
      DEFAULT_TIMINGS.backoffMaxMs,
    ),
  };
}
