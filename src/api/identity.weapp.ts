/** WeChat: every caller is known by the OPENID of the cloud call; there is nothing to pick or sign out of. */

export function hasIdentity(): boolean {
  return true;
}

export const canSwitchPersona = false;

export function rememberSession(_token: string): void {
  // No token in WeChat.
}

export function signOut(): void {
  // No token in WeChat.
}
