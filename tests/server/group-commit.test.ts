import { groupCommit, type BatchOutcome } from '../../cloudfunctions/api/src/adapters/sql/group-commit';

/** A writer that records each batch and answers when the test lets it. */
function recordingWriter() {
  const batches: { key: string; batch: number[] }[] = [];
  let release: () => void = () => undefined;
  let gate = new Promise<void>((r) => (release = r));
  const write = async (key: string, batch: number[]): Promise<BatchOutcome<string>[]> => {
    batches.push({ key, batch });
    await gate;
    return batch.map((n) => (n < 0 ? { ok: false, error: new Error(`refused ${n}`) } : { ok: true, value: `${key}:${n}` }));
  };
  return {
    batches,
    write,
    open() {
      release();
      gate = Promise.resolve();
    },
  };
}

describe('group commit', () => {
  it('writes the calls of one turn together, and the calls that arrive while it is written in the next batch, in arrival order', async () => {
    const writer = recordingWriter();
    const submit = groupCommit(writer.write);
    const answers = [1, 2].map((n) => submit('ev-1', n));
    while (!writer.batches.length) await new Promise((r) => setImmediate(r));
    answers.push(...[3, 4].map((n) => submit('ev-1', n)));
    writer.open();
    expect(await Promise.all(answers)).toEqual(['ev-1:1', 'ev-1:2', 'ev-1:3', 'ev-1:4']);
    expect(writer.batches).toEqual([
      { key: 'ev-1', batch: [1, 2] },
      { key: 'ev-1', batch: [3, 4] },
    ]);
  });

  it('when requests arrive in separate callbacks of one turn and the writer never yields (PGlite), then they still go in one batch', async () => {
    const batches: number[][] = [];
    // Answers at once, as PGlite's synchronous queries do: nothing else runs while a batch is written.
    const submit = groupCommit<number, number>(async (_key, batch) => {
      batches.push(batch);
      return batch.map((n) => ({ ok: true, value: n }));
    });
    // Like sockets read in one poll of the event loop: one callback each, a batch could start after any of them.
    const answers = await new Promise<Promise<number>[]>((resolve) => {
      const pending: Promise<number>[] = [];
      for (const n of [1, 2, 3]) setTimeout(() => pending.push(submit('ev-1', n)), 0);
      setTimeout(() => resolve(pending), 0);
    });
    expect(await Promise.all(answers)).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('keeps the batches of different keys apart', async () => {
    const writer = recordingWriter();
    const submit = groupCommit(writer.write);
    const answers = [submit('ev-1', 1), submit('ev-2', 1), submit('ev-1', 2), submit('ev-2', 2)];
    writer.open();
    expect(await Promise.all(answers)).toEqual(['ev-1:1', 'ev-2:1', 'ev-1:2', 'ev-2:2']);
    expect(writer.batches.every((b) => b.batch.length >= 1)).toBe(true);
    expect(writer.batches.filter((b) => b.key === 'ev-1').flatMap((b) => b.batch)).toEqual([1, 2]);
  });

  it('refuses only the call its outcome refuses, and every call of a batch whose write failed', async () => {
    const writer = recordingWriter();
    const submit = groupCommit(writer.write);
    const first = submit('ev-1', 1);
    const refused = submit('ev-1', -2);
    const fine = submit('ev-1', 3);
    writer.open();
    await expect(first).resolves.toBe('ev-1:1');
    await expect(refused).rejects.toThrow('refused -2');
    await expect(fine).resolves.toBe('ev-1:3');

    const failing = groupCommit<number, string>(async () => {
      throw new Error('connection lost');
    });
    await expect(Promise.all([failing('ev-1', 1), failing('ev-1', 2)])).rejects.toThrow('connection lost');
  });

  it('takes at most the batch size at a time', async () => {
    const writer = recordingWriter();
    const submit = groupCommit(writer.write, 2);
    const answers = [1, 2, 3, 4, 5].map((n) => submit('ev-1', n));
    writer.open();
    await Promise.all(answers);
    expect(writer.batches.map((b) => b.batch)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
