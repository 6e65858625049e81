/**
 * The HTTP gateway: `POST /api/<action>` with a Bearer session, `GET /healthz`, and the H5 app.
 * It only turns HTTP into a dispatch call and the ApiResult back into HTTP.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { ERROR_MESSAGES, HTTP_STATUS, type ApiResult, type ErrorCode } from '@shared/result';
import type { Deps } from '../core/context';
import { dispatch } from '../core/dispatch';
import type { Sessions } from './sessions';

export const BODY_LIMIT_BYTES = 64 * 1024;

export interface GatewayOptions {
  deps: Deps;
  sessions: Sessions;
  /** Folder of the H5 build to serve; skipped when absent. */
  staticDir?: string;
  logger?: boolean;
}

export async function buildGateway(options: GatewayOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT_BYTES });

  // Every body is read as text and parsed here, so any content type and any malformed JSON gets our error shape.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body).trim();
    if (!text) return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new BadJson(), undefined);
    }
  });

  app.setErrorHandler((err: Error & { code?: string; statusCode?: number }, _req, reply) => {
    if (err instanceof BadJson) return sendInvalid(reply, '请求内容不是合法的 JSON');
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 'PAYLOAD_TOO_LARGE');
    if (err.statusCode && err.statusCode < 500) return sendInvalid(reply, '请求格式不正确');
    app.log.error(err);
    return sendError(reply, 'INTERNAL');
  });

  app.get('/healthz', async () => ({ ok: true }));

  app.post<{ Params: { action: string } }>('/api/:action', async (req, reply) => {
    const identity = readIdentity(req.headers.authorization, options.sessions);
    if (identity === 'invalid') return sendError(reply, 'UNAUTHENTICATED', '登录已过期，请重新登录');
    const result = await dispatch(options.deps, identity, req.params.action, req.body, {
      logError: (err, action) => app.log.error({ err, action }, 'action failed'),
    });
    return send(reply, result);
  });

  app.all('/api/*', async (_req, reply) => sendError(reply, 'UNKNOWN_ACTION', '请使用 POST /api/<操作名>'));

  if (options.staticDir && fs.existsSync(path.join(options.staticDir, 'index.html'))) {
    const indexHtml = fs.readFileSync(path.join(options.staticDir, 'index.html'));
    await app.register(fastifyStatic, { root: path.resolve(options.staticDir), index: ['index.html'], wildcard: false });
    // The H5 router uses real paths (/pages/events/detail?id=…): every other GET is the app itself.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.type('text/html').send(indexHtml);
      return sendError(reply, 'NOT_FOUND');
    });
  } else {
    app.setNotFoundHandler((_req, reply) => sendError(reply, 'NOT_FOUND'));
  }
  return app;
}

class BadJson extends Error {}

/** No header: anonymous. A header that does not verify: 'invalid' (401), never silently anonymous. */
function readIdentity(header: string | undefined, sessions: Sessions): { openid: string } | null | 'invalid' {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return 'invalid';
  const openid = sessions.verify(match[1]);
  return openid ? { openid } : 'invalid';
}

function send(reply: FastifyReply, result: ApiResult<unknown>): FastifyReply {
  return reply.status(result.ok ? 200 : HTTP_STATUS[result.error.code]).send(result);
}

function sendError(reply: FastifyReply, code: ErrorCode, message = ERROR_MESSAGES[code]): FastifyReply {
  return send(reply, { ok: false, error: { code, message } });
}

/** A body that never reached the schema still says what is wrong in `issues`, like every INVALID_INPUT. */
function sendInvalid(reply: FastifyReply, message: string): FastifyReply {
  return send(reply, { ok: false, error: { code: 'INVALID_INPUT', message, issues: [{ path: [], message }] } });
}
