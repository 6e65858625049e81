/**
 * WeChat's sign-in endpoints, as the gateway calls them: the mini-program's `jscode2session` and the 公众号's
 * web authorisation (`sns/oauth2/access_token`, snsapi_base). The base URL is configurable (WECHAT_API_BASE) so tests
 * run a local stand-in. The AppSecret goes into the outgoing query string and nowhere else: not into an error, a log
 * line or an answer.
 */
import type { WechatSignIn } from '../core/context';
import { DomainError } from '../core/errors';

export const WECHAT_API_BASE = 'https://api.weixin.qq.com';
/** WeChat answers in well under a second; a person waiting on the sign-in spinner should not wait longer than this. */
export const WECHAT_TIMEOUT_MS = 5_000;

export interface WechatApp {
  appId: string;
  appSecret: string;
}

export interface WechatSettings {
  /** The mini-program (wx.login → auth.wxLogin); absent = wxLogin off. */
  miniProgram?: WechatApp;
  /** The 公众号 (网页授权 snsapi_base on H5 inside WeChat); absent = H5 stays read-only there. */
  officialAccount?: WechatApp;
  apiBase: string;
  timeoutMs: number;
}

/**
 * Sign-in with WeChat is on when WECHAT_APPID is set (or WXLOGIN=1 asks for it); then WECHAT_APPID and WECHAT_APPSECRET
 * must both be there, or the gateway refuses to start rather than answer every sign-in with a fault. The 公众号 is on
 * when WECHAT_MP_APPID is set, and needs WECHAT_MP_SECRET likewise.
 */
export function wechatSettingsFromEnv(env: NodeJS.ProcessEnv): WechatSettings {
  const settings: WechatSettings = {
    apiBase: (env.WECHAT_API_BASE || WECHAT_API_BASE).replace(/\/+$/, ''),
    timeoutMs: env.WECHAT_TIMEOUT_MS ? Number(env.WECHAT_TIMEOUT_MS) : WECHAT_TIMEOUT_MS,
  };
  if (!Number.isInteger(settings.timeoutMs) || settings.timeoutMs <= 0) throw new Error('WECHAT_TIMEOUT_MS must be a positive whole number');
  if (env.WXLOGIN === '1' || env.WECHAT_APPID) {
    if (!env.WECHAT_APPID || !env.WECHAT_APPSECRET) {
      throw new Error('WeChat sign-in is on (WXLOGIN=1 or WECHAT_APPID set): both WECHAT_APPID and WECHAT_APPSECRET are required');
    }
    settings.miniProgram = { appId: env.WECHAT_APPID, appSecret: env.WECHAT_APPSECRET };
  }
  if (env.WECHAT_MP_APPID || env.WECHAT_MP_SECRET) {
    if (!env.WECHAT_MP_APPID || !env.WECHAT_MP_SECRET) throw new Error('公众号 sign-in needs both WECHAT_MP_APPID and WECHAT_MP_SECRET');
    settings.officialAccount = { appId: env.WECHAT_MP_APPID, appSecret: env.WECHAT_MP_SECRET };
  }
  return settings;
}

/** What WeChat's refusals mean to the person signing in. */
const REFUSALS: Record<number, DomainError> = {
  40029: new DomainError('UNAUTHENTICATED', '微信登录凭证无效，请重新打开小程序后再试'),
  40163: new DomainError('UNAUTHENTICATED', '微信登录凭证已被使用，请重新打开小程序后再试'),
  40226: new DomainError('UNAUTHENTICATED', '该微信账号暂时无法登录，请稍后再试'),
  45011: new DomainError('RATE_LIMITED', '微信登录过于频繁，请稍后再试'),
  [-1]: new DomainError('UNAUTHENTICATED', '微信服务繁忙，请稍后再试'),
};
const UNREACHABLE = () => new DomainError('UNAUTHENTICATED', '暂时无法连接微信服务，请稍后再试');

interface WechatAnswer {
  openid?: unknown;
  errcode?: unknown;
}

/**
 * One GET to WeChat. Network failures and timeouts become a Chinese refusal; WeChat's own refusals map through
 * REFUSALS; anything else (a wrong AppID or AppSecret: 40013, 40125…) is the operator's to fix and becomes a fault
 * whose message names only the errcode.
 */
async function askWechat(settings: WechatSettings, path: string, query: Record<string, string>): Promise<{ openid: string }> {
  const url = `${settings.apiBase}${path}?${new URLSearchParams(query).toString()}`;
  let answer: WechatAnswer;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(settings.timeoutMs) });
    answer = (await response.json()) as WechatAnswer;
  } catch {
    // The error may carry the URL, and the URL carries the secret: nothing of it goes on.
    throw UNREACHABLE();
  }
  const errcode = typeof answer.errcode === 'number' ? answer.errcode : 0;
  if (errcode !== 0) {
    const refusal = REFUSALS[errcode];
    if (refusal) throw new DomainError(refusal.code, refusal.message);
    throw new Error(`WeChat refused the gateway's request to ${path} (errcode ${errcode}); check the AppID and AppSecret`);
  }
  if (typeof answer.openid !== 'string' || !answer.openid) throw new Error(`WeChat answered ${path} without an openid`);
  return { openid: answer.openid };
}

/** The mini-program's sign-in: wx.login's code → openid (the session_key WeChat also sends is not kept). */
export function miniProgramSignIn(settings: WechatSettings): WechatSignIn {
  const app = settings.miniProgram;
  if (!app) return {};
  return {
    codeToSession: (code) =>
      askWechat(settings, '/sns/jscode2session', { appid: app.appId, secret: app.appSecret, js_code: code, grant_type: 'authorization_code' }),
  };
}

/** The 公众号's web authorisation (snsapi_base): the callback's code → the person's openid under the 公众号. */
export function officialAccountCodeToOpenid(settings: WechatSettings, code: string): Promise<{ openid: string }> {
  const app = settings.officialAccount;
  if (!app) throw new DomainError('FORBIDDEN', '本服务未开启公众号登录');
  return askWechat(settings, '/sns/oauth2/access_token', { appid: app.appId, secret: app.appSecret, code, grant_type: 'authorization_code' });
}

/** Where the 公众号 sends the person to agree (WeChat's own page; silent for snsapi_base). */
export function officialAccountAuthorizeUrl(appId: string, redirectUri: string, state: string): string {
  const query = new URLSearchParams({ appid: appId, redirect_uri: redirectUri, response_type: 'code', scope: 'snsapi_base', state });
  return `https://open.weixin.qq.com/connect/oauth2/authorize?${query.toString()}#wechat_redirect`;
}
