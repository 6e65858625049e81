/** A signed-in caller for tests over HTTP: a real session row and its token, as a sign-in would make them. */
import type { Deps, SessionIssuer } from '../../../cloudfunctions/api/src/core/context';
import { startSession } from '../../../cloudfunctions/api/src/sessions/use-cases';

export async function openSession(deps: Deps, issuer: SessionIssuer, openid: string, userAgent?: string): Promise<string> {
  const now = deps.now().toISOString();
  return (await startSession(deps, issuer, { openid, via: 'demo', now, ...(userAgent ? { userAgent } : {}) })).token;
}

/** What the authorization and bad-input tables need: a live session of each person, and a pending desktop ticket. */
export async function signInFixtures(
  world: { deps: Deps; call: (openid: string | null, action: 'auth.qrTicket', payload: Record<string, never>) => Promise<{ ticketId: string; secret: string }> },
  openids: string[],
): Promise<{ sessionOf: Record<string, string>; ticket: { id: string; secret: string } }> {
  const issuer = world.deps.sessions ?? world.deps.demoSessions;
  if (!issuer) throw new Error('signInFixtures needs a world with sessions');
  const sessionOf: Record<string, string> = {};
  for (const openid of openids) {
    const token = await openSession(world.deps, issuer, openid);
    sessionOf[openid] = sessionIdOf(token);
  }
  const { ticketId, secret } = await world.call(null, 'auth.qrTicket', {});
  return { sessionOf, ticket: { id: ticketId, secret } };
}

/** The session id a token carries (its signed body is plain base64url JSON). */
export function sessionIdOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as { sid: string }).sid;
}

/** A stand-in for WeChat's jscode2session in use-case tests: any code is a person "wx-<code>". */
export const wechatStandIn: NonNullable<Deps['wechat']> = {
  codeToSession: async (code) => ({ openid: `wx-${code.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'x'}` }),
};
