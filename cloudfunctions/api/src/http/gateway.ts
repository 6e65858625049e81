/**
 * The HTTP gateway: `POST /api/<action>` with a Bearer session, `GET /healthz`, and the H5 app.
 * It only turns HTTP into a dispatch call and the ApiResult back into HTTP, and says how browsers may treat the answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { ERROR_MESSAGES, HTTP_STATUS, type ApiError, type ApiResult, type ErrorCode } from '@shared/result';
import type { Deps } from '../core/context';
import { dispatch, type Identity } from '../app/dispatch';
import { firstPageShell, opensOnEvents, withFirstPage } from './first-page';
import { registerFileRoutes, type GatewayFileStore } from './files';
import { registerImageRoutes } from './images';
import type { FilesRepo } from '../core/ports/files';
import type { Sessions } from './sessions';
import { resumeSession } from '../sessions/use-cases';
import { registerMpLogin, withMpLoginFlag } from './mp-login';
import type { SignInLimiter } from './sign-in-limit';
import type { WechatSettings } from './wechat';
import { fastifyLogging, requestLine, REQUEST_ID_HEADER, type GatewayLogging } from './logging';
import { helmetOptions, REQUEST_TIMEOUT_MS, serverTimeouts } from './security';

export const BODY_LIMIT_BYTES = 64 * 1024;

const ROBOTS_TXT = ['User-agent: *', 'Disallow: /api/', 'Disallow: /files/', 'Disallow: /staff/', 'Disallow: /hr/', 'Disallow: /account/', 'Disallow: /party/', 'Allow: /', ''].join('\n');
/** An .xlsx of at most 2 MB as base64 (IMPORT_MAX_BASE64), with room for the JSON around it. */
export const UPLOAD_BODY_LIMIT_BYTES = 3 * 1024 * 1024;
/** An enterprise profile with a new logo: LOGO_MAX_BYTES as base64 (87 KB), with room for the texts around it. */
export const LOGO_BODY_LIMIT_BYTES = 128 * 1024;

export interface GatewayOptions {
  deps: Deps;
  sessions: Sessions;
  /** Folder of the H5 build to serve; skipped when absent. */
  staticDir?: string;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (for the anonymous rate limit). */
  trustProxy?: boolean;
  /** Calls per person (or per address, when anonymous) in a window; off unless given. */
  rateLimit?: { max: number; timeWindowMs: number };
  /** Off unless given (tests stay quiet); `npm start` logs at LOG_LEVEL. */
  logger?: GatewayLogging;
  /** How long a client may take to send a whole request; REQUEST_TIMEOUT_MS unless given. */
  requestTimeoutMs?: number;
  /** Exports waiting to be downloaded (the same store as `deps.files`): serves GET /files/<token> to their owner. */
  files?: GatewayFileStore;
  /** Uploaded images (the files behind `deps.images`): serves GET /files/<sha256> to anyone. */
  images?: FilesRepo;
  /** Sign-in attempts per address (http/sign-in-limit.ts); off unless given. */
  signInLimit?: SignInLimiter;
  /** WeChat settings; with a 公众号 configured, /auth/mp/* sign people in on H5 inside WeChat. */
  wechat?: WechatSettings;
}

/** File names under these folders carry a content hash, so a browser may keep them for good. */
const HASHED_ASSET = /[\\/](js|css|static)[\\/]/;

export async function buildGateway(options: GatewayOptions): Promise<FastifyInstance> {
  const trustProxy = options.trustProxy ?? false;
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const app = Fastify({
    ...fastifyLogging(options.logger, trustProxy),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy,
    requestTimeout,
    http: serverTimeouts(requestTimeout),
  });
  const indexHtml = withMpLoginFlag(readIndexHtml(options.staticDir, !!options.deps.demoSessions), !!options.wechat?.officialAccount);
  // The page that opens on the events list carries a script of its own (first-page.ts): both pages' are allowed.
  const eventsHtml = indexHtml === null ? null : firstPageShell(options.staticDir, indexHtml);

  app.addHook('onRequest', async (req, reply) => {
    reply.header(REQUEST_ID_HEADER, req.id);
    // Answers of the API carry personal data: no browser or proxy cache may keep them.
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(requestLine(req.method, req.url, reply.statusCode, reply.elapsedTime), 'request');
  });

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

  await app.register(fastifyHelmet, helmetOptions([indexHtml, eventsHtml]));
  await app.register(fastifyCompress, { threshold: 1024 });
  if (options.rateLimit) {
    await app.register(fastifyRateLimit, {
      global: false,
      max: options.rateLimit.max,
      timeWindow: options.rateLimit.timeWindowMs,
      keyGenerator: (req) => {
        const identity = readIdentity(req.headers.authorization, options.sessions);
        return identity && identity !== 'invalid' ? `u:${identity.openid}` : `ip:${req.ip}`;
      },
      errorResponseBuilder: () => ({ statusCode: 429, code: 'RATE_LIMITED', message: ERROR_MESSAGES.RATE_LIMITED }),
    });
  }

  app.setErrorHandler((err: Error & { code?: string; statusCode?: number }, req, reply) => {
    if (err.statusCode === 429) return sendError(reply, 'RATE_LIMITED');
    if (err instanceof BadJson) return sendInvalid(reply, '请求内容不是合法的 JSON');
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 'PAYLOAD_TOO_LARGE');
    if (err.statusCode && err.statusCode < 500) return sendInvalid(reply, '请求格式不正确');
    req.log.error({ err }, 'request failed');
    return sendInternal(reply, req.id);
  });

  app.get('/healthz', async () => ({ ok: true }));
  // Public pages may be indexed; the API, personal pages and staff pages may not.
  app.get('/robots.txt', async (_req, reply) =>
    reply.type('text/plain; charset=utf-8').send(ROBOTS_TXT),
  );
  if (options.files) {
    registerFileRoutes(app, {
      files: options.files,
      // The session must still be live: signing out elsewhere stops a download too.
      whoIs: async (header) => {
        const identity = await authenticate(header, options);
        return identity && identity !== 'invalid' ? identity.openid : null;
      },
    });
  }

  if (options.images) registerImageRoutes(app, options.images);

  const limited = options.rateLimit ? { config: { rateLimit: {} } } : {};
  // The census import's .xlsx and an enterprise's new logo (base64) are the bodies allowed past BODY_LIMIT_BYTES: the same
  // handler on their own routes (static paths, which the router tries before `/api/:action`).
  const actionRoutes: { url: string; bodyLimit: number; action?: string }[] = [
    { url: '/api/:action', bodyLimit: BODY_LIMIT_BYTES },
    { url: '/api/orgs.importPreview', bodyLimit: UPLOAD_BODY_LIMIT_BYTES, action: 'orgs.importPreview' },
    { url: '/api/enterprises.update', bodyLimit: LOGO_BODY_LIMIT_BYTES, action: 'enterprises.update' },
  ];
  for (const route of actionRoutes)
  app.post<{ Params: { action?: string } }>(route.url, { ...limited, bodyLimit: route.bodyLimit }, async (req, reply) => {
    const action = route.action ?? req.params.action ?? '';
    if (options.signInLimit && !options.signInLimit.allow(action, req.ip)) {
      return sendError(reply, 'RATE_LIMITED', '登录尝试太频繁，请稍后再试');
    }
    const identity = await authenticate(req.headers.authorization, options);
    if (identity === 'invalid') return sendError(reply, 'UNAUTHENTICATED', '登录已过期，请重新登录');
    const result = await dispatch(options.deps, identity, action, req.body, {
      logError: (err, action) => req.log.error({ err, action }, 'action failed'),
      userAgent: req.headers['user-agent'],
      // A printed check-in code must open the address people reach us on (behind a proxy: its X-Forwarded-* when trusted).
      origin: `${req.protocol}://${req.host}`,
    });
    if (!result.ok && result.error.code === 'INTERNAL') return sendInternal(reply, req.id);
    return send(reply, result);
  });

  app.all('/api/*', async (_req, reply) => sendError(reply, 'UNKNOWN_ACTION', '请使用 POST /api/<操作名>'));
  if (options.wechat) registerMpLogin(app, { deps: options.deps, wechat: options.wechat, signInLimit: options.signInLimit });

  if (options.staticDir && indexHtml !== null && eventsHtml !== null) {
    await app.register(fastifyStatic, {
      root: path.resolve(options.staticDir),
      index: false,
      // The app page itself is served below, with the demo flag; every other file as it is.
      allowedPath: (pathName) => pathName !== '/' && pathName !== '/index.html',
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.setHeader('cache-control', HASHED_ASSET.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // The H5 router uses real paths (/pages/events/detail?id=…): every other GET is the app itself.
    app.setNotFoundHandler(async (req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) {
        const page = opensOnEvents(req.url) ? await withFirstPage(eventsHtml, options.deps) : indexHtml;
        return reply.type('text/html').header('cache-control', 'no-cache').send(page);
      }
      return sendError(reply, 'NOT_FOUND');
    });
  } else {
    app.setNotFoundHandler((_req, reply) => sendError(reply, 'NOT_FOUND'));
  }
  return app;
}

class BadJson extends Error {}

/** The app page as served (with the demo flag), or null when there is no H5 build to serve. */
function readIndexHtml(staticDir: string | undefined, demo: boolean): string | null {
  if (!staticDir || !fs.existsSync(path.join(staticDir, 'index.html'))) return null;
  return withDemoFlag(fs.readFileSync(path.join(staticDir, 'index.html'), 'utf8'), demo);
}

/**
 * Demo mode is the server's to say (the same H5 build runs in production): it tells the page before any script runs.
 * The Content-Security-Policy allows this script by its hash, computed from the page as served.
 */
function withDemoFlag(html: string, demo: boolean): string {
  return demo ? html.replace('</head>', '<script>window.__SHESHAN_DEMO__=true</script></head>') : html;
}

/** No header: anonymous. A header that does not verify: 'invalid' (401), never silently anonymous. */
function readIdentity(header: string | undefined, sessions: Sessions): { openid: string; sessionId: string } | null | 'invalid' {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return 'invalid';
  return sessions.verify(match[1]) ?? 'invalid';
}

/** A signed token speaks for someone only while its session row is live: a revoked session fails on its next call. */
async function authenticate(
  header: string | undefined,
  options: Pick<GatewayOptions, 'sessions' | 'deps'>,
): Promise<Identity | null | 'invalid'> {
  const claim = readIdentity(header, options.sessions);
  if (claim === null || claim === 'invalid') return claim;
  return (await resumeSession(options.deps, claim)) ?? 'invalid';
}

function send(reply: FastifyReply, result: ApiResult<unknown>): FastifyReply {
  return reply.status(result.ok ? 200 : HTTP_STATUS[result.error.code]).send(result);
}

function sendError(reply: FastifyReply, code: ErrorCode, message = ERROR_MESSAGES[code]): FastifyReply {
  return send(reply, { ok: false, error: { code, message } });
}

/** A real fault: the person gets the id to quote, the log has the same id on every line of the request. */
function sendInternal(reply: FastifyReply, requestId: string): FastifyReply {
  const error: ApiError & { requestId: string } = { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL, requestId };
  return send(reply, { ok: false, error });
}

/** A body that never reached the schema still says what is wrong in `issues`, like every INVALID_INPUT. */
function sendInvalid(reply: FastifyReply, message: string): FastifyReply {
  return send(reply, { ok: false, error: { code: 'INVALID_INPUT', message, issues: [{ path: [], message }] } });
}
