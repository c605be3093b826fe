// Quizzes: "did the children learn anything?" A bank of questions (Serbian in Cyrillic, Latin
// derived; English), a quiz of 3–10 of them attached to an event and answered anonymously
// before and after the presentation with a short event code, and the share of correct answers
// per question before and after.
import { z } from 'zod';
import { PREVENTION_TOPICS } from '../../prevention';
import { toLatin } from '../../i18n/translit';
import type { Language } from '../../roles';
import { idSchema, isoDateTime } from '../common';

export const QUIZ_MIN_QUESTIONS = 3;
export const QUIZ_MAX_QUESTIONS = 10;
export const QUIZ_MIN_OPTIONS = 3;
export const QUIZ_MAX_OPTIONS = 4;

/** 'closed' between and around the two phases; 'pre' before the presentation, 'post' after. */
export const QUIZ_PHASES = ['closed', 'pre', 'post'] as const;
export type QuizPhase = (typeof QUIZ_PHASES)[number];
export const ANSWER_PHASES = ['pre', 'post'] as const;
export type AnswerPhase = (typeof ANSWER_PHASES)[number];

/**
 * Event codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S,
 * 8/B, 6/G) so a code read off a projector across a classroom is typed right: 24^6 ≈ 191 million.
 */
export const QUIZ_CODE_ALPHABET = 'ACDEFHJKMNPQRTUVWXY34679';
export const QUIZ_CODE_LENGTH = 6;
const CODE_PATTERN = new RegExp(`^[${QUIZ_CODE_ALPHABET}]{${QUIZ_CODE_LENGTH}}$`);

// Phones in Serbia often type Cyrillic: letters that look like Latin ones count as those.
const CYRILLIC_LOOKALIKES: Record<string, string> = { А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', К: 'K', М: 'M', Р: 'P', Т: 'T', Х: 'X', У: 'Y' };

/** A code as typed ("ac4 k7m", "ас4-к7м" in Cyrillic) in its canonical form ("AC4K7M"). */
export function normaliseQuizCode(typed: string): string {
  return Array.from(typed.toUpperCase())
    .map((ch) => CYRILLIC_LOOKALIKES[ch] ?? ch)
    .join('')
    .replace(/[\s\-–_.]/g, '');
}

export const isQuizCode = (value: string): boolean => CODE_PATTERN.test(value);

/** The id a quiz page carries so that a form sent twice counts once: 16 random characters (base64url) and a 16-hex-digit signature. */
export const SUBMISSION_ID_PATTERN = /^[A-Za-z0-9_-]{16}[0-9a-f]{16}$/;

export const quizTopicSchema = z.enum(PREVENTION_TOPICS);

const hasCyrillic = (text: string) => /\p{Script=Cyrillic}/u.test(text);
const inCyrillic = 'Write Serbian in Cyrillic (Latin is generated)';

function questionTextSchema(isSerbian: boolean) {
  const text = (min: number, max: number) => {
    const base = z.string().trim().min(min).max(max);
    return isSerbian ? base.refine((value) => value === '' || hasCyrillic(value), inCyrillic) : base;
  };
  return z.strictObject({
    prompt: text(5, 300),
    // An option may be a name or a number ("Instagram", "19833"), so only the prompt must be Cyrillic.
    options: z.array(z.string().trim().min(1).max(160)).min(QUIZ_MIN_OPTIONS).max(QUIZ_MAX_OPTIONS),
    explanation: text(0, 500).default('').describe('Why the right answer is right; shown to pupils after the post quiz'),
  });
}

export const serbianQuestionTextSchema = questionTextSchema(true).describe('Serbian, in Cyrillic (Latin is generated)');
export const englishQuestionTextSchema = questionTextSchema(false);
export type QuestionText = z.infer<typeof englishQuestionTextSchema>;

interface QuestionShape {
  sr?: { options: string[] } | undefined;
  en?: { options: string[] } | undefined;
  correctOption?: number | undefined;
}

/** The rules across fields: the same number of options in both languages, and the right one among them. */
export function questionIssues(q: QuestionShape): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  if (q.sr && q.en && q.sr.options.length !== q.en.options.length) {
    issues.push({ path: 'en.options', message: 'Give the same options in Serbian and English' });
  }
  const count = q.sr?.options.length ?? q.en?.options.length;
  if (count !== undefined && q.correctOption !== undefined && q.correctOption >= count) {
    issues.push({ path: 'correctOption', message: 'The correct option must be one of the options' });
  }
  return issues;
}

const correctOptionSchema = z.number().int().min(0).max(QUIZ_MAX_OPTIONS - 1).describe('The right option, counted from 0');

export const createQuizQuestionRequestSchema = z
  .strictObject({
    topic: quizTopicSchema,
    sr: serbianQuestionTextSchema,
    en: englishQuestionTextSchema,
    correctOption: correctOptionSchema,
    needsReview: z.boolean().default(false).describe('"To be reviewed by the centre"'),
  })
  .superRefine((q, ctx) => {
    for (const issue of questionIssues(q)) ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
  })
  .meta({ id: 'CreateQuizQuestionRequest' });
export type CreateQuizQuestionRequest = z.infer<typeof createQuizQuestionRequestSchema>;

/**
 * An edit sends what changes. The wording and the right answer of a question an event has used
 * cannot change (409 question_in_use): retire it and write a new one, so old results keep
 * their meaning. Topic, retiring and the review mark can always change.
 */
export const updateQuizQuestionRequestSchema = z
  .strictObject({
    topic: quizTopicSchema.optional(),
    sr: serbianQuestionTextSchema.optional(),
    en: englishQuestionTextSchema.optional(),
    correctOption: correctOptionSchema.optional(),
    isActive: z.boolean().optional().describe('false retires the question: kept for old results, offered for no new quiz'),
    needsReview: z.boolean().optional(),
  })
  .meta({ id: 'UpdateQuizQuestionRequest' });
export type UpdateQuizQuestionRequest = z.infer<typeof updateQuizQuestionRequestSchema>;

export const quizQuestionIdParamsSchema = z.strictObject({ id: idSchema });

export const quizQuestionListQuerySchema = z.strictObject({
  topic: quizTopicSchema.optional(),
  status: z.enum(['active', 'retired', 'all']).default('active'),
});
export type QuizQuestionListQuery = z.infer<typeof quizQuestionListQuerySchema>;

const storedTextSchema = z.object({ prompt: z.string(), options: z.array(z.string()), explanation: z.string() });

export const quizQuestionSchema = z
  .object({
    id: idSchema,
    topic: quizTopicSchema,
    sr: storedTextSchema.describe('Serbian, in Cyrillic (the console and the public page derive Latin)'),
    en: storedTextSchema,
    correctOption: z.number().int(),
    isActive: z.boolean(),
    needsReview: z.boolean(),
    isStarter: z.boolean().describe('From the starting bank the platform ships'),
    usedByEvents: z.number().int().describe('Quizzes that use it; its wording is then fixed'),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'QuizQuestion' });
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

/** A question's wording in a reader's language: Serbian Latin is derived from the Cyrillic. */
export function questionTextIn(q: { sr: QuestionText; en: QuestionText }, language: Language): QuestionText {
  if (language === 'en') return q.en;
  if (language === 'sr-Cyrl') return q.sr;
  return { prompt: toLatin(q.sr.prompt), options: q.sr.options.map(toLatin), explanation: toLatin(q.sr.explanation) };
}

export const quizQuestionListResponseSchema = z.object({ questions: z.array(quizQuestionSchema) });
export const quizQuestionResponseSchema = z.object({ question: quizQuestionSchema });
export const createQuizQuestionResponseSchema = z.object({ id: idSchema });
export const deleteQuizQuestionResponseSchema = z.object({ ok: z.literal(true) });

// ---- a quiz on an event -------------------------------------------------------------------

export const eventQuizParamsSchema = z.strictObject({ id: idSchema.describe('The event') });

export const attachQuizRequestSchema = z
  .strictObject({
    questionIds: z
      .array(idSchema)
      .min(QUIZ_MIN_QUESTIONS)
      .max(QUIZ_MAX_QUESTIONS)
      .refine((ids) => new Set(ids).size === ids.length, 'Each question once')
      .describe('Active questions from the bank, in the order pupils see them'),
  })
  .meta({ id: 'AttachQuizRequest' });
export type AttachQuizRequest = z.infer<typeof attachQuizRequestSchema>;

export const quizPhaseRequestSchema = z
  .strictObject({
    phase: z.enum(QUIZ_PHASES).describe("'pre' opens the quiz before the presentation, 'post' after it, 'closed' stops answers"),
  })
  .meta({ id: 'QuizPhaseRequest' });
export type QuizPhaseRequest = z.infer<typeof quizPhaseRequestSchema>;

const quizQuestionRefSchema = quizQuestionSchema.pick({ id: true, topic: true, sr: true, en: true, correctOption: true, isActive: true });

export const eventQuizSchema = z
  .object({
    eventId: idSchema,
    phase: z.enum(QUIZ_PHASES),
    questions: z.array(quizQuestionRefSchema),
    code: z.string().nullable().describe('What pupils type at /q (made when the quiz first opens)'),
    codeExpiresAt: isoDateTime.nullable(),
    isCodeExpired: z.boolean(),
    url: z.string().nullable().describe('The short link <origin>/q/<code>'),
    qrSvg: z.string().nullable().describe('The short link as a QR code (SVG), to show on the screen'),
    preOpenedAt: isoDateTime.nullable(),
    postOpenedAt: isoDateTime.nullable(),
    responses: z.object({ pre: z.number().int(), post: z.number().int() }),
    canChangeQuestions: z.boolean().describe('Closed and nobody has answered yet'),
  })
  .meta({ id: 'EventQuiz' });
export type EventQuiz = z.infer<typeof eventQuizSchema>;

export const eventQuizResponseSchema = z.object({
  quiz: eventQuizSchema.nullable(),
  canManage: z.boolean().describe('May attach, change or remove the quiz'),
  canRun: z.boolean().describe('May open and close the phases (a coordinator, or a presenter of this event)'),
  opensFrom: isoDateTime.describe('The quiz can open from the start of the event day (Belgrade time)…'),
  expiresAt: isoDateTime.describe('…until the code expires: the end of the event day, or 3 hours after the event ends if later'),
});
export type EventQuizResponse = z.infer<typeof eventQuizResponseSchema>;

const phaseShareSchema = z.object({
  correct: z.number().int(),
  answers: z.number().int(),
  share: z.number().nullable().describe('correct / answers, 0–1; null without answers'),
});

export const quizResultsSchema = z
  .object({
    eventId: idSchema,
    responses: z.object({ pre: z.number().int(), post: z.number().int() }),
    questions: z.array(
      quizQuestionRefSchema.extend({
        pre: phaseShareSchema,
        post: phaseShareSchema,
        change: z.number().nullable().describe('post share − pre share (−1…1); null unless both phases have answers'),
      }),
    ),
    overall: z.object({ pre: phaseShareSchema, post: phaseShareSchema, change: z.number().nullable() }),
  })
  .meta({ id: 'QuizResults' });
export type QuizResults = z.infer<typeof quizResultsSchema>;

// ---- the public page ------------------------------------------------------------------------

/** A pupil's answer sheet as the public form sends it: answers by question id. */
export const quizSubmissionSchema = z.strictObject({
  submission: z.string().regex(SUBMISSION_ID_PATTERN, 'The page is broken: reload it'),
  phase: z.enum(ANSWER_PHASES),
  /** The option's position as the form sends it ("0"…"3"). */
  answers: z.record(idSchema, z.string().regex(/^[0-3]$/, 'Choose one of the options').transform(Number)),
});
export type QuizSubmission = z.infer<typeof quizSubmissionSchema>;
