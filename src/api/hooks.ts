import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput } from '@shared/contract';
import type { Page } from '@shared/common';
import { callApi } from './callApi';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Loads again, keeping what is shown until the answer arrives. */
  reload: () => Promise<void>;
}

/**
 * Runs `load` when `key` changes (and not while `enabled` is false), keeping only the latest answer.
 * `load` is read through a ref, so callers may pass an inline function.
 */
export function useLoader<T>(load: () => Promise<T>, key: string, enabled = true): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(enabled);
  const loadRef = useRef(load);
  loadRef.current = load;
  const latest = useRef(0);

  const run = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const value = await loadRef.current();
      if (ticket === latest.current) setData(value);
    } catch (e) {
      if (ticket === latest.current) setError(e);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (!enabled) {
      latest.current++;
      setData(null);
      setLoading(false);
      return;
    }
    void run();
  }, [key, enabled, run]);

  useEffect(() => () => {
    // Answers arriving after unmount are dropped.
    latest.current++;
  }, []);

  return { data, error, loading, reload: run };
}

/**
 * One action of the contract, loaded when its payload changes
 * (or `version` does: a login changes who is asking, not what is asked).
 */
export function useAction<A extends ActionName>(
  action: A,
  payload: ActionInput<A>,
  options: { enabled?: boolean; version?: number } = {},
): Loaded<ActionOutput<A>> {
  const key = `${action}:${JSON.stringify(payload)}:${options.version ?? 0}`;
  return useLoader(() => callApi(action, payload), key, options.enabled ?? true);
}

export interface PagedList<T> {
  items: T[];
  /** First page loading (or a refresh with nothing shown yet). */
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  hasMore: boolean;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** Repeats whichever of refresh / loadMore failed last. */
  retry: () => Promise<void>;
}

/**
 * A cursor-paged list: first page on `key` change, `loadMore` appends, `refresh` starts over. `seed` may hand over the
 * first page already in hand (the events page served with the HTML); it is asked once, for the first load only.
 */
export function usePagedList<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  key: string,
  seed?: () => Page<T> | null,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const latest = useRef(0);
  const busy = useRef(false);
  const failed = useRef<'refresh' | 'more'>('refresh');
  const seedRef = useRef(seed);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    busy.current = true;
    setLoading(true);
    setLoadingMore(false);
    setError(null);
    try {
      const seeded = seedRef.current?.() ?? null;
      seedRef.current = undefined;
      const page = seeded ?? (await fetchRef.current(undefined));
      if (ticket !== latest.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
    } catch (e) {
      failed.current = 'refresh';
      if (ticket === latest.current) setError(e);
    } finally {
      if (ticket === latest.current) {
        setLoading(false);
        busy.current = false;
      }
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (busy.current || cursor === null) return;
    const ticket = latest.current;
    busy.current = true;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await fetchRef.current(cursor);
      if (ticket !== latest.current) return;
      setItems((shown) => [...shown, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      failed.current = 'more';
      if (ticket === latest.current) setError(e);
    } finally {
      if (ticket === latest.current) {
        setLoadingMore(false);
        busy.current = false;
      }
    }
  }, [cursor]);

  useEffect(() => {
    setItems([]);
    setCursor(null);
    void refresh();
  }, [key, refresh]);

  useEffect(() => () => {
    latest.current++;
  }, []);

  const retry = useCallback(() => (failed.current === 'more' ? loadMore() : refresh()), [loadMore, refresh]);

  return { items, loading, loadingMore, error, hasMore: cursor !== null, refresh, loadMore, retry };
}
