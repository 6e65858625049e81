import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { messageOf } from './failure';

export interface MutationOptions {
  /**
   * Whether a failure shows as a toast (the default). Pages that show the message beside the form
   * (or field messages under their fields) pass false and read `error` / `message`.
   */
  toast?: boolean;
}

export interface RunOptions {
  /** Called with what was thrown, after `error` is set: e.g. reload when the answer says the page is stale. */
  onFailure?: (failure: unknown) => void;
}

export interface Mutation {
  /** True from the tap until the work (and whatever it awaits after the call) has finished. */
  busy: boolean;
  /** What the last run threw (an `ApiFailure` from the server or the network); null once a run starts. */
  error: unknown;
  /** The Chinese message of `error`, fit to show as is. */
  message: string | null;
  /**
   * Runs one change: its answer, or null when it failed or another change was still running.
   * Follow-ups that should keep the page busy (a toast, a reload) belong inside `work`.
   */
  run: <T>(work: () => Promise<T>, options?: RunOptions) => Promise<T | null>;
  /** Forgets the last failure (the person edited the field it was about, or left the form). */
  clear: () => void;
}

/** One change at a time through `callApi`: busy while it runs, a second tap meanwhile does nothing, a failure in Chinese. */
export function useMutation({ toast = true }: MutationOptions = {}): Mutation {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // State updates arrive a render late; a second tap in the same frame must already see the first.
  const running = useRef(false);

  const run = useCallback(
    async <T>(work: () => Promise<T>, options: RunOptions = {}): Promise<T | null> => {
      if (running.current) return null;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        return await work();
      } catch (e) {
        setError(e);
        if (toast) void Taro.showToast({ title: messageOf(e), icon: 'none' });
        options.onFailure?.(e);
        return null;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [toast],
  );

  const clear = useCallback(() => setError(null), []);

  return { busy, error, message: error ? messageOf(error) : null, run, clear };
}
