/** Loads data for a page and reloads it on demand; errors already went through the http handler. */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Request<T> {
  data: T | undefined;
  loading: boolean;
  error: Error | undefined;
  reload(): void;
}

export function useRequest<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Request<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();
  const [generation, setGeneration] = useState(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    loader
      .current(controller.signal)
      .then((value) => {
        if (!controller.signal.aborted) {
          setData(value);
          setError(undefined);
        }
      })
      .catch((cause: Error) => {
        if (!controller.signal.aborted) setError(cause);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, loading, error, reload };
}
