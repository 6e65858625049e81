/** WeChat: every caller is known by the OPENID of the cloud call; there is nothing to pick or sign out of. */

export function hasIdentity(): boolean {
  return true;
}

export const canSwitchPersona = false;

/** Built against the self-hosted gateway (API_BASE), the mini-program signs in with wx.login and holds a session. */
export const usesSessions = API_BASE !== '';

export const canSignInWithMp = false;

export function signInWithMp(): void {
  // Only H5 inside WeChat signs in through the 公众号.
}

export function adoptSessionFromUrl(): string | null {
  return null;
}

export function rememberSession(_token: string): void {
  // No token in WeChat.
}

export function signOut(): void {
  // No token in WeChat.
}
