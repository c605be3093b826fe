// Demo quizzes: the starting bank, and on the demo events (run seedEventsDemo first) the
// before/after answers of past presentations for pupils and campaign stops — fewer right
// answers before, more after — and a quiz ready to run on the next presentation for pupils.
// The answers are made up with a fixed seed, so every demo start looks the same. Does nothing if
// any event already has a quiz.
import crypto from 'node:crypto';
import type { AppContext } from '../../context';
import type { Language } from '../../../common/roles';
import { QUIZ_CODE_ALPHABET } from '../../../common/schemas/prevention/quizzes';
import { seedStarterQuestions } from './starter';
import { quizWindow } from './quizzes';

const QUESTIONS_PER_QUIZ = 5;
const FALLBACK_TOPICS = ['reporting-and-help', 'privacy', 'passwords-and-accounts', 'cyberbullying'];

/** A small deterministic generator (mulberry32): the same demo on every start. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const hourOf = (date: Date) => new Date(Math.floor(date.getTime() / 3_600_000) * 3_600_000);

export async function seedQuizzesDemo(ctx: AppContext, now = new Date()): Promise<void> {
  await seedStarterQuestions(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('eventQuizzes').select('eventId').limit(1).executeTakeFirst()) return;
    const bank = await trx.selectFrom('quizQuestions').select(['id', 'topic', 'correctOption', 'texts']).where('isActive', '=', true).orderBy('createdAt').orderBy('id').execute();
    if (bank.length < QUESTIONS_PER_QUIZ) return;
    const events = await trx
      .selectFrom('events')
      .select(['id', 'number', 'type', 'status', 'startsAt', 'endsAt', 'topics', 'pupilsPrimaryUpper', 'pupilsSecondary'])
      .where('type', 'in', ['school-pupils', 'campaign-city-stop'])
      .where('status', '<>', 'cancelled')
      .orderBy('startsAt')
      .execute();
    const coordinator = await trx.selectFrom('users').select('id').where('username', '=', 'coordinator').executeTakeFirst();

    const questionsFor = (topics: string[]) => {
      const chosen = bank.filter((q) => topics.includes(q.topic));
      for (const q of bank.filter((b) => FALLBACK_TOPICS.includes(b.topic))) if (!chosen.includes(q)) chosen.push(q);
      return chosen.slice(0, QUESTIONS_PER_QUIZ);
    };

    const upcoming = events.find((e) => e.type === 'school-pupils' && e.startsAt > now);
    for (const event of events.filter((e) => e.endsAt < now).concat(upcoming ? [upcoming] : [])) {
      const questions = questionsFor(event.topics);
      const isPast = event.endsAt < now;
      const random = seeded(Number(event.number));
      const code = isPast ? Array.from({ length: 6 }, () => QUIZ_CODE_ALPHABET[Math.floor(random() * QUIZ_CODE_ALPHABET.length)]).join('') : null;
      await trx
        .insertInto('eventQuizzes')
        .values({
          eventId: event.id,
          questionIds: questions.map((q) => q.id),
          createdBy: coordinator?.id ?? null,
          ...(isPast && {
            code,
            codeExpiresAt: quizWindow(event).expiresAt,
            preOpenedAt: event.startsAt,
            postOpenedAt: new Date(event.endsAt.getTime() - 10 * 60_000),
          }),
        })
        .execute();
      if (!isPast) continue;
      // About the pupils in the room answer; a few fewer at the end (the bell rang).
      const pupils = Math.min(60, Math.max(18, (event.pupilsPrimaryUpper ?? 0) + (event.pupilsSecondary ?? 0) || 25));
      const sheets = (phase: 'pre' | 'post', count: number) =>
        Array.from({ length: count }, () => {
          const language: Language = random() < 0.8 ? 'sr-Cyrl' : random() < 0.7 ? 'sr-Latn' : 'en';
          const answers = questions.map((q, i) => {
            const knows = random() < (phase === 'pre' ? 0.35 + 0.07 * i : 0.72 + 0.04 * i);
            const options = (q.texts as { sr: { options: string[] } }).sr.options.length;
            return knows ? q.correctOption : (q.correctOption + 1 + Math.floor(random() * (options - 1))) % options;
          });
          return { eventId: event.id, phase, submissionId: crypto.randomBytes(16).toString('base64url'), answers, language, submittedAt: hourOf(phase === 'pre' ? event.startsAt : event.endsAt) };
        });
      await trx.insertInto('quizResponses').values([...sheets('pre', pupils), ...sheets('post', Math.round(pupils * 0.9))]).execute();
    }
  });
}
