/**
 * Workers opening the H5 app inside WeChat (a link in the 公众号) sign in through 网页授权 with snsapi_base: no prompt,
 * WeChat hands back a code, the gateway exchanges it for the person's openid under the 公众号 and opens a session.
 *   GET /auth/mp/start?next=/pages/events/detail?id=…  → WeChat's authorize page (state kept in a short cookie)
 *   GET /auth/mp/callback?code=…&state=…               → back to `next`, the session token in the URL fragment
 * The fragment never reaches a server or a Referer; the page takes it into storage and removes it from the address.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../core/context';
import { DomainError } from '../core/errors';
import { startSession } from '../sessions/use-cases';
import type { SignInLimiter } from './sign-in-limit';
import { officialAccountAuthorizeUrl, officialAccountCodeToOpenid, type WechatSettings } from './wechat';

const STATE_COOKIE = 'mp_state';
const STATE_MAX_AGE_SECONDS = 600;
const HOME = '/pages/me/index';

export interface MpLoginOptions {
  deps: Deps;
  wechat: WechatSettings;
  signInLimit?: SignInLimiter;
}

export function registerMpLogin(app: FastifyInstance, options: MpLoginOptions): void {
  const mp = options.wechat.officialAccount;
  if (!mp) return;

  app.get<{ Querystring: { next?: string } }>('/auth/mp/start', async (req, reply) => {
    const state = crypto.randomBytes(16).toString('base64url');
    const next = safeNext(req.query.next);
    const secure = req.protocol === 'https' ? '; Secure' : '';
    reply.header(
      'set-cookie',
      `${STATE_COOKIE}=${state}.${Buffer.from(next).toString('base64url')}; Path=/auth/mp; HttpOnly; SameSite=Lax; Max-Age=${STATE_MAX_AGE_SECONDS}${secure}`,
    );
    const callback = `${req.protocol}://${req.host}/auth/mp/callback`;
    return reply.redirect(officialAccountAuthorizeUrl(mp.appId, callback, state), 302);
  });

  app.get<{ Querystring: { code?: string; state?: string } }>('/auth/mp/callback', async (req, reply) => {
    const cookie = readStateCookie(req);
    const next = cookie?.next ?? HOME;
    reply.header('set-cookie', `${STATE_COOKIE}=; Path=/auth/mp; HttpOnly; SameSite=Lax; Max-Age=0`);
    if (options.signInLimit && !options.signInLimit.allow('auth.mpCallback', req.ip)) {
      return back(reply, next, { mp_error: '登录尝试太频繁，请稍后再试' });
    }
    const code = req.query.code;
    if (!cookie || !req.query.state || cookie.state !== req.query.state || !code || !/^[\x21-\x7e]{1,128}$/.test(code)) {
      return back(reply, next, { mp_error: '公众号登录没有完成，请从公众号菜单重新打开' });
    }
    const issuer = options.deps.sessions;
    if (!issuer) return back(reply, next, { mp_error: '本服务未开启公众号登录' });
    try {
      const { openid } = await officialAccountCodeToOpenid(options.wechat, code);
      const now = options.deps.now().toISOString();
      const { token } = await startSession(options.deps, issuer, { openid, via: 'mp', userAgent: req.headers['user-agent'], now });
      return back(reply, next, { session: token });
    } catch (err) {
      if (err instanceof DomainError) return back(reply, next, { mp_error: err.message });
      req.log.error({ err }, '公众号 sign-in failed');
      return back(reply, next, { mp_error: '公众号登录失败，请稍后再试' });
    }
  });
}

function back(reply: FastifyReply, next: string, fragment: Record<string, string>): FastifyReply {
  reply.header('cache-control', 'no-store');
  return reply.redirect(`${next}#${new URLSearchParams(fragment).toString()}`, 302);
}

/** Only a page of this app: a path under /pages/ (or a subpackage), never another host. */
function safeNext(next: string | undefined): string {
  if (!next || !/^\/(pages|staff|hr|career)\/[A-Za-z0-9/_-]+(\?[A-Za-z0-9=&%_.-]*)?$/.test(next)) return HOME;
  return next;
}

function readStateCookie(req: FastifyRequest): { state: string; next: string } | null {
  const header = req.headers.cookie ?? '';
  const match = new RegExp(`(?:^|;\\s*)${STATE_COOKIE}=([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]*)`).exec(header);
  if (!match) return null;
  return { state: match[1], next: safeNext(Buffer.from(match[2], 'base64url').toString('utf8')) };
}

/** Tells the page, before any script runs, that a person inside WeChat may sign in through the 公众号 (CSP-hashed like the demo flag). */
export function withMpLoginFlag(html: string | null, enabled: boolean): string | null {
  if (html === null || !enabled) return html;
  return html.replace('</head>', '<script>window.__SHESHAN_MP_LOGIN__=true</script></head>');
}
