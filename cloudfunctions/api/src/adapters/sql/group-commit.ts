/**
 * Group commit: calls for the same key that arrive while a batch for that key is being written wait, and go together
 * in the next batch — one transaction for many. Under a rush of sign-ups for one event, the event row is locked once
 * per batch instead of once per person, and every guarantee of the one-at-a-time path holds, because a batch decides
 * its calls one after another, in arrival order, on the locked row.
 */
export type BatchOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Waiting<C, R> {
  command: C;
  resolve(value: R): void;
  reject(error: unknown): void;
}

interface Queue<C, R> {
  waiting: Waiting<C, R>[];
  running: boolean;
}

/**
 * `write` gets a batch in arrival order and answers one outcome per call, in the same order. If `write` itself throws
 * (the transaction failed), every call of that batch gets that error, and nothing of the batch was written.
 */
export function groupCommit<C, R>(
  write: (key: string, batch: C[]) => Promise<BatchOutcome<R>[]>,
  maxBatch = 500,
): (key: string, command: C) => Promise<R> {
  const queues = new Map<string, Queue<C, R>>();

  async function drain(key: string, queue: Queue<C, R>): Promise<void> {
    queue.running = true;
    while (queue.waiting.length) {
      // Let the requests that arrived with this one join it first. On PGlite a whole batch runs without giving the
      // event loop back (its queries are synchronous WASM), so without this wait every batch held one request: the
      // 1,000-person storm over HTTP went one by one (157 req/s). One macrotask costs well under a millisecond.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = queue.waiting.splice(0, maxBatch);
      try {
        const outcomes = await write(key, batch.map((w) => w.command));
        batch.forEach((w, i) => {
          const outcome = outcomes[i];
          if (!outcome) w.reject(new Error('group commit: no outcome for a call of the batch'));
          else if (outcome.ok) w.resolve(outcome.value);
          else w.reject(outcome.error);
        });
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    queue.running = false;
    queues.delete(key);
  }

  return (key, command) =>
    new Promise<R>((resolve, reject) => {
      let queue = queues.get(key);
      if (!queue) {
        queue = { waiting: [], running: false };
        queues.set(key, queue);
      }
      queue.waiting.push({ command, resolve, reject });
      if (!queue.running) void drain(key, queue);
    });
}
