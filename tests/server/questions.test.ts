/**
 * Sign-up questions: staff ask, people answer, the server holds each answer to its question (type, required, choices,
 * length) and names the question when one does not fit; once someone has signed up only the wording may change.
 */
import { answerIssues, type Question } from '@shared/questions';
import type { ApiResult } from '@shared/result';
import { ENGINES } from './support/db';
import { RIDER_QUESTIONS } from './support/questions';
import { aPublishedEvent, contactOf, makeWorld, type World } from './support/world';


const GOOD = { platform: '美团', member: '是', needs: ['免费体检', '技能认定'], years: 3, note: '  电动车保险怎么买  ' };

describe('the answer rule shared by the sign-up form and the server', () => {
  it('finds nothing wrong with answers that fit', () => {
    expect(answerIssues(RIDER_QUESTIONS, GOOD)).toEqual([]);
  });

  it.each([
    ['a number question answered with text', { ...GOOD, years: '三年' }, 'years', '「从业年限」请填写数字'],
    ['a text question answered with a number', { ...GOOD, note: 42 }, 'note', '「想了解的内容」请填写文字'],
    ['an answer to a question the event does not ask', { ...GOOD, shoeSize: '42' }, 'shoeSize', '这个问题已不在报名表中，请刷新后重新填写'],
    ['a required question left out', { member: '是' }, 'platform', '请回答「所在平台」'],
    ['a required question answered with spaces', { ...GOOD, platform: '   ' }, 'platform', '请回答「所在平台」'],
    ['a choice not among the options', { ...GOOD, platform: '滴滴' }, 'platform', '「所在平台」请从选项中选择一项'],
    ['a multiple choice with an unknown option', { ...GOOD, needs: ['技能认定', '理发'] }, 'needs', '「需要的服务」请从选项中选择'],
    ['a multiple choice given as text', { ...GOOD, needs: '技能认定' }, 'needs', '「需要的服务」请从选项中选择'],
    ['a text answer over 200 characters', { ...GOOD, note: '想'.repeat(201) }, 'note', '「想了解的内容」最多 200 个字'],
    ['a number beyond any count', { ...GOOD, years: 1e12 }, 'years', '「从业年限」的数字太大'],
  ])('names the question for %s', (_what, answers, id, message) => {
    expect(answerIssues(RIDER_QUESTIONS, answers as never)).toContainEqual({ path: ['answers', id], message });
  });
});

describe.each(ENGINES)('sign-up questions on %s', (engine) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(engine);
  });
  beforeEach(async () => {
    await world.reset();
    await world.givenUser('worker-1');
    await world.givenUser('worker-2');
  });
  afterAll(() => world.close());

  it('keeps the questions staff add to an event and shows them on the event page', async () => {
    const eventId = await aPublishedEvent(world, { questions: RIDER_QUESTIONS });
    const event = await world.call('worker-1', 'events.get', { id: eventId });
    expect(event.questions).toEqual(RIDER_QUESTIONS);
  });

  it('signs a worker up with answers that fit, trimmed, and shows them to staff in the sign-up list', async () => {
    const eventId = await aPublishedEvent(world, { questions: RIDER_QUESTIONS });
    const registration = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1), answers: GOOD });
    expect(registration.answers).toEqual({ ...GOOD, note: '电动车保险怎么买' });
    const list = await world.call('staff-1', 'registrations.listByEvent', { eventId });
    expect(list.map((r) => r.answers)).toEqual([{ ...GOOD, note: '电动车保险怎么买' }]);
  });

  it.each([
    ['of the wrong type', { ...GOOD, years: '三年' }, 'years', /从业年限/],
    ['to a question the event does not ask', { ...GOOD, shoeSize: '42' }, 'shoeSize', /不在报名表/],
    ['missing a required question', { member: '是' }, 'platform', /所在平台/],
    ['with a choice not among the options', { ...GOOD, platform: '滴滴' }, 'platform', /所在平台/],
    ['too long', { ...GOOD, note: '想'.repeat(201) }, 'note', /想了解的内容/],
  ])('refuses answers %s with INVALID_INPUT naming the question, and signs nobody up', async (_what, answers, id, message) => {
    const eventId = await aPublishedEvent(world, { questions: RIDER_QUESTIONS });
    const result = (await world.send('worker-1', 'registrations.create', { eventId, contact: contactOf(1), answers })) as ApiResult<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
    if (!result.ok) expect(result.error.issues).toContainEqual({ path: ['answers', id], message: expect.stringMatching(message) });
    expect(await world.call('staff-1', 'registrations.listByEvent', { eventId })).toEqual([]);
    expect((await world.call('worker-1', 'events.get', { id: eventId })).seatsLeft).toBe(5);
  });

  it('lets staff change questions freely until the first sign-up', async () => {
    const eventId = await aPublishedEvent(world, { questions: RIDER_QUESTIONS });
    const fewer = [RIDER_QUESTIONS[1], { ...RIDER_QUESTIONS[3], kind: 'text' as const }];
    const updated = await world.call('staff-1', 'events.update', { id: eventId, questions: fewer });
    expect(updated.questions).toEqual(fewer);
  });

  it('after the first sign-up lets staff reword questions and options, and nothing else', async () => {
    const eventId = await aPublishedEvent(world, { questions: RIDER_QUESTIONS });
    await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1), answers: GOOD });

    const reworded = RIDER_QUESTIONS.map((q) =>
      q.id === 'platform' ? { ...q, label: '您所在的平台', options: ['美团外卖', '饿了么', '顺丰同城'] } : q,
    );
    expect((await world.call('staff-1', 'events.update', { id: eventId, questions: reworded })).questions[0].label).toBe('您所在的平台');

    const refused: [string, Question[]][] = [
      ['one question more', [...reworded, { id: 'extra', kind: 'text', label: '备注', required: false }]],
      ['one question fewer', reworded.slice(1)],
      ['another order', [reworded[1], reworded[0], ...reworded.slice(2)]],
      ['another kind', reworded.map((q) => (q.id === 'years' ? { ...q, kind: 'text' as const } : q))],
      ['required changed', reworded.map((q) => (q.id === 'needs' ? { ...q, required: true } : q))],
      ['an option more', reworded.map((q) => (q.id === 'member' ? { ...q, options: ['是', '否', '预备党员'] } : q))],
    ];
    for (const [what, questions] of refused) {
      const result = (await world.send('staff-1', 'events.update', { id: eventId, questions })) as ApiResult<unknown>;
      expect([what, result]).toMatchObject([what, { ok: false, error: { code: 'INVALID_TRANSITION', message: expect.stringMatching(/已有人报名/) } }]);
    }
    expect((await world.call('staff-1', 'events.get', { id: eventId })).questions).toEqual(reworded);
  });

  it('keeps the questions fixed after a sign-up even once it is cancelled, since its answers stay on record', async () => {
    const eventId = await aPublishedEvent(world, { questions: RIDER_QUESTIONS });
    const registration = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1), answers: GOOD });
    await world.call('worker-1', 'registrations.cancel', { id: registration.id });
    const result = await world.send('staff-1', 'events.update', { id: eventId, questions: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });

  it('replaces the answers of a person who cancelled and signs up again', async () => {
    const eventId = await aPublishedEvent(world, { questions: RIDER_QUESTIONS });
    const first = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1), answers: GOOD });
    await world.call('worker-1', 'registrations.cancel', { id: first.id });
    const again = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1), answers: { platform: '顺丰', member: '否' } });
    expect(again.answers).toEqual({ platform: '顺丰', member: '否' });
  });
});
