import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { PlatformServiceSearchFilters } from '@srcnet/plugin-src-gitops-common';
import { srcGitopsApiRef } from '../api/SrcGitopsApi';

/** Debounces a value, so a search runs when typing pauses rather than on every key. */
function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/**
 * Searches the platform service index; idle (no request) until there is a term or a filter.
 */
export function useServiceSearch(
  term: string,
  filters: PlatformServiceSearchFilters,
  delayMs = 300,
) {
  const api = useApi(srcGitopsApiRef);
  const query = useDebounced(
    JSON.stringify({ term: term.trim(), filters }),
    delayMs,
  );
  const state = useAsync(async () => {
    const parsed = JSON.parse(query) as {
      term: string;
      filters: PlatformServiceSearchFilters;
    };
    const active = Object.values(parsed.filters).some(Boolean);
    if (!parsed.term && !active) return undefined;
    return api.searchServices(parsed);
  }, [api, query]);
  return { ...state, idle: !state.loading && !state.error && !state.value };
}
