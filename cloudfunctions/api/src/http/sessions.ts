/**
 * Signed session tokens for the HTTP gateway: base64url(JSON {sub, sid, exp}) + '.' + HMAC-SHA256.
 * The signature proves the gateway issued the token; the session row `sid` (sessions/use-cases.ts `resumeSession`)
 * says whether it still counts, so a revoked session stops on its next call.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SESSION_TTL_SECONDS = 7 * 24 * 3600;

export interface Sessions {
  issue(openid: string, sessionId: string): string;
  /** Who a token speaks for and its session, or null if it is forged, malformed or expired (the row is checked apart). */
  verify(token: string): { openid: string; sessionId: string } | null;
  readonly ttlSeconds: number;
}

export function createSessions(secret: string, now: () => Date = () => new Date(), ttl = SESSION_TTL_SECONDS): Sessions {
  if (secret.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');
  const sign = (body: string) => crypto.createHmac('sha256', secret).update(body).digest('base64url');
  return {
    ttlSeconds: ttl,
    issue(openid, sessionId) {
      const body = Buffer.from(JSON.stringify({ sub: openid, sid: sessionId, exp: Math.floor(now().getTime() / 1000) + ttl })).toString(
        'base64url',
      );
      return `${body}.${sign(body)}`;
    },
    verify(token) {
      const [body, mac, extra] = token.split('.');
      if (!body || !mac || extra !== undefined) return null;
      const expected = Buffer.from(sign(body));
      const given = Buffer.from(mac);
      if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
      try {
        const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { sub?: unknown; sid?: unknown; exp?: unknown };
        if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') return null;
        if (claims.exp * 1000 <= now().getTime()) return null;
        return { openid: claims.sub, sessionId: claims.sid };
      } catch {
        return null;
      }
    },
  };
}

/** SESSION_SECRET if set; in demo mode a random one kept in DATA_DIR so sessions survive a restart. */
export function resolveSessionSecret(env: NodeJS.ProcessEnv, dataDir: string, demo: boolean): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (!demo) throw new Error('SESSION_SECRET is required outside demo mode');
  const file = path.join(dataDir, 'session-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString('hex');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
