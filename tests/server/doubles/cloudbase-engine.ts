/**
 * TEST DOUBLE of the CloudBase database service — not CloudBase. No machine here can reach WeChat's cloud, so the
 * CloudBase adapter runs against this local engine instead, with the real wx-server-sdk 4.0.2 still in the loop:
 * `install()` answers `@cloudbase/node-sdk`'s `TcbDBApiHttpRequester.prototype.send(api, data)`, the one call through
 * which the SDK sends every database request over HTTP. The SDK builds the requests (MongoDB extended JSON for queries,
 * updates and documents), this engine answers them, the SDK parses the answers. Queries, sorting, update operators and
 * aggregation are evaluated by mingo, a real MongoDB query-language engine.
 *
 * What it models, as documented for CloudBase (a MongoDB service):
 * - collections must exist before they are written (`database.addCollection` creates one);
 * - a `get` returns at most 100 documents however many are asked for (the server SDK's documented default page), so
 *   code that reads more must page with skip/limit;
 * - transactions with snapshot reads and first-writer-wins write conflicts: a transaction that writes a document
 *   another transaction has written (committed after its snapshot, or still holds) fails with a conflict; a plain write
 *   waits for a transaction holding its document;
 * - unique indexes, given to the constructor as an operator would create them in the console.
 *
 * What it does not model: latency unless asked (`latencyMs`, for benchmarks), per-request quotas, security rules (clients never reach the database here),
 * non-unique indexes (everything is a full scan), geo types, realtime watch, error texts beyond the ones below (the real
 * service's exact messages are not published; the adapter matches them loosely).
 */
import { aggregate, find, update as applyUpdate } from 'mingo';

type Doc = { _id: string } & Record<string, unknown>;
interface Version {
  ts: number;
  doc: Doc | null;
}
interface Txn {
  id: string;
  startTs: number;
  /** collection → id → the document this transaction wrote (null: removed). */
  writes: Map<string, Map<string, Doc | null>>;
}

export interface UniqueIndex {
  collection: string;
  fields: string[];
}

export interface EngineOptions {
  uniqueIndexes?: UniqueIndex[];
  /** Documents one `get` answers at most (100, as the server SDK documents). */
  pageLimit?: number;
  /** A round trip's time, drawn uniformly per request (benchmarks: 10–30 ms); none unless given. */
  latencyMs?: { min: number; max: number };
}

/** The shape of the SDK's request data we read; every field arrives as the SDK sends it. */
interface Request {
  collectionName?: string;
  transactionId?: string;
  query?: string;
  order?: string;
  projection?: string;
  offset?: number;
  limit?: number;
  data?: string | string[];
  multi?: boolean;
  merge?: boolean;
  upsert?: boolean;
  stages?: { stageKey: string; stageValue: string }[];
}

/** The EJSON the SDK itself uses (bson 4, a dependency of @cloudbase/database). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { EJSON } = require('bson') as typeof import('bson');

export class CloudBaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const conflict = () =>
  new CloudBaseError('DATABASE_TRANSACTION_CONFLICT', 'WriteConflict: transaction conflict, the document was written by another operation');
const duplicate = (collection: string, what: string) =>
  new CloudBaseError('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${collection} index: ${what}`);

export class CloudBaseEngine {
  private readonly collections = new Map<string, Map<string, Version[]>>();
  private readonly txns = new Map<string, Txn>();
  /** `collection/id` → the transaction that holds the document. */
  private readonly locks = new Map<string, string>();
  private ts = 0;
  private seq = 0;
  readonly uniqueIndexes: UniqueIndex[];
  readonly pageLimit: number;
  private readonly latencyMs: { min: number; max: number } | null;
  /** Requests answered, by api name: lets a test see paging and transactions happen. */
  readonly calls = new Map<string, number>();
  conflicts = 0;

  constructor(options: EngineOptions = {}) {
    this.uniqueIndexes = options.uniqueIndexes ?? [];
    this.pageLimit = options.pageLimit ?? 100;
    this.latencyMs = options.latencyMs ?? null;
  }

  /** Routes every database request of wx-server-sdk (in this module registry) to this engine; returns the undo. */
  install(): () => void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { TcbDBApiHttpRequester } = require('@cloudbase/node-sdk/dist/utils/tcbdbapirequester') as {
      TcbDBApiHttpRequester: { prototype: { send(api: string, data: unknown): Promise<unknown> } };
    };
    const original = TcbDBApiHttpRequester.prototype.send;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const engine = this;
    TcbDBApiHttpRequester.prototype.send = function send(api: string, data: unknown) {
      return engine.send(api, (data ?? {}) as Request);
    };
    return () => {
      TcbDBApiHttpRequester.prototype.send = original;
    };
  }

  /** Drops every collection and transaction. */
  reset(): void {
    this.collections.clear();
    this.txns.clear();
    this.locks.clear();
  }

  collectionNames(): string[] {
    return [...this.collections.keys()].sort();
  }

  /** The committed documents of a collection, for assertions. */
  dump(collection: string): Doc[] {
    return this.view(this.coll(collection), null);
  }

  /** One request, answered the way the HTTP API answers it (a thrown error stands for `{ code, message }`). */
  async send(api: string, data: Request): Promise<unknown> {
    this.calls.set(api, (this.calls.get(api) ?? 0) + 1);
    // Every request is a network round trip: let other callers interleave, as they would against the real service.
    const latency = this.latencyMs;
    await new Promise((resolve) =>
      latency ? setTimeout(resolve, latency.min + Math.random() * (latency.max - latency.min)) : setImmediate(resolve),
    );
    const requestId = `req-${++this.seq}`;
    try {
      switch (api) {
        case 'database.addCollection':
          return { requestId, ...this.addCollection(String(data.collectionName)) };
        case 'database.startTransaction':
          return { requestId, transactionId: this.startTransaction() };
        case 'database.commitTransaction':
          this.commit(this.txn(data.transactionId));
          return { requestId };
        case 'database.abortTransaction':
          this.abort(data.transactionId);
          return { requestId };
        case 'database.getDocument':
          return { requestId, data: this.getDocuments(data) };
        case 'database.calculateDocument':
          return { requestId, data: { total: this.matching(data).length } };
        case 'database.insertDocument':
          return { requestId, data: await this.insert(data) };
        case 'database.modifyDocument':
          return { requestId, data: await this.modify(data) };
        case 'database.removeDocument':
          return { requestId, data: await this.remove(data) };
        case 'database.aggregateDocuments':
          return { requestId, data: this.aggregate(data) };
        default:
          throw new CloudBaseError('INVALID_PARAM', `the CloudBase engine double does not answer ${api}`);
      }
    } catch (err) {
      if (err instanceof CloudBaseError && err.code === 'DATABASE_TRANSACTION_CONFLICT') this.conflicts++;
      // The node-sdk throws `{ code, message, requestId }` for an answer that carries a code (throwOnCode).
      if (err instanceof CloudBaseError) throw Object.assign(err, { requestId });
      throw err;
    }
  }

  private addCollection(name: string): Record<string, never> {
    if (this.collections.has(name)) {
      throw new CloudBaseError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
    }
    this.collections.set(name, new Map());
    return {};
  }

  private coll(name: string | undefined): Map<string, Version[]> {
    const c = this.collections.get(String(name));
    if (!c) throw new CloudBaseError('DATABASE_COLLECTION_NOT_EXIST', 'Db or Table not exist');
    return c;
  }

  private startTransaction(): string {
    const id = `txn-${++this.seq}`;
    this.txns.set(id, { id, startTs: this.ts, writes: new Map() });
    return id;
  }

  private txn(id: string | undefined): Txn {
    const t = id ? this.txns.get(id) : undefined;
    if (!t) throw new CloudBaseError('DATABASE_TRANSACTION_FAIL', 'transaction not found or already finished');
    return t;
  }

  private commit(t: Txn): void {
    // Unique keys are checked again against everything committed since the snapshot.
    for (const [name, writes] of t.writes) {
      for (const doc of writes.values()) this.assertUnique(name, doc, (other) => !writes.has(other._id));
    }
    const ts = ++this.ts;
    for (const [name, writes] of t.writes) {
      const c = this.coll(name);
      for (const [id, doc] of writes) c.set(id, [...(c.get(id) ?? []), { ts, doc }]);
    }
    this.finish(t.id);
  }

  private abort(id: string | undefined): void {
    if (id && this.txns.has(id)) this.finish(id);
  }

  private finish(id: string): void {
    this.txns.delete(id);
    for (const [key, holder] of this.locks) if (holder === id) this.locks.delete(key);
    if (this.txns.size === 0) this.compact();
  }

  /** With no transaction open, old versions serve no snapshot: keep the latest only. */
  private compact(): void {
    for (const c of this.collections.values()) {
      for (const [id, versions] of c) {
        const last = versions[versions.length - 1];
        if (!last?.doc) c.delete(id);
        else if (versions.length > 1) c.set(id, [last]);
      }
    }
  }

  /** The documents a reader sees: the latest committed ones, or a transaction's snapshot with its own writes on top. */
  private view(c: Map<string, Version[]>, t: Txn | null, name?: string): Doc[] {
    const docs: Doc[] = [];
    const own = t && name ? t.writes.get(name) : undefined;
    for (const [id, versions] of c) {
      if (own?.has(id)) continue;
      const visible = t ? [...versions].reverse().find((v) => v.ts <= t.startTs) : versions[versions.length - 1];
      if (visible?.doc) docs.push(visible.doc);
    }
    for (const doc of own?.values() ?? []) if (doc) docs.push(doc);
    return docs;
  }

  private matching(data: Request): Doc[] {
    const t = data.transactionId ? this.txn(data.transactionId) : null;
    const docs = this.view(this.coll(data.collectionName), t, data.collectionName);
    const query = data.query ? (EJSON.parse(data.query) as Record<string, unknown>) : {};
    return find(docs, query).all() as Doc[];
  }

  private getDocuments(data: Request): { list: string[]; limit: number; offset: number } {
    const t = data.transactionId ? this.txn(data.transactionId) : null;
    const docs = this.view(this.coll(data.collectionName), t, data.collectionName);
    const query = data.query ? (EJSON.parse(data.query) as Record<string, unknown>) : {};
    const projection = data.projection ? (EJSON.parse(data.projection) as Record<string, 0 | 1>) : undefined;
    let cursor = find(docs, query, projection);
    if (data.order) cursor = cursor.sort(EJSON.parse(data.order) as Record<string, 1 | -1>);
    const offset = data.offset ?? 0;
    const limit = Math.min(data.limit ?? this.pageLimit, this.pageLimit);
    const page = cursor.skip(offset).limit(limit).all() as Doc[];
    return { list: page.map((d) => EJSON.stringify(d, { relaxed: false })), limit, offset };
  }

  private aggregate(data: Request): { list: string[] } {
    const docs = this.view(this.coll(data.collectionName), null);
    const pipeline = (data.stages ?? []).map((s) => ({ [s.stageKey]: EJSON.parse(s.stageValue) }));
    return { list: aggregate(docs, pipeline).map((d) => EJSON.stringify(d, { relaxed: false })) };
  }

  private async insert(data: Request): Promise<{ insertedIds: string[] }> {
    const name = String(data.collectionName);
    const incoming = (Array.isArray(data.data) ? data.data : [String(data.data)]).map((s) => {
      const doc = EJSON.parse(s) as Doc;
      return { ...doc, _id: doc._id === undefined ? this.newId() : String(doc._id) };
    });
    if (data.transactionId) {
      const t = this.txn(data.transactionId);
      const c = this.coll(name);
      for (const doc of incoming) {
        if (this.view(c, t, name).some((d) => d._id === doc._id)) throw duplicate(name, '_id_');
        this.claim(t, name, doc._id);
        this.assertUnique(name, doc, () => true, t);
        this.ownWrites(t, name).set(doc._id, doc);
      }
    } else {
      await this.waitForLocks(name, incoming.map((d) => d._id));
      const c = this.coll(name);
      for (const doc of incoming) {
        if (c.get(doc._id)?.at(-1)?.doc) throw duplicate(name, '_id_');
        this.assertUnique(name, doc, () => true);
      }
      this.write(name, incoming);
    }
    return { insertedIds: incoming.map((d) => d._id) };
  }

  private async modify(data: Request): Promise<{ updated: number; upsert_id?: string }> {
    const name = String(data.collectionName);
    const change = EJSON.parse(String(data.data)) as Record<string, unknown>;
    const isOperatorUpdate = Object.keys(change).some((k) => k.startsWith('$'));
    const replace = !isOperatorUpdate && data.merge === false;
    const apply = (current: Doc | null, id: string): Doc => {
      if (replace || !current) {
        const base: Doc = { _id: id };
        if (replace) return { ...(change as Record<string, unknown>), _id: id };
        applyUpdate(base, change);
        return base;
      }
      const next = structuredClone(current);
      applyUpdate(next, isOperatorUpdate ? change : { $set: change });
      return next;
    };

    if (data.transactionId) {
      const t = this.txn(data.transactionId);
      const targets = this.matching(data);
      const chosen = data.multi === false ? targets.slice(0, 1) : targets;
      if (!chosen.length && data.upsert) {
        const id = this.idOf(data.query) ?? this.newId();
        this.claim(t, name, id);
        const doc = apply(null, id);
        this.assertUnique(name, doc, () => true, t);
        this.ownWrites(t, name).set(id, doc);
        return { updated: 0, upsert_id: id };
      }
      for (const current of chosen) {
        this.claim(t, name, current._id);
        const doc = apply(current, current._id);
        this.assertUnique(name, doc, (o) => o._id !== doc._id, t);
        this.ownWrites(t, name).set(current._id, doc);
      }
      return { updated: chosen.length };
    }

    // A plain write: match, wait for any transaction holding a match, match again, then write at once.
    for (;;) {
      const targets = this.matching(data);
      const chosen = data.multi === false ? targets.slice(0, 1) : targets;
      if (chosen.some((d) => this.locks.has(`${name}/${d._id}`))) {
        await this.waitForLocks(name, chosen.map((d) => d._id));
        continue;
      }
      if (!chosen.length && data.upsert) {
        const id = this.idOf(data.query) ?? this.newId();
        const doc = apply(null, id);
        this.assertUnique(name, doc, () => true);
        this.write(name, [doc]);
        return { updated: 0, upsert_id: id };
      }
      const docs = chosen.map((current) => apply(current, current._id));
      for (const doc of docs) this.assertUnique(name, doc, (o) => o._id !== doc._id);
      this.write(name, docs);
      return { updated: docs.length };
    }
  }

  private async remove(data: Request): Promise<{ deleted: number }> {
    const name = String(data.collectionName);
    if (data.transactionId) {
      const t = this.txn(data.transactionId);
      const chosen = this.matching(data).slice(0, data.multi === false ? 1 : undefined);
      for (const d of chosen) {
        this.claim(t, name, d._id);
        this.ownWrites(t, name).set(d._id, null);
      }
      return { deleted: chosen.length };
    }
    for (;;) {
      const chosen = this.matching(data).slice(0, data.multi === false ? 1 : undefined);
      if (chosen.some((d) => this.locks.has(`${name}/${d._id}`))) {
        await this.waitForLocks(name, chosen.map((d) => d._id));
        continue;
      }
      const ts = ++this.ts;
      const c = this.coll(name);
      for (const d of chosen) c.set(d._id, [...(c.get(d._id) ?? []), { ts, doc: null }]);
      if (!this.txns.size) this.compact();
      return { deleted: chosen.length };
    }
  }

  /** A transaction takes a document: refused if another holds it or wrote it after this one's snapshot. */
  private claim(t: Txn, name: string, id: string): void {
    const key = `${name}/${id}`;
    const holder = this.locks.get(key);
    if (holder && holder !== t.id) throw conflict();
    const last = this.coll(name).get(id)?.at(-1);
    if (last && last.ts > t.startTs) throw conflict();
    this.locks.set(key, t.id);
  }

  private ownWrites(t: Txn, name: string): Map<string, Doc | null> {
    let w = t.writes.get(name);
    if (!w) t.writes.set(name, (w = new Map()));
    return w;
  }

  private write(name: string, docs: Doc[]): void {
    const ts = ++this.ts;
    const c = this.coll(name);
    for (const doc of docs) c.set(doc._id, [...(c.get(doc._id) ?? []), { ts, doc }]);
    if (!this.txns.size) this.compact();
  }

  private async waitForLocks(name: string, ids: string[]): Promise<void> {
    const deadline = Date.now() + 5000;
    while (ids.some((id) => this.locks.has(`${name}/${id}`))) {
      if (Date.now() > deadline) throw new CloudBaseError('DATABASE_TIMEOUT', 'lock wait timeout');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  /** Refuses a document whose unique key another visible document (not excluded by `keep`) already has. */
  private assertUnique(name: string, doc: Doc | null, keep: (other: Doc) => boolean, t?: Txn): void {
    if (!doc) return;
    const c = this.coll(name);
    for (const index of this.uniqueIndexes.filter((i) => i.collection === name)) {
      const key = JSON.stringify(index.fields.map((f) => valueAt(doc, f) ?? null));
      const others = t ? this.view(c, t, name) : this.view(c, null);
      const clash = others.find(
        (o) => o._id !== doc._id && keep(o) && JSON.stringify(index.fields.map((f) => valueAt(o, f) ?? null)) === key,
      );
      if (clash) throw duplicate(name, index.fields.map((f) => `${f}_1`).join('_'));
    }
  }

  private idOf(query: string | undefined): string | null {
    if (!query) return null;
    const q = EJSON.parse(query) as { _id?: unknown };
    return typeof q._id === 'string' ? q._id : null;
  }

  private newId(): string {
    return `auto${String(++this.seq).padStart(12, '0')}`;
  }
}

function valueAt(doc: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);
}
