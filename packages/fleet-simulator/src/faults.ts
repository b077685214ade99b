/** Faults a simulated cluster can be told to show, as real clusters and networks do. */
export type ClusterFaults = {
  /** Added latency per call, in ms (a fixed value, or [min, max]). */
  latencyMs?: number | [number, number];
  /** Share of calls answered 500 InternalError (0..1). */
  errorRate?: number;
  /** Accept the connection and never answer. */
  hang?: boolean;
  /** Reset the connection without an answer. */
  reset?: boolean;
  /** Answer 200 with a body that is not JSON. */
  malformed?: boolean;
  /** Every token is rejected (401), as after a service-account token expired. */
  expiredToken?: boolean;
  /** The API server is down: its port refuses connections. */
  down?: boolean;
};

export function latencyOf(faults: ClusterFaults, random: () => number): number {
  const l = faults.latencyMs;
  if (l === undefined) return 0;
  if (typeof l === 'number') return l;
  return l[0] + random() * (l[1] - l[0]);
}
