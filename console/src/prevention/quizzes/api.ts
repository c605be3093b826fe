// The quiz API calls (the bank, an event's quiz and its results), typed from the zod schemas in
// common/schemas/prevention/quizzes.ts (the contract).
import type { z } from 'zod';
import { api } from '../../api';
import type {
  attachQuizRequestSchema,
  createQuizQuestionRequestSchema,
  createQuizQuestionResponseSchema,
  eventQuizResponseSchema,
  quizPhaseRequestSchema,
  quizQuestionListResponseSchema,
  quizQuestionResponseSchema,
  quizResultsSchema,
  updateQuizQuestionRequestSchema,
} from '../../../../common/schemas/prevention/quizzes';

export type QuizQuestion = z.infer<typeof quizQuestionResponseSchema>['question'];
export type CreateQuizQuestion = z.input<typeof createQuizQuestionRequestSchema>;
export type UpdateQuizQuestion = z.input<typeof updateQuizQuestionRequestSchema>;
export type EventQuizState = z.infer<typeof eventQuizResponseSchema>;
export type EventQuiz = NonNullable<EventQuizState['quiz']>;
export type QuizResults = z.infer<typeof quizResultsSchema>;
export type QuizPhase = z.input<typeof quizPhaseRequestSchema>['phase'];
export interface QuestionQuery {
  topic?: string | undefined;
  status?: string | undefined;
}

const questionPath = (id: string) => `/quiz-questions/${encodeURIComponent(id)}`;
const quizPath = (eventId: string) => `/events/${encodeURIComponent(eventId)}/quiz`;

export const quizBankApi = {
  list: (query: QuestionQuery) => api.get<z.infer<typeof quizQuestionListResponseSchema>>('/quiz-questions', { ...query }),
  get: (id: string) => api.get<{ question: QuizQuestion }>(questionPath(id)),
  create: (body: CreateQuizQuestion) => api.post<z.infer<typeof createQuizQuestionResponseSchema>>('/quiz-questions', body),
  update: (id: string, body: UpdateQuizQuestion) => api.patch<{ question: QuizQuestion }>(questionPath(id), body),
  remove: (id: string) => api.delete<{ ok: true }>(questionPath(id)),
};

export const eventQuizApi = {
  get: (eventId: string) => api.get<EventQuizState>(quizPath(eventId)),
  attach: (eventId: string, body: z.input<typeof attachQuizRequestSchema>) => api.put<EventQuizState>(quizPath(eventId), body),
  remove: (eventId: string) => api.delete<{ ok: true }>(quizPath(eventId)),
  setPhase: (eventId: string, phase: QuizPhase) => api.post<EventQuizState>(`${quizPath(eventId)}/phase`, { phase }),
  results: (eventId: string) => api.get<QuizResults>(`${quizPath(eventId)}/results`),
};
