/**
 * Payload generators for the property test over every action: valid inputs drawn from each action's own schema,
 * near-valid ones (a valid input with one field spoiled) and hostile ones (anything at all).
 *
 * zod-fast-check copes with most schemas, including `.strict()`, transforms, refinements and `superRefine` — but it
 * meets a refinement by filtering random values, so it gives up on the narrow ones: `Phone`, `BirthMonth` and the
 * USCC checksum. Those get their own small arbitraries below. Ids, openids and cursors are mixed with real ones from
 * the test's fixture, or every call would be a plain NOT_FOUND.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { ZodFastCheck } from 'zod-fast-check';
import { CheckinToken } from '@shared/checkins';
import { Cursor, Id, Instant, Phone } from '@shared/common';
import { IntentSubmitInput } from '@shared/intents';
import { Logo, Uscc } from '@shared/recruitment';
import { LocalDate } from '@shared/orgs';
import { HttpsUrl, IssueDate, PdfUrl, isSafeHttpsUrl } from '@shared/notices';
import { usccProblem } from '@shared/uscc';
import { NeedAttachment } from '@shared/needs';
import { StationPhone } from '@shared/stations';
import { DateOnly } from '@shared/dashboard';
import { OpenId } from '@shared/users';
import { RecordKey, TicketSecret } from '@shared/sessions';
import { encodeCursor } from '../../../cloudfunctions/api/src/core/cursor';
import { TINY_PNG, USCC } from './recruitment';
import { T0 } from './world';

/** Real records of the test's world, so generated ids often hit something. */
export interface KnownRecords {
  /** Every real id, whatever it names. */
  ids: string[];
  /** People who exist but whose roles the test does not rely on (users.grantRole may change them). */
  openids: string[];
}

/** The real ids a top-level field should hold for one action: events for `eventId`, its own records for `id`. */
export type IdsFor = (field: string) => readonly string[];

export type Payload = unknown;
type Path = (string | number)[];

/** zod-fast-check as it comes, for the parts of an override that it does generate well. */
const plain = ZodFastCheck();

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A 统一社会信用代码 that passes the GB 32100-2015 check: 17 characters and the one check character that fits. */
const validUscc: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 })
  .map((chars) => {
    const body = chars.join('');
    const check = [...USCC_ALPHABET].find((c) => usccProblem(body + c) === null) ?? '0';
    return body + check;
  });

/** A calendar date (census dates, visits) from 2000 to 2027, some after the test clock's today. */
const localDate: fc.Arbitrary<string> = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** https links as staff paste them (notice bodies), and PDF attachments. */
const httpsUrl: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('https://rsj.sh.gov.cn/', 'https://zwdt.sh.gov.cn/govPortals/index.do?x=1#top'),
  fc.webUrl({ validSchemes: ['https'] }).filter(isSafeHttpsUrl),
);
const pdfUrl: fc.Arbitrary<string> = fc.constantFrom('https://rsj.sh.gov.cn/files/2026-01.pdf', 'https://www.songjiang.gov.cn/a/B.PDF?v=2');

const OFFSETS = ['Z', '+08:00', '+00:00', '-05:00', '+05:45', '+14:00', '-12:00', '+0800'] as const;

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/** An instant within two months of the test clock, written in one of several offsets, as a client might. */
const instantNearNow: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: -24 * 30, max: 24 * 60 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom(...OFFSETS))
  .map(([hours, minutes, offset]) => {
    const utc = T0.getTime() + (hours * 60 + minutes) * 60_000;
    const local = new Date(utc + offsetMinutes(offset) * 60_000).toISOString().slice(0, 19);
    return `${local}${offset}`;
  });

const birthMonth: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1940, max: 2012 }), fc.integer({ min: 1, max: 12 }))
  .map(([year, month]) => `${year}-${String(month).padStart(2, '0')}`);

/** Three times in four, each id field of the payload names a real record of the kind it should. */
function withRealIds(payloads: fc.Arbitrary<Payload>, idsFor: IdsFor): fc.Arbitrary<Payload> {
  return fc.tuple(payloads, fc.nat(), fc.integer({ min: 0, max: 3 })).map(([payload, pick, coin]) => {
    if (coin === 0 || !payload || typeof payload !== 'object' || Array.isArray(payload)) return payload;
    const entries = Object.entries(payload).map(([key, value]) => {
      const ids = typeof value === 'string' ? idsFor(key) : [];
      return [key, ids.length ? ids[pick % ids.length] : value] as const;
    });
    return Object.fromEntries(entries);
  });
}

/** Valid inputs of `schema`, with real ids mixed in and overrides where zod-fast-check cannot generate. */
export function validInputOf(schema: z.ZodTypeAny, known: KnownRecords, idsFor: IdsFor = () => []): fc.Arbitrary<Payload> {
  const realCursor = encodeCursor({ at: T0.toISOString(), id: known.ids[0] ?? 'id000001' });
  const zfc = ZodFastCheck()
    .override(Id, fc.oneof({ arbitrary: fc.constantFrom(...known.ids), weight: 3 }, { arbitrary: plain.inputOf(Id), weight: 1 }))
    .override(OpenId, fc.oneof(fc.constantFrom(...known.openids), plain.inputOf(OpenId)))
    .override(Cursor, fc.oneof(fc.constant(realCursor), plain.inputOf(Cursor)))
    .override(Instant, fc.oneof({ arbitrary: instantNearNow, weight: 3 }, { arbitrary: plain.inputOf(Instant), weight: 1 }))
    .override(Phone, fc.stringMatching(/^1[3-9]\d{9}$/))
    .override(CheckinToken, fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/))
    .override(IntentSubmitInput.shape.birthMonth, birthMonth)
    .override(Uscc, fc.oneof(fc.constantFrom(...Object.values(USCC)), validUscc, validUscc.map((s) => ` ${s.toLowerCase()} `)))
    .override(Logo, fc.oneof(fc.constant({ mime: 'image/png' as const, data: TINY_PNG }), plain.inputOf(Logo)))
    .override(LocalDate, localDate)
    .override(IssueDate, localDate)
    .override(HttpsUrl, httpsUrl)
    .override(PdfUrl, pdfUrl)
    .override(NeedAttachment, pdfUrl)
    .override(StationPhone, fc.constantFrom('021-57651234', '13800000000', '0217654321'))
    .override(DateOnly, localDate)
    .override(TicketSecret, fc.stringMatching(/^[A-Za-z0-9_-]{16,60}$/))
    .override(RecordKey, fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/));
  // Trimming and the cross-field rules (end after start, salary max ≥ min) are not known to the generator.
  return withRealIds(zfc.inputOf(schema), idsFor).filter((value) => schema.safeParse(value).success);
}

/** Every layer of a schema down to its core: refinements, transforms, optional and nullable wrappers peeled off. */
function layers(schema: z.ZodTypeAny): z.ZodTypeAny[] {
  const seen: z.ZodTypeAny[] = [schema];
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodEffects) current = current.innerType();
    else if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap();
    else return seen;
    seen.push(current);
  }
}

function shapeOf(schema: z.ZodTypeAny): Record<string, z.ZodTypeAny> | null {
  const core = layers(schema).at(-1);
  return core instanceof z.ZodObject ? (core.shape as Record<string, z.ZodTypeAny>) : null;
}

/** Every field a schema knows, one level into nested objects (contact, résumé, interview, logo). */
export function fieldPaths(schema: z.ZodTypeAny): { all: Path[]; instants: Path[] } {
  const all: Path[] = [];
  const instants: Path[] = [];
  const visit = (s: z.ZodTypeAny, prefix: Path, depth: number) => {
    const shape = shapeOf(s);
    if (!shape) return;
    for (const [key, field] of Object.entries(shape)) {
      const path = [...prefix, key];
      all.push(path);
      if (layers(field).includes(Instant)) instants.push(path);
      if (depth < 1) visit(field, path, depth + 1);
    }
  };
  visit(schema, [], 0);
  return { all, instants };
}

/** Times the calendar or the clock cannot have, and the edges of the range the database takes. */
export const IMPOSSIBLE_TIMES = [
  '2026-12-01T09:00:00+99:99',
  '2026-12-01T09:00:00+24:00',
  '2026-12-01T09:00:00-25:00',
  '2026-12-01T09:00:00+14:30',
  '2026-12-01T09:00:00+15:00',
  '2026-12-01T09:00:00-14:01',
  '2026-12-01T09:00:00+00:60',
  '2026-12-01T09:00:00+9999',
  '2026-02-30T10:00:00+08:00',
  '2026-02-29T10:00:00+08:00',
  '2026-04-31T10:00:00+08:00',
  '2026-13-01T10:00:00+08:00',
  '2026-00-10T10:00:00+08:00',
  '2026-12-01T24:00:00+08:00',
  '2026-12-01T23:60:00+08:00',
  '2026-12-01T23:59:60+08:00',
  '0000-01-01T00:00:00+08:00',
  '0001-01-01T00:00:00Z',
  '0099-06-01T00:00:00Z',
  '1000-01-01T00:00:00+14:00',
  '9999-12-31T23:59:59-14:00',
  '9999-12-31T23:59:59.999Z',
  '2026-12-01T09:00:00.123456789+08:00',
  '2026-12-01T09:00:00',
  '2026-12-01',
  '2026-12-01T09:00+08:00',
  '+275760-09-13T00:00:00Z',
  '1',
] as const;

const HUGE = 'x'.repeat(10_000);
const HUGE_CHINESE = '佘'.repeat(10_000);

type Mutation = { kind: 'remove' } | { kind: 'set'; value: unknown } | { kind: 'nul' } | { kind: 'extraKey' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'remove' }),
  fc.constant<Mutation>({ kind: 'nul' }),
  fc.constant<Mutation>({ kind: 'extraKey' }),
  fc
    .constantFrom<unknown>(
      // wrong type
      123, true, null, [], {}, ['a'], 'text',
      // empty, blank and huge strings
      '', '   ', HUGE, HUGE_CHINESE,
      // numbers a form could never send
      -1, -1e9, 1e308, Number.MAX_SAFE_INTEGER + 2, 1.5, 0, -0, Number.NaN, Number.POSITIVE_INFINITY,
    )
    .map((value): Mutation => ({ kind: 'set', value })),
);

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function get(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
}

/** A copy of `root` with `path` set (or removed), creating the objects on the way. */
function withValueAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  const copy = (clone(root) ?? {}) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!next || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

function applyMutation(payload: unknown, path: Path, m: Mutation): unknown {
  switch (m.kind) {
    case 'remove':
      return withValueAt(payload, path, undefined, true);
    case 'set':
      return withValueAt(payload, path, m.value);
    case 'nul': {
      const current = get(payload, path);
      return withValueAt(payload, path, typeof current === 'string' ? `${current.slice(0, 1)}\u0000${current.slice(1)}` : '\u0000');
    }
    case 'extraKey':
      return withValueAt(payload, [...path.slice(0, -1), 'unexpectedField'], '多余的字段');
  }
}

/** A valid input with one field spoiled; the time fields also get the times no calendar has. */
export function nearValidInputOf(schema: z.ZodTypeAny, valid: fc.Arbitrary<Payload>): fc.Arbitrary<Payload> {
  const { all, instants } = fieldPaths(schema);
  // A schema with no fields (Empty) can still be given a field it does not take.
  const paths: Path[] = all.length ? all : [['unexpectedField']];
  const oneField = fc.tuple(valid, fc.constantFrom(...paths), mutation).map(([payload, path, m]) => applyMutation(payload, path, m));
  if (!instants.length) return oneField;
  const badTime = fc
    .tuple(valid, fc.constantFrom(...instants), fc.constantFrom(...IMPOSSIBLE_TIMES))
    .map(([payload, path, time]) => withValueAt(payload, path, time));
  // Times are where a schema most easily lets an impossible value through: they get two payloads in three.
  return fc.oneof({ arbitrary: oneField, weight: 1 }, { arbitrary: badTime, weight: 2 });
}

/** Text that has broken someone's backend before: SQL, format strings, bidi overrides, lone surrogates, emoji. */
export const NASTY_STRINGS = [
  "'; DROP TABLE users; --",
  "Robert'); DELETE FROM events WHERE ('1'='1",
  '" OR 1=1 --',
  '$1',
  '%s%n%x%d',
  '\\',
  '\\u0000',
  '${process.exit()}',
  '<script>alert(1)</script>',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  '👨‍👩‍👧‍👦🚴‍♂️',
  '\uD800',
  'a\uDFFFb',
  '\uFEFF',
  '\u2028\u2029',
  'Z̴̡̛a̸l̵g̷o̶',
  '\u3000佘山\u3000',
  '__proto__',
  'constructor',
  'null',
  '  ',
] as const;

const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'), fc.string());

const anythingAtAll = fc.anything({
  key: hostileKey,
  maxDepth: 4,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withDate: true,
  withTypedArray: true,
  withBigInt: true,
});

function nested(depth: number): unknown {
  let value: unknown = '底';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

function replaceStrings(value: unknown, text: string): unknown {
  if (typeof value === 'string') return text;
  if (Array.isArray(value)) return value.map((v) => replaceStrings(v, text));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, text)]));
  }
  return value;
}

/** A payload whose own key is `__proto__` (as JSON.parse makes it), not one that swaps the prototype. */
function withOwnKey(payload: unknown, key: string): unknown {
  const inner = payload && typeof payload === 'object' ? JSON.stringify(payload).slice(1, -1) : '';
  return JSON.parse(`{"${key}":{"roles":["admin"],"polluted":true}${inner ? `,${inner}` : ''}}`);
}

/** Anything at all, and anything in the right places: the schema's own keys holding hostile values. */
export function hostileInputOf(schema: z.ZodTypeAny, valid: fc.Arbitrary<Payload>): fc.Arbitrary<Payload> {
  const { all } = fieldPaths(schema);
  const keys = [...new Set(all.filter((p) => p.length === 1).map((p) => String(p[0])))];
  const knownKeysHostileValues = keys.length
    ? fc.dictionary(fc.constantFrom(...keys), anythingAtAll, { maxKeys: keys.length })
    : fc.dictionary(hostileKey, anythingAtAll, { maxKeys: 3 });
  const deep = fc.integer({ min: 100, max: 5000 }).map(nested);
  return fc.oneof(
    anythingAtAll,
    knownKeysHostileValues,
    fc.tuple(valid, fc.constantFrom('__proto__', 'constructor', 'prototype')).map(([payload, key]) => withOwnKey(payload, key)),
    keys.length ? fc.tuple(valid, fc.constantFrom(...keys), deep).map(([payload, key, value]) => withValueAt(payload, [key], value)) : deep,
    fc.tuple(valid, fc.constantFrom(...NASTY_STRINGS)).map(([payload, text]) => replaceStrings(payload, text)),
    fc.constantFrom<unknown>(null, undefined, [], [{}], 0, '', 'events.create', true),
  );
}
