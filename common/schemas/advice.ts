// The advice library: articles in Serbian (written in Cyrillic; Latin is generated) and
// English, coded with the helpline's categories, written in Markdown by supervisors.
import { z } from 'zod';
import { HELPLINE_CATEGORIES } from '../helpline';
import { idSchema, isoDateTime } from './common';

export const ADVICE_STATUSES = ['draft', 'published'] as const;
export type AdviceStatus = (typeof ADVICE_STATUSES)[number];
export const ADVICE_BODY_MAX = 50_000;
export const ADVICE_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const hasCyrillic = (text: string) => /\p{Script=Cyrillic}/u.test(text);
/** Serbian is written once, in Cyrillic: a title or summary in Latin would show untransliterated to Cyrillic readers. */
const serbianLine = (max: number, min: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((text) => text === '' || hasCyrillic(text), 'Write Serbian in Cyrillic (Latin is generated)');
/** A body may name apps, menus and links in Latin; it must still be Serbian in Cyrillic. */
const serbianBody = z
  .string()
  .trim()
  .min(1)
  .max(ADVICE_BODY_MAX)
  .refine(hasCyrillic, 'Write Serbian in Cyrillic (Latin is generated)');

const categoriesSchema = z
  .array(z.enum(HELPLINE_CATEGORIES))
  .min(1)
  .max(6)
  .refine((list) => new Set(list).size === list.length, 'Each category once')
  .describe('Helpline category codes (common/helpline.ts)');

export const adviceSlugSchema = z
  .string()
  .min(3)
  .max(80)
  .regex(ADVICE_SLUG_PATTERN, 'Lower-case Latin letters, digits and single hyphens')
  .describe('The public address: /advice/<slug>');

export const createAdviceRequestSchema = z.strictObject({
  slug: adviceSlugSchema,
  categories: categoriesSchema,
  titleSr: serbianLine(200, 1),
  summarySr: serbianLine(500, 0).default(''),
  bodySr: serbianBody.describe('Markdown, in Cyrillic'),
  titleEn: z.string().trim().min(1).max(200),
  summaryEn: z.string().trim().max(500).default(''),
  bodyEn: z.string().trim().min(1).max(ADVICE_BODY_MAX).describe('Markdown'),
  status: z.enum(ADVICE_STATUSES).default('draft'),
  needsReview: z.boolean().default(true).describe('"To be reviewed by the centre" (shown on the public page)'),
});

export const updateAdviceRequestSchema = z
  .strictObject({
    slug: adviceSlugSchema.optional(),
    categories: categoriesSchema.optional(),
    titleSr: serbianLine(200, 1).optional(),
    summarySr: serbianLine(500, 0).optional(),
    bodySr: serbianBody.optional(),
    titleEn: z.string().trim().min(1).max(200).optional(),
    summaryEn: z.string().trim().max(500).optional(),
    bodyEn: z.string().trim().min(1).max(ADVICE_BODY_MAX).optional(),
    status: z.enum(ADVICE_STATUSES).optional().describe('published: on the public site; draft: staff only'),
    needsReview: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change', path: ['body'] });

export const adviceIdParamsSchema = z.strictObject({ id: idSchema });

/** Empty values are "no filter", so a form can send q=&category=&status= as they are. */
export const adviceListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Words in any script, with or without diacritics'),
  category: z.union([z.literal(''), z.enum(HELPLINE_CATEGORIES)]).optional(),
  status: z.union([z.literal(''), z.enum(ADVICE_STATUSES)]).optional(),
});

export const adviceSummarySchema = z
  .object({
    id: idSchema,
    slug: z.string(),
    categories: z.array(z.string()),
    status: z.enum(ADVICE_STATUSES),
    needsReview: z.boolean(),
    titleSr: z.string(),
    titleEn: z.string(),
    summarySr: z.string(),
    summaryEn: z.string(),
    updatedAt: isoDateTime,
    publicPath: z.string().describe('/advice/<slug> (a draft answers 404 there)'),
  })
  .meta({ id: 'AdviceSummary' });

export const adviceListResponseSchema = z.object({ articles: z.array(adviceSummarySchema) });

export const adviceArticleSchema = adviceSummarySchema
  .extend({
    bodySr: z.string(),
    bodyEn: z.string(),
    html: z
      .object({ 'sr-Cyrl': z.string(), 'sr-Latn': z.string(), en: z.string() })
      .describe('The bodies as the public site renders them (sanitised)'),
    publicUrl: z.string().nullable().describe('Absolute public address when PUBLIC_BASE_URL is set'),
    createdAt: isoDateTime,
    publishedAt: isoDateTime.nullable(),
    updatedByName: z.string().nullable(),
  })
  .meta({ id: 'AdviceArticle' });

export const adviceArticleResponseSchema = z.object({ article: adviceArticleSchema });
export const createAdviceResponseSchema = z.object({ id: idSchema });

export const advicePreviewRequestSchema = z.strictObject({ markdown: z.string().max(ADVICE_BODY_MAX) });
export const advicePreviewResponseSchema = z.object({ html: z.string().describe('Sanitised HTML, as the public site shows it') });

export type AdviceSummary = z.infer<typeof adviceSummarySchema>;
export type AdviceArticle = z.infer<typeof adviceArticleSchema>;
export type CreateAdviceRequest = z.infer<typeof createAdviceRequestSchema>;
export type UpdateAdviceRequest = z.infer<typeof updateAdviceRequestSchema>;
export type AdviceListQuery = z.infer<typeof adviceListQuerySchema>;
