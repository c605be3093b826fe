// Shapes shared by every endpoint: the error envelope, ids, pagination.
import { z } from 'zod';
import { LANGUAGES } from '../roles';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. validation_failed, not_found'),
      message: z.string().describe('Human-readable explanation (English)'),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .describe('For validation errors: field path (dot separated) -> what is wrong with it'),
      retryAfterSeconds: z.number().int().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ApiError = z.infer<typeof errorSchema>;

export const idSchema = z.uuid();
export const languageSchema = z.enum(LANGUAGES);
export const isoDateTime = z.iso.datetime({ offset: true });
export const okSchema = z.object({ ok: z.literal(true) });
