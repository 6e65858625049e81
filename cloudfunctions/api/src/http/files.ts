/**
 * Files the gateway hands out (exports): kept in memory for as long as their link lives, and served by
 * `GET /files/<token>` to the person who asked for them only — the H5 app fetches the link with its session and saves
 * the bytes. A link nobody else can guess (32 random bytes) that also needs the owner's session: a forwarded link or a
 * proxy log leaks nothing. Memory, not disk: an export is rebuilt in a second, and a restart should forget them.
 */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { FileStore, FileToStore } from '../core/ports/files';

export const FILES_PATH = '/files/';

interface Kept {
  file: FileToStore;
  expiresAt: number;
}

export type OpenResult = { kind: 'file'; file: FileToStore } | { kind: 'gone' } | { kind: 'unknown' };

export interface GatewayFileStore extends FileStore {
  /** The file behind a token, for this person at this time. Someone else's file is 'unknown', as if there were none. */
  open(token: string, openid: string): OpenResult;
}

/** How long an expired link still answers 410 (so the owner reads "expired", not "not found") before it is forgotten. */
const REMEMBER_GONE_MS = 24 * 3600_000;

export function memoryFileStore(now: () => Date = () => new Date()): GatewayFileStore {
  const kept = new Map<string, Kept>();
  const sweep = (at: number) => {
    for (const [token, k] of kept) {
      if (k.expiresAt + REMEMBER_GONE_MS <= at) kept.delete(token);
      // The bytes go as soon as the link ends; only the owner's name for a 410 stays a while.
      else if (k.expiresAt <= at && k.file.bytes.length) k.file = { ...k.file, bytes: new Uint8Array(0) };
    }
  };
  return {
    async put(file) {
      const at = now().getTime();
      sweep(at);
      const token = crypto.randomBytes(32).toString('base64url');
      kept.set(token, { file, expiresAt: at + file.ttlSeconds * 1000 });
      return { url: `${FILES_PATH}${token}` };
    },
    open(token, openid) {
      const at = now().getTime();
      sweep(at);
      const k = kept.get(token);
      if (!k || k.file.owner !== openid) return { kind: 'unknown' };
      return k.expiresAt <= at ? { kind: 'gone' } : { kind: 'file', file: k.file };
    },
  };
}

/** RFC 6266 / 5987: an ASCII stand-in for old clients and the Chinese name for everyone else. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function registerFileRoutes(
  app: FastifyInstance,
  options: { files: GatewayFileStore; whoIs: (authorization: string | undefined) => Promise<string | null> },
): void {
  app.get<{ Params: { token: string } }>(`${FILES_PATH}:token`, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const openid = await options.whoIs(req.headers.authorization);
    const opened = openid ? options.files.open(req.params.token, openid) : ({ kind: 'unknown' } as const);
    if (opened.kind === 'gone') {
      return reply.status(410).send({ ok: false, error: { code: 'NOT_FOUND', message: '下载链接已过期，请重新导出' } });
    }
    if (opened.kind === 'unknown') {
      return reply.status(404).send({ ok: false, error: { code: 'NOT_FOUND', message: '文件不存在或已过期，请重新导出' } });
    }
    return reply
      .header('content-type', opened.file.mime)
      .header('content-disposition', contentDisposition(opened.file.name))
      .send(Buffer.from(opened.file.bytes));
  });
}
