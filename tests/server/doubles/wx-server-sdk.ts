/**
 * TEST DOUBLE of wx-server-sdk — not the real SDK. No machine here can reach WeChat's cloud, so the cloud
 * function's bundle is run against this stand-in for the three things it takes from the SDK: `init`,
 * `DYNAMIC_CURRENT_ENV` and `getWXContext()` (whose OPENID a test sets with `setWxContext`).
 */
let context: { OPENID?: string; APPID?: string } = {};
export const initCalls: unknown[] = [];

export function setWxContext(next: { OPENID?: string; APPID?: string }): void {
  context = next;
}

export const wxServerSdkDouble = {
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init(options: unknown) {
    initCalls.push(options);
  },
  getWXContext() {
    return { ...context };
  },
};
