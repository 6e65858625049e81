/** H5 transport: POST /api/<action> on the gateway, Bearer session token. */
import type { ApiResult } from '@shared/result';
import { ApiFailure, NETWORK_MESSAGE } from './failure';
import { isApiResult } from './result';
import { clearSessionToken, getSessionToken } from './session';

export async function send(action: string, payload: unknown): Promise<ApiResult<unknown>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = getSessionToken();
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(`/api/${action}`, { method: 'POST', headers, body: JSON.stringify(payload ?? {}) });
  } catch {
    throw new ApiFailure('NETWORK', NETWORK_MESSAGE);
  }

  // 4xx answers still carry an ApiResult with a Chinese message: read the body whatever the status.
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiFailure(response.status >= 500 ? 'INTERNAL' : 'NETWORK', NETWORK_MESSAGE);
  }
  if (!isApiResult(body)) throw new ApiFailure('INTERNAL', '服务返回了无法识别的内容');

  // A stale or forged token: forget it so the app shows the signed-out state instead of failing again.
  if (!body.ok && body.error.code === 'UNAUTHENTICATED' && token) clearSessionToken();
  return body;
}
