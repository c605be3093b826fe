// Quizzes end to end through HTTP on a real database: the question bank (starter set, writing,
// retiring instead of deleting), attaching a quiz to an event, running its phases with the event
// code and its expiry, the pupils' anonymous public page (double submission, closed and changed
// phases, bad answer sheets, nothing about the pupil kept), and the results per question.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLatin } from '../../../common/i18n/translit';
import { QUIZ_CODE_ALPHABET } from '../../../common/schemas/prevention/quizzes';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client } from '../../../test/helpers/factories';
import { insertEvent } from '../../../test/helpers/prevention';
import { seedStarterQuestions, STARTER_QUESTIONS } from './starter';
import { quizWindow } from './quizzes';
import { newSubmissionId } from './answers';

let p: TestPlatform;
let coordinator: Client;
let presenter: Client;
let presenterId: string;
let starterIds: Map<string, string>;

const question = (overrides: Record<string, unknown> = {}) => ({
  topic: 'privacy',
  sr: { prompt: 'Да ли је безбедно делити лозинку?', options: ['Да', 'Не', 'Само са другом'], explanation: 'Лозинку знаш само ти.' },
  en: { prompt: 'Is it safe to share a password?', options: ['Yes', 'No', 'Only with a friend'], explanation: 'Only you know your password.' },
  correctOption: 1,
  ...overrides,
});

async function newQuestion(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await coordinator.post('/api/v1/quiz-questions', question(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** An event happening now (the quiz window is open), presented by the test presenter. */
const eventNow = () => insertEvent(p.ctx, { startsAt: new Date(Date.now() - 10 * 60_000), durationMinutes: 90, presenterIds: [presenterId] });

async function quizOn(eventId: string, questionIds: string[]) {
  const response = await coordinator.put(`/api/v1/events/${eventId}/quiz`, { questionIds });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function setPhase(client: Client, eventId: string, phase: string) {
  return client.post(`/api/v1/events/${eventId}/quiz/phase`, { phase });
}

async function openQuiz(eventId: string, phase: 'pre' | 'post'): Promise<string> {
  const response = await setPhase(coordinator, eventId, phase);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().quiz.code;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const submissionIdOf = (html: string) => /name="submission" value="([^"]+)"/.exec(html)![1]!;

/** Sends an answer sheet as the page's form would. `answers` by question id. */
function answer(code: string, fields: { submission: string; phase: string; answers: Record<string, number | string> }, options: { language?: string; remoteAddress?: string; headers?: Record<string, string> } = {}) {
  const body: Record<string, string> = { submission: fields.submission, phase: fields.phase };
  for (const [id, value] of Object.entries(fields.answers)) body[`answer-${id}`] = String(value);
  return p.app.inject({
    method: 'POST',
    url: `/q/${code}`,
    payload: form(body),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
    ...(options.language ? { cookies: { bezbedno_lang: options.language } } : {}),
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
}

/** The id a page the server rendered for this quiz would carry. */
const randomSubmission = (code: string) => newSubmissionId(p.ctx.keys, code);
const responseCount = async (eventId: string) =>
  Number((await p.ctx.db.selectFrom('quizResponses').select((eb) => eb.fn.countAll<string>().as('n')).where('eventId', '=', eventId).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  p = await createTestPlatform();
  coordinator = await signIn(p.app, await createUser(p.ctx, { roles: ['prevention-coordinator'] }));
  const presenterUser = await createUser(p.ctx, { roles: ['presenter'] });
  presenterId = presenterUser.id;
  presenter = await signIn(p.app, presenterUser);
  await seedStarterQuestions(p.ctx.db);
  const rows = await p.ctx.db.selectFrom('quizQuestions').select(['id', 'starterKey']).where('starterKey', 'is not', null).execute();
  starterIds = new Map(rows.map((r) => [r.starterKey!, r.id]));
}, 120_000);
afterAll(async () => p?.close());

describe('the starting question bank', () => {
  it('is seeded once, every question marked for the centre to review, in both languages with one right answer', async () => {
    expect(starterIds.size).toBe(STARTER_QUESTIONS.length);
    expect(STARTER_QUESTIONS.length).toBeGreaterThanOrEqual(15);
    expect(await seedStarterQuestions(p.ctx.db)).toBe(0);
    const response = await coordinator.get('/api/v1/quiz-questions?status=all');
    const starters = response.json().questions.filter((q: { isStarter: boolean }) => q.isStarter);
    expect(starters).toHaveLength(STARTER_QUESTIONS.length);
    for (const q of starters) {
      expect(q.needsReview).toBe(true);
      expect(q.sr.options).toHaveLength(q.en.options.length);
      expect(q.sr.options.length).toBeGreaterThanOrEqual(3);
      expect(q.correctOption).toBeLessThan(q.sr.options.length);
      expect(q.sr.prompt).toMatch(/\p{Script=Cyrillic}/u);
      expect(q.sr.explanation).not.toBe('');
    }
    const topics = new Set(starters.map((q: { topic: string }) => q.topic));
    for (const topic of ['cyberbullying', 'privacy', 'passwords-and-accounts', 'grooming', 'sextortion', 'hate-speech', 'fake-news', 'reporting-and-help']) expect(topics).toContain(topic);
  });

  it('leaves a starter question the centre edited or retired alone at the next start, and retires rather than deletes it', async () => {
    const id = starterIds.get('fake-news-picture')!;
    expect((await coordinator.patch(`/api/v1/quiz-questions/${id}`, { needsReview: false, isActive: false })).statusCode).toBe(200);
    expect(await seedStarterQuestions(p.ctx.db)).toBe(0);
    const after = (await coordinator.get(`/api/v1/quiz-questions/${id}`)).json().question;
    expect(after).toMatchObject({ needsReview: false, isActive: false, isStarter: true });
    const removal = await coordinator.delete(`/api/v1/quiz-questions/${id}`);
    expect(removal.statusCode).toBe(409);
    expect(removal.json().error.code).toBe('starter_question');
    await coordinator.patch(`/api/v1/quiz-questions/${id}`, { isActive: true });
  });
});

describe('the question bank', () => {
  it('writes, reads, changes and deletes an unused question (audited)', async () => {
    const id = await newQuestion();
    const read = (await coordinator.get(`/api/v1/quiz-questions/${id}`)).json().question;
    expect(read).toMatchObject({ topic: 'privacy', correctOption: 1, isActive: true, needsReview: false, isStarter: false, usedByEvents: 0 });
    expect(read.sr.options).toEqual(['Да', 'Не', 'Само са другом']);

    const changed = await coordinator.patch(`/api/v1/quiz-questions/${id}`, {
      sr: { prompt: 'Коме смеш да кажеш лозинку?', options: ['Никоме', 'Другу', 'Непознатом', 'Свима'] },
      en: { prompt: 'Whom may you tell your password?', options: ['No one', 'A friend', 'A stranger', 'Everyone'] },
      correctOption: 0,
      topic: 'passwords-and-accounts',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().question).toMatchObject({ topic: 'passwords-and-accounts', correctOption: 0 });
    expect(changed.json().question.sr.explanation).toBe('');

    expect((await coordinator.delete(`/api/v1/quiz-questions/${id}`)).statusCode).toBe(200);
    expect((await coordinator.get(`/api/v1/quiz-questions/${id}`)).statusCode).toBe(404);
    const audit = await p.ctx.db.selectFrom('auditLog').select('action').where('recordId', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['quiz-question.create', 'quiz-question.update', 'quiz-question.delete']);
  });

  it('refuses Serbian in Latin script, different options in the two languages and a right answer that is not an option', async () => {
    const latin = await coordinator.post('/api/v1/quiz-questions', question({ sr: { prompt: 'Da li je bezbedno?', options: ['Da', 'Ne', 'Možda'] } }));
    expect(latin.statusCode).toBe(400);
    expect(latin.json().error.fields).toHaveProperty(['sr.prompt']);
    const mismatch = await coordinator.post('/api/v1/quiz-questions', question({ en: { prompt: 'Is it safe?', options: ['Yes', 'No', 'Maybe', 'Never'] } }));
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.fields).toHaveProperty(['en.options']);
    const outside = await coordinator.post('/api/v1/quiz-questions', question({ correctOption: 3 }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields).toHaveProperty('correctOption');
    const twoOptions = await coordinator.post('/api/v1/quiz-questions', question({ sr: { prompt: 'Да ли је безбедно?', options: ['Да', 'Не'] }, en: { prompt: 'Is it safe?', options: ['Yes', 'No'] } }));
    expect(twoOptions.statusCode).toBe(400);
    // An edit is checked against what it leaves: four Serbian options beside three English ones.
    const id = await newQuestion();
    const halfEdit = await coordinator.patch(`/api/v1/quiz-questions/${id}`, { sr: { prompt: 'Да ли је безбедно?', options: ['Да', 'Не', 'Можда', 'Никад'] } });
    expect(halfEdit.statusCode).toBe(400);
    expect(halfEdit.json().error.fields).toHaveProperty(['en.options']);
  });

  it('keeps the wording of a question a quiz has used; it is retired, never deleted, and a retired question is offered to no new quiz', async () => {
    const used = await newQuestion({ topic: 'hate-speech' });
    const eventId = await eventNow();
    await quizOn(eventId, [used, starterIds.get('hate-speech-what')!, starterIds.get('hate-speech-comments')!]);

    const reword = await coordinator.patch(`/api/v1/quiz-questions/${used}`, { correctOption: 2 });
    expect(reword.statusCode).toBe(409);
    expect(reword.json().error.code).toBe('question_in_use');
    const removal = await coordinator.delete(`/api/v1/quiz-questions/${used}`);
    expect(removal.statusCode).toBe(409);
    expect(removal.json().error.code).toBe('question_in_use');
    // Topic and the review mark may still change; the same right answer is no rewording.
    expect((await coordinator.patch(`/api/v1/quiz-questions/${used}`, { needsReview: true, correctOption: 1 })).statusCode).toBe(200);

    const retire = await coordinator.patch(`/api/v1/quiz-questions/${used}`, { isActive: false });
    expect(retire.statusCode).toBe(200);
    expect(retire.json().question).toMatchObject({ isActive: false, usedByEvents: 1 });
    const active = (await coordinator.get('/api/v1/quiz-questions?topic=hate-speech')).json().questions.map((q: { id: string }) => q.id);
    expect(active).not.toContain(used);
    const retired = (await coordinator.get('/api/v1/quiz-questions?status=retired')).json().questions.map((q: { id: string }) => q.id);
    expect(retired).toContain(used);

    // The event's quiz still shows it; a new quiz cannot take it.
    const quiz = (await coordinator.get(`/api/v1/events/${eventId}/quiz`)).json().quiz;
    expect(quiz.questions.find((q: { id: string }) => q.id === used)).toMatchObject({ isActive: false });
    const other = await coordinator.put(`/api/v1/events/${await eventNow()}/quiz`, { questionIds: [used, starterIds.get('privacy-public-post')!, starterIds.get('privacy-deleted-post')!] });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields).toHaveProperty('questionIds');
    const audit = await p.ctx.db.selectFrom('auditLog').select('action').where('recordId', '=', used).where('action', '=', 'quiz-question.retire').execute();
    expect(audit).toHaveLength(1);
  });
});

describe('a quiz on an event', () => {
  it('is attached with 3 to 10 known, distinct questions to an event that exists and is not cancelled', async () => {
    const eventId = await eventNow();
    const ids = [...starterIds.values()];
    for (const questionIds of [ids.slice(0, 2), ids.slice(0, 11), [ids[0], ids[0], ids[1]]]) {
      const response = await coordinator.put(`/api/v1/events/${eventId}/quiz`, { questionIds });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toHaveProperty('questionIds');
    }
    const unknown = await coordinator.put(`/api/v1/events/${eventId}/quiz`, { questionIds: [ids[0], ids[1], '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f'] });
    expect(unknown.statusCode).toBe(400);
    expect((await coordinator.put('/api/v1/events/3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f/quiz', { questionIds: ids.slice(0, 3) })).statusCode).toBe(404);
    const cancelled = await insertEvent(p.ctx, { status: 'cancelled' });
    const refused = await coordinator.put(`/api/v1/events/${cancelled}/quiz`, { questionIds: ids.slice(0, 3) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('event_cancelled');

    const attached = await quizOn(eventId, ids.slice(0, 3));
    expect(attached.quiz).toMatchObject({ phase: 'closed', code: null, url: null, qrSvg: null, responses: { pre: 0, post: 0 }, canChangeQuestions: true });
    expect(attached.quiz.questions.map((q: { id: string }) => q.id)).toEqual(ids.slice(0, 3));
    const changed = await coordinator.put(`/api/v1/events/${eventId}/quiz`, { questionIds: ids.slice(3, 13) });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().quiz.questions).toHaveLength(10);
    const none = (await coordinator.get(`/api/v1/events/${await eventNow()}/quiz`)).json();
    expect(none).toMatchObject({ quiz: null, canManage: true, canRun: true });
  });

  it('runs before and after with one short code, shown as a link and a QR code, in the order before → after', async () => {
    const eventId = await eventNow();
    await quizOn(eventId, [...starterIds.values()].slice(0, 4));
    const pre = await setPhase(presenter, eventId, 'pre');
    expect(pre.statusCode, pre.body).toBe(200);
    const quiz = pre.json().quiz;
    expect(quiz.phase).toBe('pre');
    expect(quiz.code).toMatch(new RegExp(`^[${QUIZ_CODE_ALPHABET}]{6}$`));
    expect(quiz.url).toBe(`http://localhost:80/q/${quiz.code}`);
    expect(quiz.qrSvg).toMatch(/^<svg[^>]*viewBox/);
    expect(quiz.preOpenedAt).not.toBeNull();
    expect(Date.parse(quiz.codeExpiresAt)).toBeGreaterThan(Date.now());
    expect(pre.json().canRun).toBe(true);
    expect(pre.json().canManage).toBe(false);

    // Questions cannot change while it runs.
    const running = await coordinator.put(`/api/v1/events/${eventId}/quiz`, { questionIds: [...starterIds.values()].slice(4, 7) });
    expect(running.statusCode).toBe(409);
    expect(running.json().error.code).toBe('quiz_running');

    expect((await setPhase(presenter, eventId, 'closed')).json().quiz).toMatchObject({ phase: 'closed', code: quiz.code });
    const post = (await setPhase(presenter, eventId, 'post')).json().quiz;
    expect(post).toMatchObject({ phase: 'post', code: quiz.code });
    expect(post.postOpenedAt).not.toBeNull();
    // Setting the phase it is in changes nothing.
    expect((await setPhase(presenter, eventId, 'post')).json().quiz.postOpenedAt).toBe(post.postOpenedAt);
    const again = await setPhase(presenter, eventId, 'pre');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('post_started');
    expect((await setPhase(presenter, eventId, 'closed')).statusCode).toBe(200);

    const audit = await p.ctx.db.selectFrom('auditLog').select(['action', 'details']).where('recordId', '=', eventId).orderBy('id').execute();
    expect(audit.map((a) => `${a.action}:${(a.details as { to?: string }).to ?? ''}`)).toEqual([
      'event-quiz.attach:',
      'event-quiz.phase:pre',
      'event-quiz.phase:closed',
      'event-quiz.phase:post',
      'event-quiz.phase:closed',
    ]);
  });

  it('opens only from the day of the event until its code would expire', async () => {
    const tomorrow = await insertEvent(p.ctx, { startsAt: new Date(Date.now() + 2 * 86_400_000), presenterIds: [presenterId] });
    await quizOn(tomorrow, [...starterIds.values()].slice(0, 3));
    const early = await setPhase(coordinator, tomorrow, 'pre');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('too_early');
    const lastWeek = await insertEvent(p.ctx, { startsAt: new Date(Date.now() - 7 * 86_400_000) });
    await quizOn(lastWeek, [...starterIds.values()].slice(0, 3));
    const late = await setPhase(coordinator, lastWeek, 'post');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('event_over');
  });

  it('expires the code at the end of the event day, or 3 hours after a late event ends (Belgrade time)', () => {
    // 10:00–10:45 on 12 March 2026 in Belgrade (UTC+1): from midnight to midnight.
    const morning = quizWindow({ startsAt: new Date('2026-03-12T09:00:00Z'), endsAt: new Date('2026-03-12T09:45:00Z') });
    expect(morning.opensFrom.toISOString()).toBe('2026-03-11T23:00:00.000Z');
    expect(morning.expiresAt.toISOString()).toBe('2026-03-12T23:00:00.000Z');
    // 22:00–23:30 on 20 June 2026 (UTC+2): until 02:30 the next morning.
    const evening = quizWindow({ startsAt: new Date('2026-06-20T20:00:00Z'), endsAt: new Date('2026-06-20T21:30:00Z') });
    expect(evening.opensFrom.toISOString()).toBe('2026-06-19T22:00:00.000Z');
    expect(evening.expiresAt.toISOString()).toBe('2026-06-21T00:30:00.000Z');
  });

  it('closes the quiz of an event that is cancelled', async () => {
    const eventId = await eventNow();
    const ids = [...starterIds.values()].slice(0, 3);
    await quizOn(eventId, ids);
    const code = await openQuiz(eventId, 'pre');
    expect((await coordinator.post(`/api/v1/events/${eventId}/cancel`, { reason: 'Школа је затворена због поплава.' })).statusCode).toBe(200);
    const sheet = await answer(code, { submission: randomSubmission(code), phase: 'pre', answers: { [ids[0]!]: 0, [ids[1]!]: 0, [ids[2]!]: 0 } });
    expect(sheet.statusCode).toBe(409);
    expect(await p.ctx.db.selectFrom('quizResponses').select('id').where('eventId', '=', eventId).execute()).toEqual([]);
  });

  it('keeps its questions and stays once pupils have answered', async () => {
    const eventId = await eventNow();
    const ids = [...starterIds.values()].slice(0, 3);
    await quizOn(eventId, ids);
    const code = await openQuiz(eventId, 'pre');
    const sheet = await answer(code, { submission: randomSubmission(code), phase: 'pre', answers: { [ids[0]!]: 0, [ids[1]!]: 0, [ids[2]!]: 0 } });
    expect(sheet.statusCode, sheet.body).toBe(200);
    await setPhase(coordinator, eventId, 'closed');
    const change = await coordinator.put(`/api/v1/events/${eventId}/quiz`, { questionIds: [...starterIds.values()].slice(3, 6) });
    expect(change.statusCode).toBe(409);
    expect(change.json().error.code).toBe('quiz_answered');
    const removal = await coordinator.delete(`/api/v1/events/${eventId}/quiz`);
    expect(removal.statusCode).toBe(409);
    expect((await coordinator.get(`/api/v1/events/${eventId}/quiz`)).json().quiz.canChangeQuestions).toBe(false);

    const unanswered = await eventNow();
    await quizOn(unanswered, ids);
    expect((await coordinator.delete(`/api/v1/events/${unanswered}/quiz`)).statusCode).toBe(200);
    expect((await coordinator.get(`/api/v1/events/${unanswered}/quiz`)).json().quiz).toBeNull();
  });
});

describe('the pupils’ page', () => {
  let eventId: string;
  let code: string;
  let ids: string[];

  beforeAll(async () => {
    eventId = await eventNow();
    ids = [starterIds.get('cyberbullying-what')!, starterIds.get('privacy-deleted-post')!, starterIds.get('passwords-strong')!];
    await quizOn(eventId, ids);
  });

  it('says when the quiz is between its parts, and finds the code however it is typed', async () => {
    code = await openQuiz(eventId, 'pre');
    await setPhase(coordinator, eventId, 'closed');
    const waiting = await p.app.inject({ method: 'GET', url: `/q/${code}` });
    expect(waiting.statusCode).toBe(200);
    expect(waiting.body).toContain('Први део квиза је завршен');
    expect(waiting.body).toContain(`href="/q/${code}"`);
    expect(waiting.body).not.toContain('<form method="post"');

    const lower = await p.app.inject({ method: 'GET', url: `/q/${code.toLowerCase()}` });
    expect(lower.statusCode).toBe(303);
    expect(lower.headers.location).toBe(`/q/${code}`);
    // Typed on a Cyrillic keyboard, with a space: А/С/Е/К/М/Р/Т/Х/У look like Latin letters.
    const cyrillic = code.replace(/[ACEHKMPTXY]/g, (ch) => ({ A: 'А', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', P: 'Р', T: 'Т', X: 'Х', Y: 'У' })[ch]!);
    const typed = await p.app.inject({ method: 'GET', url: `/q?code=${encodeURIComponent(`${cyrillic.slice(0, 3)} ${cyrillic.slice(3).toLowerCase()}`)}` });
    expect(typed.statusCode).toBe(303);
    expect(typed.headers.location).toBe(`/q/${code}`);
    const entry = await p.app.inject({ method: 'GET', url: '/q' });
    expect(entry.statusCode).toBe(200);
    expect(entry.body).toContain('name="code"');
  });

  it('refuses unknown and malformed codes with a page that asks for the code again', async () => {
    const unknown = await p.app.inject({ method: 'GET', url: '/q/AAAAAA' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Нема квиза са тим кодом');
    expect(unknown.body).toContain('name="code"');
    expect((await p.app.inject({ method: 'GET', url: '/q?code=12' })).statusCode).toBe(400);
    expect((await p.app.inject({ method: 'GET', url: '/q/not-a-code-at-all' })).statusCode).toBe(404);
    const sheet = await answer('AAAAAA', { submission: randomSubmission('AAAAAA'), phase: 'pre', answers: { [ids[0]!]: 1, [ids[1]!]: 1, [ids[2]!]: 2 } });
    expect(sheet.statusCode).toBe(404);
    expect(await responseCount(eventId)).toBe(0);
  });

  it('shows the questions in the pupil’s language (Latin derived from the Cyrillic) and takes an answer sheet once, however often it is sent', async () => {
    await openQuiz(eventId, 'pre');
    const q = STARTER_QUESTIONS.find((s) => s.key === 'cyberbullying-what')!;
    const cyrillic = await p.app.inject({ method: 'GET', url: `/q/${code}` });
    expect(cyrillic.statusCode).toBe(200);
    expect(cyrillic.body).toContain(q.sr.prompt);
    expect(cyrillic.headers['set-cookie']).toBeUndefined();
    const latin = await p.app.inject({ method: 'GET', url: `/q/${code}`, cookies: { bezbedno_lang: 'sr-Latn' } });
    expect(latin.body).toContain(toLatin(q.sr.prompt));
    expect(latin.body).toContain(toLatin(q.sr.options[1]!));
    expect(latin.body).not.toContain(q.sr.prompt);
    const english = await p.app.inject({ method: 'GET', url: `/q/${code}`, cookies: { bezbedno_lang: 'en' } });
    expect(english.body).toContain(q.en.prompt);

    const submission = submissionIdOf(latin.body);
    expect(submissionIdOf(english.body)).not.toBe(submission);
    const fields = { submission, phase: 'pre', answers: { [ids[0]!]: 1, [ids[1]!]: 0, [ids[2]!]: 2 } };
    const first = await answer(code, fields, { language: 'sr-Latn' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.body).toContain('Hvala!');
    const second = await answer(code, fields, { language: 'sr-Latn' });
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    // Even a different sheet under the same id counts once: the first one stands.
    const altered = await answer(code, { ...fields, answers: { [ids[0]!]: 0, [ids[1]!]: 0, [ids[2]!]: 0 } }, { language: 'sr-Latn' });
    expect(altered.body).toBe(first.body);
    const stored = await p.ctx.db.selectFrom('quizResponses').selectAll().where('eventId', '=', eventId).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ phase: 'pre', answers: [1, 0, 2], language: 'sr-Latn', submissionId: submission });
    expect(stored[0]!.submittedAt.getUTCMinutes()).toBe(0);
    expect(stored[0]!.submittedAt.getUTCSeconds()).toBe(0);
  });

  it('refuses a malformed answer sheet with a clear error and stores nothing', async () => {
    const before = await responseCount(eventId);
    const good = { [ids[0]!]: 1, [ids[1]!]: 1, [ids[2]!]: 2 };
    // One question left out: the form comes back with the other answers still chosen.
    const missing = await answer(code, { submission: randomSubmission(code), phase: 'pre', answers: { [ids[0]!]: 1, [ids[2]!]: 2 } });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Изабери један одговор.');
    expect(missing.body).toContain('href="#question-2"');
    expect(missing.body).toMatch(new RegExp(`name="answer-${ids[0]}" checked="" value="1"`));
    // An option a question does not have (it has three), and one no question can have.
    const outOfRange = await answer(code, { submission: randomSubmission(code), phase: 'pre', answers: { ...good, [ids[1]!]: 3 } });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.body).toContain('Изабери један од понуђених одговора.');
    expect((await answer(code, { submission: randomSubmission(code), phase: 'pre', answers: { ...good, [ids[1]!]: 7 } })).statusCode).toBe(400);
    expect((await answer(code, { submission: randomSubmission(code), phase: 'pre', answers: { ...good, [ids[1]!]: 'да' } })).statusCode).toBe(400);
    // An answer to a question that is not in this quiz (the wrong number of answers).
    const extra = await answer(code, { submission: randomSubmission(code), phase: 'pre', answers: { ...good, [starterIds.get('grooming-meeting')!]: 0 } });
    expect(extra.statusCode).toBe(400);
    expect(extra.body).toContain('Страница са квизом се није добро учитала');
    // A broken submission id, a phase that does not exist, a field nobody sent.
    expect((await answer(code, { submission: 'short', phase: 'pre', answers: good })).statusCode).toBe(400);
    // An id the server did not sign for this quiz (a script minting pupils, or another quiz's page) is refused.
    expect((await answer(code, { submission: `${'A'.repeat(16)}${'0'.repeat(16)}`, phase: 'pre', answers: good })).statusCode).toBe(400);
    expect((await answer(code, { submission: randomSubmission('AAAAAA'), phase: 'pre', answers: good })).statusCode).toBe(400);
    expect((await answer(code, { submission: randomSubmission(code), phase: 'during', answers: good })).statusCode).toBe(400);
    const surprise = await p.app.inject({
      method: 'POST',
      url: `/q/${code}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `${form({ submission: randomSubmission(code), phase: 'pre', surprise: '1' })}&answer-${ids[0]}=1&answer-${ids[0]}=2`,
    });
    expect(surprise.statusCode).toBe(400);
    expect(await responseCount(eventId)).toBe(before);
  });

  it('refuses a before-page sent after the after-quiz opened, and answers while closed', async () => {
    const page = await p.app.inject({ method: 'GET', url: `/q/${code}`, cookies: { bezbedno_lang: 'en' } });
    const late = submissionIdOf(page.body);
    expect(page.body).toContain('name="phase" value="pre"');
    await setPhase(coordinator, eventId, 'closed');
    const closedSheet = await answer(code, { submission: late, phase: 'pre', answers: { [ids[0]!]: 1, [ids[1]!]: 1, [ids[2]!]: 2 } }, { language: 'en' });
    expect(closedSheet.statusCode).toBe(409);
    expect(closedSheet.body).toContain('The first part of the quiz is over');

    await openQuiz(eventId, 'post');
    const before = await responseCount(eventId);
    const refused = await answer(code, { submission: late, phase: 'pre', answers: { [ids[0]!]: 1, [ids[1]!]: 1, [ids[2]!]: 2 } }, { language: 'en' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('This part of the quiz is over');
    expect(refused.body).toContain(`href="/q/${code}"`);
    expect(await responseCount(eventId)).toBe(before);

    // The after page takes answers and shows the right ones with why.
    const postPage = await p.app.inject({ method: 'GET', url: `/q/${code}`, cookies: { bezbedno_lang: 'en' } });
    expect(postPage.body).toContain('Quiz after the presentation');
    const thanks = await answer(code, { submission: submissionIdOf(postPage.body), phase: 'post', answers: { [ids[0]!]: 1, [ids[1]!]: 0, [ids[2]!]: 2 } }, { language: 'en' });
    expect(thanks.statusCode).toBe(200);
    const q = STARTER_QUESTIONS.find((s) => s.key === 'privacy-deleted-post')!;
    expect(thanks.body).toContain('Here are the right answers');
    expect(thanks.body).toContain(q.en.options[q.correctOption]!.replace(/'/g, '&#x27;'));
    expect(thanks.body).toContain(q.en.explanation.replace(/'/g, '&#x27;'));
  });

  it('refuses answers once the code has expired, but a sheet already stored still gets its thank-you page', async () => {
    const stored = await p.ctx.db.selectFrom('quizResponses').select(['submissionId', 'phase', 'answers']).where('eventId', '=', eventId).where('phase', '=', 'post').executeTakeFirstOrThrow();
    await p.ctx.db.updateTable('eventQuizzes').set({ codeExpiresAt: new Date(Date.now() - 1000) }).where('eventId', '=', eventId).execute();
    const before = await responseCount(eventId);
    const page = await p.app.inject({ method: 'GET', url: `/q/${code}` });
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('Овај код више не важи');
    const sheet = await answer(code, { submission: randomSubmission(code), phase: 'post', answers: { [ids[0]!]: 1, [ids[1]!]: 1, [ids[2]!]: 2 } });
    expect(sheet.statusCode).toBe(410);
    const repeat = await answer(code, { submission: stored.submissionId, phase: 'post', answers: Object.fromEntries(ids.map((id, i) => [id, stored.answers[i]!])) });
    expect(repeat.statusCode).toBe(200);
    expect(await responseCount(eventId)).toBe(before);
    // Opened again (the event was moved later), the quiz gets a new code; the old one finds nothing.
    await setPhase(coordinator, eventId, 'closed');
    const fresh = await openQuiz(eventId, 'post');
    expect(fresh).not.toBe(code);
    expect((await p.app.inject({ method: 'GET', url: `/q/${code}` })).statusCode).toBe(404);
    expect((await p.app.inject({ method: 'GET', url: `/q/${fresh}` })).statusCode).toBe(200);
  });

  it('keeps no address, user agent or cookie of a pupil in any table or in the logs', async () => {
    const privacyEvent = await eventNow();
    const questionIds = [...starterIds.values()].slice(5, 8);
    await quizOn(privacyEvent, questionIds);
    const privacyCode = await openQuiz(privacyEvent, 'pre');
    const address = '198.51.100.77';
    const agent = 'PupilPhone/3.2 (Tajni uređaj)';
    const logStart = p.logs.length;
    const page = await p.app.inject({ method: 'GET', url: `/q/${privacyCode}`, remoteAddress: address, headers: { 'user-agent': agent, 'x-forwarded-for': address } });
    expect(page.statusCode).toBe(200);
    const sheet = await answer(privacyCode, { submission: submissionIdOf(page.body), phase: 'pre', answers: Object.fromEntries(questionIds.map((id) => [id, 0])) }, { remoteAddress: address, headers: { 'user-agent': agent, 'x-forwarded-for': address } });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['set-cookie']).toBeUndefined();

    const tables = await sql<{ schemaname: string; tablename: string }>`
      SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN ('public', 'pgboss')`.execute(p.ctx.db);
    for (const { schemaname, tablename } of tables.rows) {
      const dump = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(`${schemaname}.${tablename}`)} t`.execute(p.ctx.db);
      const text = dump.rows.map((r) => r.row).join('\n');
      expect(text, `${schemaname}.${tablename}`).not.toContain(address);
      expect(text, `${schemaname}.${tablename}`).not.toContain('PupilPhone');
    }
    const logs = p.logs.slice(logStart).join('\n');
    expect(logs).not.toContain(address);
    expect(logs).not.toContain('PupilPhone');
    expect(logs).not.toContain(`/q/${privacyCode}`);
  });
});

describe('results', () => {
  it('gives per question the share of right answers before and after, and the change', async () => {
    const eventId = await eventNow();
    const keys = ['grooming-warning-signs', 'grooming-meeting', 'sextortion-threat'] as const;
    const ids = keys.map((key) => starterIds.get(key)!);
    const right = keys.map((key) => STARTER_QUESTIONS.find((q) => q.key === key)!.correctOption);
    const wrong = right.map((r) => (r === 0 ? 1 : 0));
    await quizOn(eventId, ids);
    const code = await openQuiz(eventId, 'pre');
    const send = async (phase: string, pattern: boolean[]) => {
      const response = await answer(code, { submission: randomSubmission(code), phase, answers: Object.fromEntries(ids.map((id, i) => [id, pattern[i] ? right[i]! : wrong[i]!])) });
      expect(response.statusCode, response.body).toBe(200);
    };
    // Before: 4 pupils; question 1 right by 1 of 4, question 2 by 2 of 4, question 3 by 4 of 4.
    await send('pre', [true, true, true]);
    await send('pre', [false, true, true]);
    await send('pre', [false, false, true]);
    await send('pre', [false, false, true]);
    const early = (await presenter.get(`/api/v1/events/${eventId}/quiz/results`)).json();
    expect(early.responses).toEqual({ pre: 4, post: 0 });
    expect(early.questions[0]).toMatchObject({ pre: { correct: 1, answers: 4, share: 0.25 }, post: { correct: 0, answers: 0, share: null }, change: null });

    await openQuiz(eventId, 'post');
    // After: 5 pupils; question 1 right by 4 of 5, question 2 by 5 of 5, question 3 by 4 of 5.
    await send('post', [true, true, true]);
    await send('post', [true, true, true]);
    await send('post', [true, true, true]);
    await send('post', [true, true, false]);
    await send('post', [false, true, true]);

    const response = await presenter.get(`/api/v1/events/${eventId}/quiz/results`);
    expect(response.statusCode).toBe(200);
    const results = response.json();
    expect(results.responses).toEqual({ pre: 4, post: 5 });
    expect(results.questions.map((q: { id: string }) => q.id)).toEqual(ids);
    const shares = results.questions.map((q: { pre: { share: number }; post: { share: number }; change: number }) => [q.pre.share, q.post.share, Number(q.change.toFixed(4))]);
    expect(shares).toEqual([
      [0.25, 0.8, 0.55],
      [0.5, 1, 0.5],
      [1, 0.8, -0.2],
    ]);
    expect(results.overall.pre).toEqual({ correct: 7, answers: 12, share: 7 / 12 });
    expect(results.overall.post).toEqual({ correct: 13, answers: 15, share: 13 / 15 });
    expect(results.questions[0].sr.prompt).toBe(STARTER_QUESTIONS.find((q) => q.key === 'grooming-warning-signs')!.sr.prompt);

    expect((await presenter.get('/api/v1/events/3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f/quiz/results')).statusCode).toBe(404);
    expect((await presenter.get(`/api/v1/events/${await eventNow()}/quiz/results`)).statusCode).toBe(404);
  });
});
