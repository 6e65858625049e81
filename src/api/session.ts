import Taro from '@tarojs/taro';

/** The gateway's signed session token. Only H5 has one; in WeChat identity comes from the cloud call itself. */
const SESSION_KEY = 'session';

export function getSessionToken(): string | null {
  const token: unknown = Taro.getStorageSync(SESSION_KEY);
  return typeof token === 'string' && token !== '' ? token : null;
}

export function setSessionToken(token: string): void {
  Taro.setStorageSync(SESSION_KEY, token);
}

export function clearSessionToken(): void {
  Taro.removeStorageSync(SESSION_KEY);
}
