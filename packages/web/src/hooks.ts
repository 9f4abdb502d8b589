import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api.ts';

/** Loads data for a page: loading, error and reload, so every page shows the same states. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data: T | null; error: ApiError | Error | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  // The caller names what `load` depends on, as with useEffect.
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    run().then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) =>
        setState({
          data: null,
          error: error instanceof Error ? error : new Error(String(error)),
          loading: false,
        }),
    );
  }, [run]);
  useEffect(reload, [reload]);
  return { ...state, reload };
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
