/** H5: a person is someone once they hold a gateway session (picked in 我的 in demo mode). */
import { clearSessionToken, getSessionToken, setSessionToken } from './session';

export function hasIdentity(): boolean {
  return getSessionToken() !== null;
}

/** The demo persona picker and 退出 exist only where the gateway says it runs in demo mode (it sets the flag in the page). */
export const canSwitchPersona: boolean = typeof window !== 'undefined' && window.__SHESHAN_DEMO__ === true;

export function rememberSession(token: string): void {
  setSessionToken(token);
}

export function signOut(): void {
  clearSessionToken();
}
