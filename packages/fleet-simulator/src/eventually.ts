/**
 * Polls until `check` answers a value: the fleet, the catalog and the search index all change
 * asynchronously, so tests and benchmarks wait for a condition rather than for a time.
 * A `check` that throws is retried; the last error is named if time runs out, with what
 * `diagnose` reports then.
 */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  options: {
    what?: string;
    timeoutMs?: number;
    intervalMs?: number;
    diagnose?: () => Promise<unknown>;
  } = {},
): Promise<T> {
  const {
    what = 'the condition',
    timeoutMs = 15_000,
    intervalMs = 100,
  } = options;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const state = options.diagnose
        ? `; state: ${JSON.stringify(await options.diagnose())}`
        : '';
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${
          last ? `: ${String(last)}` : ''
        }${state}`,
      );
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
}
