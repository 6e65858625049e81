/**
 * The gateway's log: Fastify's own pino logger, one line per request, every line of a request carrying its id.
 * What people send us (bodies, tokens, phone numbers) never reaches a log line.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyServerOptions } from 'fastify';

/** Where pino writes: one JSON line per `write`. */
export interface LogDestination {
  write(line: string): void;
}

export interface GatewayLogging {
  /** pino level name: fatal, error, warn, info, debug, trace or silent. */
  level?: string;
  /** Defaults to stdout. */
  stream?: LogDestination;
}

export const REQUEST_ID_HEADER = 'x-request-id';

/** An id a proxy in front of us gave may be reused; anything else in that header is ignored, not echoed into logs. */
const TRUSTWORTHY_INBOUND_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Mainland mobile numbers, the only phone numbers the app collects. */
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const BEARER = /Bearer\s+\S+/gi;

/** Field names whose value is personal or a credential, wherever they sit in a logged object. */
const REDACTED_FIELDS = ['authorization', 'cookie', 'token', 'phone', 'contactPhone', 'body', 'payload'];

export function fastifyLogging(logging: GatewayLogging | undefined, trustProxy: boolean): Partial<FastifyServerOptions> {
  return {
    logger: logging
      ? {
          level: logging.level ?? 'info',
          ...(logging.stream ? { stream: logging.stream } : {}),
          redact: {
            paths: [
              'req.headers.authorization',
              'req.headers.cookie',
              ...REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
            ],
            censor: '[redacted]',
          },
          serializers: { err: (err: Error) => serializeFault(err), req: serializeRequest },
        }
      : false,
    // Fastify's two lines per request (incoming / completed) become the one the gateway writes from `requestLine`.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const given = trustProxy ? req.headers[REQUEST_ID_HEADER] : undefined;
      return typeof given === 'string' && TRUSTWORTHY_INBOUND_ID.test(given) ? given : crypto.randomUUID();
    },
  };
}

/** The one line a request leaves: what was asked, how it was answered, how long it took. */
export function requestLine(method: string, url: string, statusCode: number, elapsedMs: number): Record<string, unknown> {
  // The query string is left out: the app's deep links carry ids, but nothing says they always will.
  return { method, url: url.split('?')[0], statusCode, ms: Math.round(elapsedMs) };
}

/** Fastify's default also logs the client's port and host; the method and path are what a reader needs. */
function serializeRequest(req: { method?: string; url?: string }): Record<string, unknown> {
  return { method: req.method, url: req.url?.split('?')[0] };
}

interface SerializedFault {
  type: string;
  message: string;
  stack: string;
  code?: string;
  detail?: string;
  cause?: SerializedFault;
  [field: string]: unknown;
}

/**
 * A fault as a log reader needs it, from an allow-list of fields: database drivers attach the query's
 * parameters to their errors (PGlite's `params`), and those are the very phone numbers we must not log.
 */
export function serializeFault(err: unknown, depth = 0): SerializedFault {
  if (!(err instanceof Error)) return { type: typeof err, message: scrub(String(err)), stack: '' };
  const extra = err as Error & { code?: unknown; detail?: unknown; cause?: unknown };
  const fault: SerializedFault = { type: err.constructor?.name ?? 'Error', message: scrub(err.message), stack: scrub(err.stack ?? '') };
  if (typeof extra.code === 'string') fault.code = extra.code;
  if (typeof extra.detail === 'string') fault.detail = scrub(extra.detail);
  if (extra.cause !== undefined && depth < 3) fault.cause = serializeFault(extra.cause, depth + 1);
  return fault;
}

/** PostgreSQL's messages quote the offending values ("Key (phone)=(138…) already exists"). */
function scrub(text: string): string {
  return text.replace(PHONE, '[phone]').replace(BEARER, 'Bearer [redacted]');
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/**
 * For a person watching `npm start` in demo mode: pino's JSON turned into short lines, without pino-pretty.
 * `10:32:01 INFO  3f2a9c1e-… POST /api/events.list 200 4ms` — the whole id, so the one in an INTERNAL answer is found.
 */
export function readableLines(out: NodeJS.WritableStream): LogDestination {
  return {
    write(line) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        out.write(line);
        return;
      }
      const time = new Date(typeof entry.time === 'number' ? entry.time : Date.now()).toTimeString().slice(0, 8);
      const level = (LEVEL_NAMES[entry.level as number] ?? String(entry.level)).padEnd(5);
      const id = typeof entry.reqId === 'string' ? `${entry.reqId} ` : '';
      const what =
        typeof entry.statusCode === 'number'
          ? `${String(entry.method)} ${String(entry.url)} ${entry.statusCode} ${String(entry.ms)}ms`
          : `${String(entry.msg ?? '')}${typeof entry.action === 'string' ? ` ${entry.action}` : ''}`;
      const err = entry.err as SerializedFault | undefined;
      out.write(`${time} ${level} ${id}${what}${err?.stack ? `\n  ${err.stack.replace(/\n/g, '\n  ')}` : ''}\n`);
    },
  };
}
