/**
 * Sign-in attempts per client address: tighter than the gateway's general limit (600 calls a minute), since a sign-in
 * costs a call to WeChat (which itself limits us, errcode 45011) and a ticket row. Fixed one-minute windows, in memory:
 * with several gateways each counts its own share, which is still a limit.
 */

/** Attempts per address per minute. A desktop polls its ticket every 1.5 s (40 a minute), so an office of a few fits. */
export const SIGN_IN_LIMITS: Readonly<Record<string, number>> = {
  'auth.wxLogin': 20,
  'auth.qrTicket': 20,
  'auth.qrPoll': 240,
  'auth.mpCallback': 20,
};

export interface SignInLimiter {
  /** False once `ip` has used up its attempts at `action` in this window; actions not listed are not counted. */
  allow(action: string, ip: string): boolean;
}

export function createSignInLimiter(
  limits: Readonly<Record<string, number>> = SIGN_IN_LIMITS,
  windowMs = 60_000,
  now: () => number = Date.now,
): SignInLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();
  return {
    allow(action, ip) {
      const max = limits[action];
      if (max === undefined) return true;
      const t = now();
      if (t - lastSweep > windowMs) {
        for (const [key, w] of windows) if (t - w.start >= windowMs) windows.delete(key);
        lastSweep = t;
      }
      const key = `${action}|${ip}`;
      const w = windows.get(key);
      if (!w || t - w.start >= windowMs) {
        windows.set(key, { start: t, count: 1 });
        return true;
      }
      w.count += 1;
      return w.count <= max;
    },
  };
}
