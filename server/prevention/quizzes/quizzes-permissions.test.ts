// Who may do what with quizzes, through HTTP: every role against every action, plus nobody
// signed in (401). Coordinators keep the bank and attach quizzes; a quiz is run by a
// coordinator or a presenter of that event (another presenter is refused); coordinators and
// presenters read results; anyone — signed in or not — answers while the quiz is open. Bad
// input for every body is answered with the field named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../common/roles';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../../test/helpers/factories';
import { matrixTests, type MatrixAction } from '../../../test/helpers/matrix';
import { expectRejectsBadInput } from '../../../test/helpers/bad-input';
import { insertEvent } from '../../../test/helpers/prevention';
import { seedStarterQuestions } from './starter';
import { newSubmissionId } from './answers';

let p: TestPlatform;
const clients = new Map<Role, Client>();
let coordinator: Client;
let otherPresenter: Client;
/** Presented by the matrix presenter; has a quiz. */
let ownEvent: string;
/** Presented by another presenter; has a quiz. */
let theirEvent: string;
/** Events with a quiz nobody answered, one removed per successful "remove". */
const removable: string[] = [];
let questionIds: string[];
let questionId: string;
/** A fresh question for each successful delete. */
const deletable: string[] = [];

const QUESTION = {
  topic: 'grooming',
  sr: { prompt: 'Коме кажеш ако те неко узнемирава?', options: ['Никоме', 'Одраслој особи од поверења', 'Само другу'] },
  en: { prompt: 'Whom do you tell if someone harasses you?', options: ['No one', 'An adult you trust', 'Only a friend'] },
  correctOption: 1,
};

async function questionOf(client: Client): Promise<string> {
  const response = await client.post('/api/v1/quiz-questions', QUESTION);
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().id;
}

beforeAll(async () => {
  p = await createTestPlatform();
  let presenterId = '';
  for (const role of ROLES) {
    const user = await createUser(p.ctx, { roles: [role] });
    if (role === 'presenter') presenterId = user.id;
    clients.set(role, await signIn(p.app, user));
  }
  coordinator = clients.get('prevention-coordinator')!;
  const other = await createUser(p.ctx, { roles: ['presenter'] });
  otherPresenter = await signIn(p.app, other);
  await seedStarterQuestions(p.ctx.db);
  questionIds = (await p.ctx.db.selectFrom('quizQuestions').select('id').limit(4).execute()).map((r) => r.id);
  questionId = await questionOf(coordinator);
  deletable.push(await questionOf(coordinator));
  const now = new Date(Date.now() - 5 * 60_000);
  ownEvent = await insertEvent(p.ctx, { startsAt: now, presenterIds: [presenterId] });
  theirEvent = await insertEvent(p.ctx, { startsAt: now, presenterIds: [other.id] });
  for (const eventId of [ownEvent, theirEvent]) {
    const response = await coordinator.put(`/api/v1/events/${eventId}/quiz`, { questionIds: questionIds.slice(0, 3) });
    if (response.statusCode !== 201) throw new Error(response.body);
  }
  for (let i = 0; i < 2; i++) {
    const eventId = await insertEvent(p.ctx, { startsAt: now });
    await coordinator.put(`/api/v1/events/${eventId}/quiz`, { questionIds: questionIds.slice(0, 3) });
    removable.push(eventId);
  }
}, 120_000);
afterAll(async () => p?.close());

const manage = { 'prevention-coordinator': 200, otherwise: 403 };
const teamReads = { 'prevention-coordinator': 200, presenter: 200, otherwise: 403 };

const ACTIONS: MatrixAction[] = [
  { name: 'list the question bank', method: 'GET', url: () => '/api/v1/quiz-questions', expect: manage },
  { name: 'write a question', method: 'POST', url: () => '/api/v1/quiz-questions', body: () => QUESTION, expect: { 'prevention-coordinator': 201, otherwise: 403 } },
  { name: 'read a question', method: 'GET', url: () => `/api/v1/quiz-questions/${questionId}`, expect: manage },
  { name: 'change a question', method: 'PATCH', url: () => `/api/v1/quiz-questions/${questionId}`, body: () => ({ needsReview: true }), expect: manage },
  { name: 'delete a question', method: 'DELETE', url: () => `/api/v1/quiz-questions/${deletable[0]}`, expect: manage },
  { name: "read an event's quiz", method: 'GET', url: () => `/api/v1/events/${theirEvent}/quiz`, expect: teamReads },
  { name: 'attach a quiz', method: 'PUT', url: () => `/api/v1/events/${ownEvent}/quiz`, body: () => ({ questionIds: questionIds.slice(0, 3) }), expect: manage },
  { name: 'remove a quiz', method: 'DELETE', url: () => `/api/v1/events/${removable[0]}/quiz`, expect: manage },
  { name: 'run the quiz of an event they present', method: 'POST', url: () => `/api/v1/events/${ownEvent}/quiz/phase`, body: () => ({ phase: 'closed' }), expect: teamReads },
  { name: 'read quiz results', method: 'GET', url: () => `/api/v1/events/${theirEvent}/quiz/results`, expect: teamReads },
];

describe('permission matrix', () => {
  matrixTests(ACTIONS, () => clients, () => p.app);
});

describe('the own-event scope of running a quiz', () => {
  it('lets a presenter of the event open and close it, and refuses another presenter', async () => {
    const presenter = clients.get('presenter')!;
    const mine = await presenter.post(`/api/v1/events/${ownEvent}/quiz/phase`, { phase: 'pre' });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ canRun: true, canManage: false, quiz: { phase: 'pre' } });
    const refused = await otherPresenter.post(`/api/v1/events/${ownEvent}/quiz/phase`, { phase: 'closed' });
    expect(refused.statusCode).toBe(403);
    // They may read the quiz (and its code) but are told they cannot run it.
    expect((await otherPresenter.get(`/api/v1/events/${ownEvent}/quiz`)).json()).toMatchObject({ canRun: false, canManage: false, quiz: { phase: 'pre' } });
    expect((await presenter.get(`/api/v1/events/${theirEvent}/quiz`)).json().canRun).toBe(false);
    expect((await presenter.post(`/api/v1/events/${theirEvent}/quiz/phase`, { phase: 'pre' })).statusCode).toBe(403);
    expect((await coordinator.get(`/api/v1/events/${ownEvent}/quiz`)).json()).toMatchObject({ canRun: true, canManage: true });
  });

  it('lets everyone answer while the quiz is open — any role or nobody signed in — and nobody once it is closed', async () => {
    const opened = await coordinator.post(`/api/v1/events/${theirEvent}/quiz/phase`, { phase: 'pre' });
    const code = opened.json().quiz.code as string;
    const sheet = (submission: string) =>
      new URLSearchParams({ submission, phase: 'pre', ...Object.fromEntries(questionIds.slice(0, 3).map((id) => [`answer-${id}`, '0'])) }).toString();
    const send = (client: Client | null, submission: string) =>
      (client ? client.request : p.app.inject.bind(p.app))({ method: 'POST', url: `/q/${code}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: sheet(submission) });
    const id = () => newSubmissionId(p.ctx.keys, code);
    for (const role of ROLES) expect((await send(clients.get(role)!, id())).statusCode, role).toBe(200);
    expect((await send(null, id())).statusCode).toBe(200);
    await coordinator.post(`/api/v1/events/${theirEvent}/quiz/phase`, { phase: 'closed' });
    expect((await send(null, id())).statusCode).toBe(409);
    expect((await send(clients.get('prevention-coordinator')!, id())).statusCode).toBe(409);
  });
});

describe('bad input', () => {
  it('is refused with the field named on every body', async () => {
    await expectRejectsBadInput(coordinator, { method: 'POST', url: '/api/v1/quiz-questions', valid: QUESTION, required: 'topic', wrongType: ['correctOption', 'one'] });
    await expectRejectsBadInput(coordinator, { method: 'PATCH', url: `/api/v1/quiz-questions/${questionId}`, valid: { needsReview: false }, wrongType: ['isActive', 'yes'] });
    const fresh = await insertEvent(p.ctx, { startsAt: new Date() });
    await expectRejectsBadInput(coordinator, { method: 'PUT', url: `/api/v1/events/${fresh}/quiz`, valid: { questionIds: questionIds.slice(0, 3) }, required: 'questionIds', wrongType: ['questionIds', 'all'] });
    await expectRejectsBadInput(coordinator, { method: 'POST', url: `/api/v1/events/${ownEvent}/quiz/phase`, valid: { phase: 'closed' }, required: 'phase', wrongType: ['phase', 'during'] });
  });

  it('names the field for bad ids and out-of-range values', async () => {
    expect((await coordinator.get('/api/v1/quiz-questions/not-an-id')).json().error.fields).toHaveProperty('id');
    expect((await coordinator.get('/api/v1/quiz-questions?topic=astrology')).json().error.fields).toHaveProperty('topic');
    expect((await coordinator.get('/api/v1/quiz-questions?status=lost')).json().error.fields).toHaveProperty('status');
    expect((await coordinator.get('/api/v1/events/not-an-id/quiz')).json().error.fields).toHaveProperty('id');
    const blank = await coordinator.post('/api/v1/quiz-questions', { ...QUESTION, sr: { ...QUESTION.sr, prompt: '   ' } });
    expect(blank.json().error.fields).toHaveProperty(['sr.prompt']);
    const longOption = await coordinator.post('/api/v1/quiz-questions', { ...QUESTION, en: { ...QUESTION.en, options: ['x'.repeat(161), 'b', 'c'] } });
    expect(longOption.json().error.fields).toHaveProperty(['en.options.0']);
    const fiveOptions = await coordinator.post('/api/v1/quiz-questions', { ...QUESTION, correctOption: 4 });
    expect(fiveOptions.json().error.fields).toHaveProperty('correctOption');
    const notIds = await coordinator.put(`/api/v1/events/${ownEvent}/quiz`, { questionIds: ['a', 'b', 'c'] });
    expect(notIds.json().error.fields).toHaveProperty(['questionIds.0']);
  });
});
