/**
 * How the mini-program reaches the backend, chosen at build time: the `api` cloud function (CloudBase, the default),
 * or — when the weapp is built with API_BASE=https://… — the self-hosted gateway over HTTPS, signed in with wx.login.
 * No Taro import here: `transport.weapp.ts` hands in Taro's APIs, a test hands in stand-ins.
 */
import type { ApiResult } from '@shared/result';
import { ApiFailure, NETWORK_MESSAGE } from './failure';
import { isApiResult } from './result';

export interface WeappApis {
  /** Taro.request: resolves with any HTTP status, rejects only when no answer came. */
  request(options: {
    url: string;
    method: 'POST';
    header: Record<string, string>;
    data: unknown;
    timeout: number;
  }): Promise<{ statusCode: number; data: unknown }>;
  /** Taro.login: a one-time code WeChat will exchange for the person's openid. */
  login(): Promise<{ code: string }>;
  getToken(): string | null;
  setToken(token: string | null): void;
  /** wx.cloud.callFunction('api', { action, payload }), answering the function's result. */
  callFunction(action: string, payload: unknown): Promise<unknown>;
}

export type Send = (action: string, payload: unknown) => Promise<ApiResult<unknown>>;

const REQUEST_TIMEOUT_MS = 15_000;
const UNREADABLE = '服务返回了无法识别的内容';

export function createWeappSend(apiBase: string, apis: WeappApis): Send {
  return apiBase ? gatewaySend(apiBase.replace(/\/+$/, ''), apis) : cloudSend(apis);
}

/** CloudBase: identity is the call's OPENID, there is no token. */
function cloudSend(apis: WeappApis): Send {
  return async (action, payload) => {
    let result: unknown;
    try {
      // A WeChat too old for cloud calls fails like a network error, with the same Chinese message.
      result = await apis.callFunction(action, payload ?? {});
    } catch {
      throw new ApiFailure('NETWORK', NETWORK_MESSAGE);
    }
    if (!isApiResult(result)) throw new ApiFailure('INTERNAL', UNREADABLE);
    return result;
  };
}

/**
 * The self-hosted gateway: every call carries the session token; without one (first start, or after it expired or was
 * revoked) the app signs in with wx.login first. A 401 signs in again once and retries the call once.
 */
function gatewaySend(base: string, apis: WeappApis): Send {
  let signingIn: Promise<string> | null = null;

  const post = async (action: string, payload: unknown, token: string | null): Promise<ApiResult<unknown>> => {
    const header: Record<string, string> = { 'content-type': 'application/json' };
    if (token) header.authorization = `Bearer ${token}`;
    let answer: { statusCode: number; data: unknown };
    try {
      answer = await apis.request({ url: `${base}/api/${action}`, method: 'POST', header, data: payload ?? {}, timeout: REQUEST_TIMEOUT_MS });
    } catch {
      throw new ApiFailure('NETWORK', NETWORK_MESSAGE);
    }
    if (!isApiResult(answer.data)) throw new ApiFailure(answer.statusCode >= 500 ? 'INTERNAL' : 'NETWORK', answer.statusCode >= 500 ? UNREADABLE : NETWORK_MESSAGE);
    return answer.data;
  };

  /** One sign-in at a time: calls made while it runs wait for it instead of each asking WeChat for a code. */
  const signIn = (): Promise<string> => {
    signingIn ??= (async () => {
      try {
        let code: string;
        try {
          ({ code } = await apis.login());
        } catch {
          throw new ApiFailure('UNAUTHENTICATED', '微信登录失败，请稍后重试');
        }
        const result = await post('auth.wxLogin', { code }, null);
        if (!result.ok) throw new ApiFailure(result.error.code, result.error.message, result.error.issues ?? []);
        const { token } = result.data as { token: string };
        apis.setToken(token);
        return token;
      } finally {
        signingIn = null;
      }
    })();
    return signingIn;
  };

  return async (action, payload) => {
    const held = apis.getToken();
    const first = await post(action, payload, held ?? (await signIn()));
    if (first.ok || first.error.code !== 'UNAUTHENTICATED') return first;
    // Expired or revoked: forget it, sign in again, and try this call once more.
    apis.setToken(null);
    return post(action, payload, await signIn());
  };
}
