/** WeChat transport: the `api` cloud function; identity comes from the call's OPENID, no token. */
import Taro from '@tarojs/taro';
import type { ApiResult } from '@shared/result';
import { ApiFailure, NETWORK_MESSAGE } from './failure';
import { isApiResult } from './result';

let initialised = false;

function initCloud(): void {
  if (initialised) return;
  Taro.cloud.init({ env: CLOUD_ENV || Taro.cloud.DYNAMIC_CURRENT_ENV, traceUser: true });
  initialised = true;
}

export async function send(action: string, payload: unknown): Promise<ApiResult<unknown>> {
  let result: unknown;
  try {
    // Inside the try: a WeChat too old for cloud calls fails like a network error, with the same Chinese message.
    initCloud();
    const response = await Taro.cloud.callFunction({ name: 'api', data: { action, payload: payload ?? {} } });
    result = response.result;
  } catch {
    throw new ApiFailure('NETWORK', NETWORK_MESSAGE);
  }
  if (!isApiResult(result)) throw new ApiFailure('INTERNAL', '服务返回了无法识别的内容');
  return result;
}
