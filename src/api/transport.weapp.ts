/**
 * WeChat transport. Built as is, it calls the `api` cloud function (identity = the call's OPENID). Built with
 * API_BASE=https://… it calls the self-hosted gateway with Taro.request and a session from wx.login (api/weappSend.ts).
 */
import Taro from '@tarojs/taro';
import { clearSessionToken, getSessionToken, setSessionToken } from './session';
import { createWeappSend } from './weappSend';

let initialised = false;

function initCloud(): void {
  if (initialised) return;
  Taro.cloud.init({ env: CLOUD_ENV || Taro.cloud.DYNAMIC_CURRENT_ENV, traceUser: true });
  initialised = true;
}

export const send = createWeappSend(API_BASE, {
  request: async (options) => {
    const response = await Taro.request({ ...options, dataType: 'json' });
    return { statusCode: response.statusCode, data: response.data as unknown };
  },
  login: async () => ({ code: (await Taro.login()).code }),
  getToken: getSessionToken,
  setToken: (token) => (token ? setSessionToken(token) : clearSessionToken()),
  callFunction: async (action, payload) => {
    initCloud();
    return (await Taro.cloud.callFunction({ name: 'api', data: { action, payload } })).result;
  },
});
