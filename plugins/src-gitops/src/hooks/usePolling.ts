import { useCallback, useEffect, useRef, useState } from 'react';

/** The state of a polled value: the last good value stays while a refresh runs or fails. */
export type Polled<T> = {
  value?: T;
  error?: Error;
  loading: boolean;
  /** When the value was last fetched successfully. */
  updatedAt?: Date;
  refresh: () => Promise<void>;
};

/**
 * Fetches now and then every `intervalMs`, doubling the wait after a failure (up to 8x). The
 * previous value is kept while fetching, so the view never flickers and the user's filters and
 * expanded rows survive each refresh.
 */
export function usePolling<T>(
  fetcher: () => Promise<T>,
  deps: unknown[],
  intervalMs = 10_000,
): Polled<T> {
  const [state, setState] = useState<Omit<Polled<T>, 'refresh'>>({
    loading: true,
  });
  const failures = useRef(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const refresh = useCallback(async () => {
    try {
      const value = await fetcherRef.current();
      failures.current = 0;
      setState({ value, loading: false, updatedAt: new Date() });
    } catch (error) {
      failures.current += 1;
      setState(previous => ({
        ...previous,
        error: error as Error,
        loading: false,
      }));
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState({ loading: true });
    const loop = async () => {
      await refresh();
      if (cancelled) return;
      const backoff = Math.min(2 ** failures.current, 8);
      timer = setTimeout(loop, intervalMs * backoff);
    };
    loop();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, intervalMs, refresh]);

  return { ...state, refresh };
}
