import type { FastifyInstance } from 'fastify';
import { buildGateway } from '../../cloudfunctions/api/src/http/gateway';
import { createSessions } from '../../cloudfunctions/api/src/http/sessions';
import { makeWorld, type World } from './support/world';
import { openSession } from './support/sessions';

describe('rate limiting on the gateway', () => {
  let world: World;
  let app: FastifyInstance;
  let base: string;
  const sessions = createSessions('r'.repeat(32));

  beforeAll(async () => {
    world = await makeWorld();
    app = await buildGateway({ deps: world.deps, sessions, rateLimit: { max: 5, timeWindowMs: 60_000 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app.close();
    await world.close();
  });

  const meAs = async (openid: string) =>
    fetch(`${base}/api/me.get`, { method: 'POST', headers: { authorization: `Bearer ${await openSession(world.deps, sessions, openid)}` }, body: '{}' });

  it('answers 429 RATE_LIMITED in Chinese past the limit, per person, and keeps serving others', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await meAs('busy-rider')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const body = await (await meAs('busy-rider')).json();
    expect(body).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' } });
    expect((await meAs('calm-rider')).status).toBe(200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
