import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * Loads data for a page through TanStack Query: cached by `key` (so going back to a page shows it at
 * once while it is refreshed), retried once on a network failure, and the same loading, error and
 * reload states on every page. `key` names the data and everything `load` depends on.
 */
export function useLoad<T>(key: readonly unknown[], load: () => Promise<T>) {
  const q = useQuery({ queryKey: key, queryFn: load });
  return {
    data: q.data ?? null,
    error: q.error,
    loading: q.isFetching,
    /** Fetches again; resolves once the new data is shown (so a notice never precedes it). */
    reload: async (): Promise<void> => {
      await q.refetch();
    },
  };
}

/** Runs a user's action: clears the last message, shows the error (or a notice) it ends with. */
export function useAction() {
  const [error, setError] = useState<Error | null>(null);
  const [notice, setNotice] = useState('');
  const run = async (fn: () => Promise<unknown>, done = ''): Promise<boolean> => {
    setError(null);
    setNotice('');
    try {
      await fn();
      setNotice(done);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
      return false;
    }
  };
  return { error, notice, run };
}
