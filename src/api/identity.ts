/** H5: a person is someone once they hold a gateway session (picked in 我的 in demo mode). */
import Taro from '@tarojs/taro';
import { clearSessionToken, getSessionToken, setSessionToken } from './session';

export function hasIdentity(): boolean {
  return getSessionToken() !== null;
}

/** Every H5 sign-in is a gateway session, listed under 我的 → 登录设备. */
export const usesSessions = true;

/** The gateway says so in the page when a 公众号 is configured; only a browser inside WeChat can use it. */
export const canSignInWithMp: boolean =
  typeof window !== 'undefined' && window.__SHESHAN_MP_LOGIN__ === true && /MicroMessenger/i.test(window.navigator.userAgent);

/** Starts 公众号网页授权 and comes back to this page signed in. */
export function signInWithMp(): void {
  const next = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/auth/mp/start?next=${encodeURIComponent(next)}`);
}

/** Back from 公众号网页授权: the session (or why there is none) is in the URL fragment; keep it and clean the address. */
export function adoptSessionFromUrl(): string | null {
  if (typeof window === 'undefined' || !window.location.hash) return null;
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const token = fragment.get('session');
  const failure = fragment.get('mp_error');
  if (!token && !failure) return null;
  if (token) setSessionToken(token);
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  return failure;
}

/** The demo persona picker and 退出 exist only where the gateway says it runs in demo mode (it sets the flag in the page). */
export const canSwitchPersona: boolean = typeof window !== 'undefined' && window.__SHESHAN_DEMO__ === true;

export function rememberSession(token: string): void {
  setSessionToken(token);
}

export function signOut(): void {
  clearSessionToken();
}

// Before any page asks who is calling: a person just back from 公众号网页授权 is signed in from the first render.
const mpFailure = adoptSessionFromUrl();
if (mpFailure) setTimeout(() => void Taro.showToast({ title: mpFailure, icon: 'none', duration: 3000 }), 800);
