// The advice library's API calls, typed from the zod schemas in common/schemas/advice.ts.
import type { z } from 'zod';
import { api } from '../api';
import type {
  adviceArticleResponseSchema,
  adviceListResponseSchema,
  advicePreviewResponseSchema,
  createAdviceRequestSchema,
  createAdviceResponseSchema,
  updateAdviceRequestSchema,
} from '../../../common/schemas/advice';

export type AdviceSummary = z.infer<typeof adviceListResponseSchema>['articles'][number];
export type AdviceArticle = z.infer<typeof adviceArticleResponseSchema>['article'];
export type CreateAdviceRequest = z.input<typeof createAdviceRequestSchema>;
export type UpdateAdviceRequest = z.input<typeof updateAdviceRequestSchema>;
export interface AdviceQuery {
  q?: string | undefined;
  category?: string | undefined;
  status?: string | undefined;
}

export const adviceApi = {
  list: (query: AdviceQuery) => api.get<z.infer<typeof adviceListResponseSchema>>('/advice', { ...query }),
  get: (id: string) => api.get<z.infer<typeof adviceArticleResponseSchema>>(`/advice/${encodeURIComponent(id)}`),
  create: (body: CreateAdviceRequest) => api.post<z.infer<typeof createAdviceResponseSchema>>('/advice', body),
  update: (id: string, body: UpdateAdviceRequest) => api.patch<z.infer<typeof adviceArticleResponseSchema>>(`/advice/${encodeURIComponent(id)}`, body),
  preview: (markdown: string) => api.post<z.infer<typeof advicePreviewResponseSchema>>('/advice/preview', { markdown }),
};

/** The address a counsellor pastes into a chat or an e-mail. */
export function publicUrlOf(article: { publicPath: string; publicUrl?: string | null }): string {
  return article.publicUrl ?? new URL(article.publicPath, window.location.origin).toString();
}
