/**
 * The mini-program's choice of backend (api/weappSend.ts): the cloud function by default, the self-hosted gateway with
 * Taro.request and a wx.login session when built with API_BASE. Taro's APIs are stand-ins that answer like them.
 */
import type { ApiResult } from '@shared/result';
import { ApiFailure } from '../../src/api/failure';
import { createWeappSend, type WeappApis } from '../../src/api/weappSend';

type Handler = (action: string, token: string | undefined, payload: unknown) => { statusCode: number; data: ApiResult<unknown> };

function standIns(handler: Handler) {
  const calls = { request: [] as string[], login: 0, callFunction: [] as string[] };
  let token: string | null = null;
  let codes = 0;
  const apis: WeappApis = {
    request: async ({ url, header, data }) => {
      const action = url.replace(/^.*\/api\//, '');
      calls.request.push(url);
      return handler(action, header.authorization?.replace(/^Bearer /, ''), data);
    },
    login: async () => {
      calls.login += 1;
      return { code: `code-${++codes}` };
    },
    getToken: () => token,
    setToken: (t) => {
      token = t;
    },
    callFunction: async (action) => {
      calls.callFunction.push(action);
      return { ok: true, data: { openid: 'from-cloud' } };
    },
  };
  return { apis, calls, token: () => token };
}

const ok = (data: unknown) => ({ statusCode: 200, data: { ok: true as const, data } });
const refused = (statusCode: number, code: 'UNAUTHENTICATED' | 'RATE_LIMITED', message: string) => ({
  statusCode,
  data: { ok: false as const, error: { code, message } },
});

/** A gateway that knows the tokens it issued; `revoked` ones answer 401. */
function gateway(revoked = new Set<string>()): Handler {
  return (action, token, payload) => {
    if (action === 'auth.wxLogin') return ok({ token: `token-for-${(payload as { code: string }).code}`, user: { openid: 'oRider', roles: ['worker'] } });
    if (!token || revoked.has(token)) return refused(401, 'UNAUTHENTICATED', '登录已过期，请重新登录');
    return ok({ openid: 'oRider', with: token });
  };
}

describe('the weapp transport', () => {
  it('calls the api cloud function, and never Taro.request, when built without API_BASE', async () => {
    const { apis, calls } = standIns(gateway());
    const send = createWeappSend('', apis);
    expect(await send('me.get', {})).toEqual({ ok: true, data: { openid: 'from-cloud' } });
    expect(calls).toEqual({ request: [], login: 0, callFunction: ['me.get'] });
  });

  it('signs in with wx.login and calls the gateway with Taro.request when built with API_BASE', async () => {
    const { apis, calls, token } = standIns(gateway());
    const send = createWeappSend('https://sheshan.example.cn/', apis);
    expect(await send('me.get', {})).toEqual({ ok: true, data: { openid: 'oRider', with: 'token-for-code-1' } });
    expect(calls.request).toEqual(['https://sheshan.example.cn/api/auth.wxLogin', 'https://sheshan.example.cn/api/me.get']);
    expect(calls.callFunction).toEqual([]);
    expect(token()).toBe('token-for-code-1');

    await send('registrations.mine', {});
    expect(calls.login).toBe(1);
  });

  it('signs in again once and retries the call when the session has expired or was revoked', async () => {
    const revoked = new Set<string>();
    const { apis, calls } = standIns(gateway(revoked));
    const send = createWeappSend('https://sheshan.example.cn', apis);
    await send('me.get', {});
    revoked.add('token-for-code-1');
    expect(await send('me.get', {})).toEqual({ ok: true, data: { openid: 'oRider', with: 'token-for-code-2' } });
    expect(calls.login).toBe(2);
  });

  it('shares one sign-in between calls made at the same time', async () => {
    const { apis, calls } = standIns(gateway());
    const send = createWeappSend('https://sheshan.example.cn', apis);
    await Promise.all([send('me.get', {}), send('events.list', {}), send('registrations.mine', {})]);
    expect(calls.login).toBe(1);
  });

  it("shows WeChat's refusal in Chinese and does not keep asking", async () => {
    const { apis, calls } = standIns((action) =>
      action === 'auth.wxLogin' ? refused(429, 'RATE_LIMITED', '微信登录过于频繁，请稍后再试') : refused(401, 'UNAUTHENTICATED', '请先登录'),
    );
    const send = createWeappSend('https://sheshan.example.cn', apis);
    await expect(send('me.get', {})).rejects.toEqual(new ApiFailure('RATE_LIMITED', '微信登录过于频繁，请稍后再试'));
    expect(calls.login).toBe(1);
  });
});
