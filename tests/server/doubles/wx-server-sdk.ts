/**
 * TEST DOUBLE of wx-server-sdk — not the real SDK. No machine here can reach WeChat's cloud, so the cloud
 * function's bundle is run against this stand-in for the things it takes from the SDK: `init`,
 * `DYNAMIC_CURRENT_ENV`, `getWXContext()` (whose OPENID a test sets with `setWxContext`) and
 * `openapi.wxacode.getUnlimited` (小程序码 for the self check-in page).
 */
let context: { OPENID?: string; APPID?: string } = {};
export const initCalls: unknown[] = [];

export function setWxContext(next: { OPENID?: string; APPID?: string }): void {
  context = next;
}

/** Every `openapi.wxacode.getUnlimited` request the code under test made (a test empties it). */
export const wxacodeCalls: { scene: string; page: string; checkPath?: boolean; width?: number }[] = [];
/** A 1×1 PNG: what the double answers for any 小程序码 (the real one is a PNG image too). */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

export const wxServerSdkDouble = {
  /** TEST DOUBLE of `cloud.openapi.wxacode.getUnlimited`: records the request, answers a PNG the way the SDK does. */
  openapi: {
    wxacode: {
      async getUnlimited(options: { scene: string; page: string; checkPath?: boolean; width?: number }) {
        if (options.scene.length > 32) throw Object.assign(new Error('openapi.wxacode.getUnlimited:fail 40169 invalid scene'), { errCode: 40169 });
        wxacodeCalls.push(options);
        return { contentType: 'image/png', buffer: TINY_PNG, errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok' };
      },
    },
  },
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init(options: unknown) {
    initCalls.push(options);
  },
  getWXContext() {
    return { ...context };
  },
};
