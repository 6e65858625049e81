/**
 * The part of wx-server-sdk's database API this adapter uses, typed narrowly (the SDK's own typings answer
 * `Promise<…> | void | string`), and the helpers every repository shares: paging, transactions with retry, dates.
 * The database must be created with `throwOnNotFound: false`, so a missing document reads as `null`.
 */
import { DomainError } from '../../core/errors';

export type Doc = { _id: string } & Record<string, unknown>;
/** A query condition: field → value or `db.command` expression. */
export type Where = Record<string, unknown>;

export interface CloudQuery {
  where(condition: Where | unknown): CloudQuery;
  orderBy(field: string, order: 'asc' | 'desc'): CloudQuery;
  skip(offset: number): CloudQuery;
  limit(max: number): CloudQuery;
  /** Projection: `{ field: true }` keeps only those fields (and `_id`). */
  field(projection: Record<string, boolean>): CloudQuery;
  get(): Promise<{ data: Doc[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface CloudDocument {
  get(): Promise<{ data: Doc | null }>;
  set(options: { data: Record<string, unknown> }): Promise<unknown>;
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<unknown>;
}

export interface CloudAggregate {
  match(condition: Where): CloudAggregate;
  group(spec: Record<string, unknown>): CloudAggregate;
  sort(spec: Record<string, 1 | -1>): CloudAggregate;
  limit(max: number): CloudAggregate;
  end(): Promise<{ list: Record<string, unknown>[] }>;
}

export interface CloudCollection extends CloudQuery {
  doc(id: string): CloudDocument;
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>;
  aggregate(): CloudAggregate;
}

/** Inside a transaction only single-document operations are transactional (CloudBase's rule; `where` is not). */
export interface CloudTransaction {
  collection(name: string): { doc(id: string): CloudDocument; add(options: { data: Record<string, unknown> }): Promise<unknown> };
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

/** `db.command`: opaque expressions the SDK serialises. */
export interface Command {
  eq(v: unknown): unknown;
  neq(v: unknown): unknown;
  lt(v: unknown): unknown;
  lte(v: unknown): unknown;
  gt(v: unknown): unknown;
  gte(v: unknown): unknown;
  in(v: unknown[]): unknown;
  all(v: unknown[]): unknown;
  and(...conditions: unknown[]): unknown;
  or(...conditions: unknown[]): unknown;
  inc(n: number): unknown;
  /** Sets the field to this value whole: an object replaces the old one instead of being merged into it. */
  set(v: unknown): unknown;
  addToSet(v: unknown): unknown;
  pull(v: unknown): unknown;
  aggregate: {
    sum(v: unknown): unknown;
    dateToString(v: { date: string; format: string; timezone?: string }): unknown;
  };
}

export interface CloudDb {
  readonly command: Command;
  collection(name: string): CloudCollection;
  createCollection(name: string): Promise<unknown>;
  startTransaction(): Promise<CloudTransaction>;
}

/**
 * How the database must be created: `cloud.database(DATABASE_OPTIONS)`. wx-server-sdk reads `throwOnNotFound` (a missing
 * document then reads as null instead of throwing) but its typings do not list it, hence the loose type.
 */
export const DATABASE_OPTIONS: Record<string, unknown> = { throwOnNotFound: false };

/** What one `get()` returns at most on the server SDK; longer reads page with skip/limit. */
export const PAGE = 100;

/** Every matching document (up to `max`), a page of at most 100 at a time. */
export async function getAll(query: CloudQuery, max = Number.POSITIVE_INFINITY): Promise<Doc[]> {
  const out: Doc[] = [];
  for (;;) {
    const want = Math.min(PAGE, max - out.length);
    if (want <= 0) return out;
    const { data } = await query.skip(out.length).limit(want).get();
    out.push(...data);
    if (data.length < want) return out;
  }
}

/**
 * Makes a value unique across a collection the way CloudBase guarantees without any index: the value is the `_id` of a
 * document in `unique_keys`, claimed inside the caller's transaction, so two claims of one value conflict and only one
 * commits. Answers the record that already holds the value, or null once it is claimed for `ref`.
 */
export async function claimUnique(tx: CloudTransaction, key: string, ref: string): Promise<string | null> {
  const doc = tx.collection('unique_keys').doc(key);
  const { data } = await doc.get();
  if (data) return String(data.ref);
  await doc.set({ data: { ref } });
  return null;
}

export async function releaseUnique(tx: CloudTransaction, key: string): Promise<void> {
  await tx.collection('unique_keys').doc(key).remove();
}

export async function getOne(query: CloudQuery): Promise<Doc | null> {
  const { data } = await query.limit(1).get();
  return data[0] ?? null;
}

/**
 * Retries of a conflicting transaction: random pauses growing from ~10 ms to a second, within a budget that stays under
 * the function's timeout (set it to 20 s, README). Transactions on one event take turns; under a burst of sign-ups for
 * one event the later ones wait, and past the budget the caller gets INTERNAL ("服务暂时不可用，请稍后再试").
 */
const RETRY_BUDGET_MS = 12_000;

/**
 * Runs `work` in a CloudBase transaction and commits it. CloudBase transactions are optimistic (snapshot reads,
 * first writer wins): a write to a document another transaction holds or changed fails with a conflict, and the whole
 * transaction is run again after a short random pause. So `work` may run more than once and must only compute from what
 * it reads. Anything else it throws (a DomainError from a guard) rolls back and is rethrown at once.
 */
export async function inTransaction<T>(db: CloudDb, work: (tx: CloudTransaction) => Promise<T>): Promise<T> {
  const deadline = Date.now() + RETRY_BUDGET_MS;
  for (let attempt = 1; ; attempt++) {
    const tx = await db.startTransaction();
    try {
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (err) {
      await tx.rollback().catch(() => undefined);
      if (!isConflict(err) || Date.now() >= deadline) throw err;
      await pause(attempt);
    }
  }
}

/**
 * One try of a transaction, no retry: answers 'conflict' when another transaction holds or changed what `work` writes
 * (the caller has something better to do than to run it again at once). Anything else thrown rolls back and is rethrown.
 */
export async function tryTransaction<T>(db: CloudDb, work: (tx: CloudTransaction) => Promise<T>): Promise<T | 'conflict'> {
  const tx = await db.startTransaction();
  try {
    const result = await work(tx);
    await tx.commit();
    return result;
  } catch (err) {
    await tx.rollback().catch(() => undefined);
    if (isConflict(err)) return 'conflict';
    throw err;
  }
}

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 5 * 2 ** attempt)));

/**
 * The SDK reports errors in three shapes (node-sdk `{ code, message }`, wx-server-sdk `{ errCode, errMsg }` whose text
 * keeps the service's message); the service's exact texts are not published, so these match the words that matter.
 */
function errorText(err: unknown): string {
  if (!err || typeof err !== 'object' || err instanceof DomainError) return '';
  const e = err as { code?: unknown; errCode?: unknown; message?: unknown; errMsg?: unknown };
  return [e.code, e.errCode, e.message, e.errMsg].filter((v) => v !== undefined).join(' ');
}

export const isConflict = (err: unknown): boolean => /conflict/i.test(errorText(err));
export const isDuplicateKey = (err: unknown): boolean => /E11000|duplicate key/i.test(errorText(err));

/** Instants are stored as dates (the console shows them as times, range queries compare them); the ports speak ISO. */
export function toDate(iso: string): Date;
export function toDate(iso: string | null): Date | null;
export function toDate(iso: string | null): Date | null {
  return iso === null ? null : new Date(iso);
}

export function isoOf(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : isoOf(value);
}

export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * A number that grows with every call in this instance and with time across instances: orders entries written in the
 * same millisecond (a test's frozen clock, two audit entries of one request) without a shared counter.
 */
let lastOrdinal = 0;
export function nextOrdinal(): number {
  lastOrdinal = Math.max(lastOrdinal + 1, Date.now() * 1000);
  return lastOrdinal;
}
