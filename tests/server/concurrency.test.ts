/**
 * Hundreds of people press 报名 at the same moment, through real HTTP, on each engine:
 * exactly `capacity` get a seat, everyone else waits in a gap-free line, and cancellations promote in order.
 */
import type { FastifyInstance } from 'fastify';
import type { ApiResult } from '@shared/result';
import type { Registration } from '@shared/registrations';
import { buildGateway } from '../../cloudfunctions/api/src/http/gateway';
import { createSessions, type Sessions } from '../../cloudfunctions/api/src/http/sessions';
import { ENGINES } from './support/db';
import { aPublishedEvent, contactOf, makeWorld, type World } from './support/world';
import { openSession } from './support/sessions';

const PEOPLE = 300;
const CAPACITY = 10;

describe.each(ENGINES)('simultaneous sign-ups through the gateway on %s', (engine) => {
  let world: World;
  let app: FastifyInstance;
  let sessions: Sessions;
  let base: string;

  beforeAll(async () => {
    world = await makeWorld(engine);
    sessions = createSessions('x'.repeat(32), () => world.clock.now);
    app = await buildGateway({ deps: world.deps, sessions });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await app.close();
    await world.close();
  });

  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (openid: string): Promise<string> => {
    if (!tokens.has(openid)) tokens.set(openid, openSession(world.deps, sessions, openid));
    return tokens.get(openid) as Promise<string>;
  };

  async function post<T>(openid: string, action: string, payload: unknown): Promise<ApiResult<T>> {
    const res = await fetch(`${base}/api/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf(openid)}` },
      body: JSON.stringify(payload),
    });
    return (await res.json()) as ApiResult<T>;
  }

  it(`seats exactly ${CAPACITY} of ${PEOPLE} and lines up the rest, then promotes in order`, async () => {
    const eventId = await aPublishedEvent(world, { capacity: CAPACITY });
    const results = await Promise.all(
      Array.from({ length: PEOPLE }, (_, i) =>
        post<Registration>(`rider-${i}`, 'registrations.create', { eventId, contact: contactOf(i) }),
      ),
    );
    const regs = results.map((r) => {
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.data;
    });
    expect(regs.filter((r) => r.status === 'confirmed')).toHaveLength(CAPACITY);
    const waiting = regs.filter((r) => r.status === 'waitlisted');
    expect(waiting.map((r) => r.position).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: PEOPLE - CAPACITY }, (_, i) => i + 1),
    );

    const event = await world.call(null, 'events.get', { id: eventId });
    expect(event).toMatchObject({ confirmedCount: CAPACITY, waitlistCount: PEOPLE - CAPACITY, seatsLeft: 0 });

    // Three confirmed people cancel at once: the first three in line get their seats.
    const line = await world.call('staff-1', 'registrations.listByEvent', { eventId, status: 'waitlisted' });
    const leaving = regs.filter((r) => r.status === 'confirmed').slice(0, 3);
    const byId = new Map(regs.map((r, i) => [r.id, `rider-${i}`]));
    await Promise.all(leaving.map((r) => post(byId.get(r.id) as string, 'registrations.cancel', { id: r.id })));

    const confirmed = await world.call('staff-1', 'registrations.listByEvent', { eventId, status: 'confirmed' });
    expect(confirmed).toHaveLength(CAPACITY);
    expect(confirmed.map((r) => r.id)).toEqual(expect.arrayContaining(line.slice(0, 3).map((r) => r.id)));
    const stillWaiting = await world.call('staff-1', 'registrations.listByEvent', { eventId, status: 'waitlisted' });
    expect(stillWaiting.map((r) => r.id)).toEqual(line.slice(3).map((r) => r.id));
    expect(stillWaiting.map((r) => r.position)).toEqual(stillWaiting.map((_, i) => i + 1));
  });

  it('gives one person pressing 报名 twenty times at once one registration', async () => {
    const eventId = await aPublishedEvent(world, { capacity: 3 });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => post<Registration>('impatient', 'registrations.create', { eventId, contact: contactOf(1) })),
    );
    const ids = new Set(results.map((r) => (r.ok ? r.data.id : r.error.code)));
    expect([...ids]).toHaveLength(1);
    expect(await world.call(null, 'events.get', { id: eventId })).toMatchObject({ confirmedCount: 1, waitlistCount: 0 });
  });
});
