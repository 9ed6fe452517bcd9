/**
 * Load data from the background and keep it fresh: re-runs the request whenever the background
 * broadcasts a change (optionally filtered), so every open view shows edits made elsewhere.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onChange, send } from '../lib/messaging/client';
import type { ChangeEvent, RequestPayload, RequestType, Responses } from '../lib/messaging/protocol';

export interface RequestState<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => Promise<void>;
}

export function useRequest<T extends RequestType>(
  type: T,
  payload: RequestPayload<T> | null,
  options: { refreshOn?: (event: ChangeEvent) => boolean } = {},
): RequestState<Responses[T]> {
  const [data, setData] = useState<Responses[T]>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(payload !== null);
  const key = payload === null ? null : JSON.stringify(payload);
  const latest = useRef(0);
  const refreshOn = useRef(options.refreshOn);
  refreshOn.current = options.refreshOn;

  const reload = useCallback(async () => {
    if (key === null) return;
    const ticket = ++latest.current;
    try {
      const result = await send(type, JSON.parse(key) as RequestPayload<T>);
      if (ticket !== latest.current) return; // a newer request superseded this one
      setData(result);
      setError(undefined);
    } catch (err) {
      if (ticket !== latest.current) return;
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [type, key]);

  useEffect(() => {
    setLoading(key !== null);
    void reload();
    return onChange((event) => {
      if (!refreshOn.current || refreshOn.current(event)) void reload();
    });
  }, [reload]);

  return { data, error, loading, reload };
}
