// The public report form and follow-up pages. They validate with the same zod schemas and
// run the same use cases as the JSON API, under the same per-address limits.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { AppContext } from '../context';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT } from '../../common/hotline';
import { createReportRequestSchema, followUpMessageRequestSchema, followUpRequestSchema } from '../../common/schemas/reports';
import { HttpError } from '../http/errors';
import { checkSolution, issueChallenge } from '../hotline/pow';
import { submitReport } from '../hotline/submit';
import { addReporterMessage, followUp } from '../hotline/follow-up';
import { publicRateLimits } from '../hotline/rate-limits';
import { publicAdmission } from '../hotline/admission';
import { fieldsFromIssues } from '../http/error-handler';
import { pageContext, sendHtml } from './routes';
import { formFieldOf, renderFollowUp, renderFollowUpForm, renderReceipt, renderReportForm, type FieldErrors, type ReportFormValues } from './report';
import type { PageContext } from './layout';
import { renderNotice } from './home';

interface ParsedForm {
  values: ReportFormValues & { language?: string; powChallenge?: string; powNonce?: string };
  attachments: { contentType: string; dataBase64: string }[];
  uploadError: boolean;
}

async function readReportForm(request: FastifyRequest): Promise<ParsedForm> {
  const values: Record<string, string> = {};
  const attachments: ParsedForm['attachments'] = [];
  let uploadError = false;
  if (!request.isMultipart()) {
    Object.assign(values, request.body as Record<string, string>);
    return { values: { ...values, mayShareWithInstitutions: values.mayShareWithInstitutions === 'yes' }, attachments, uploadError };
  }
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (!part.filename && data.length === 0) continue; // the empty file input
        attachments.push({ contentType: part.mimetype, dataBase64: data.toString('base64') });
      } else {
        values[part.fieldname] = String(part.value);
      }
    }
  } catch {
    uploadError = true; // too large, too many files
  }
  return { values: { ...values, mayShareWithInstitutions: values.mayShareWithInstitutions === 'yes' }, attachments, uploadError };
}

function translatedErrors(page: PageContext, fields: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const path of Object.keys(fields)) {
    const field = formFieldOf(path);
    errors[field] = page.t(`public.report.fieldErrors.${field}`, { defaultValue: fields[path] });
  }
  return errors;
}

export async function reportFormRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: ATTACHMENT_MAX_COUNT, fields: 30, fieldSize: 20_000, parts: 40 },
    });
    const limits = publicRateLimits(ctx);

    // A refusal by the limits is a page a person can read, in their language.
    scope.setErrorHandler(async (error: Error & { statusCode?: number; retryAfterSeconds?: number }, request, reply) => {
      if (error instanceof HttpError && error.statusCode === 429) {
        const page = await pageContext(ctx, request);
        const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
        const key = error.code === 'busy' ? 'public.report.busy' : request.url.startsWith('/report/follow-up') ? 'public.followUp.tooMany' : 'public.report.tooMany';
        void reply.header('retry-after', String(error.retryAfterSeconds ?? 60));
        return sendHtml(reply, renderNotice(page, page.t('public.tooManyTitle'), page.t(key, { minutes })), 429);
      }
      throw error;
    });

    const showForm = async (request: FastifyRequest, reply: FastifyReply, values: ReportFormValues, errors: FieldErrors, status: number, notice?: string) => {
      const page = await pageContext(ctx, request);
      const { challenge, difficulty } = issueChallenge(ctx.keys, ctx.config.publicPowDifficulty);
      return sendHtml(reply, renderReportForm(page, { values, errors, challenge, difficulty, ...(notice ? { notice } : {}) }), status);
    };

    scope.get('/report', { schema: { hide: true } }, (request, reply) => showForm(request, reply, {}, {}, 200));

    scope.post('/report', { schema: { hide: true }, config: { rateLimit: limits.submission } }, async (request, reply) => {
      const page = await pageContext(ctx, request);
      const form = await readReportForm(request);
      const v = form.values;
      const candidate = {
        category: v.category || undefined,
        description: v.description ?? '',
        urls: (v.urls ?? '').split(/\r?\n/).map((u) => u.trim()).filter(Boolean),
        platform: v.platform || undefined,
        childAgeGroup: v.childAgeGroup || undefined,
        municipality: v.municipality || undefined,
        language: page.language,
        contact: { name: v.name ?? '', email: v.email ?? '', phone: v.phone ?? '', mayShareWithInstitutions: v.mayShareWithInstitutions === true },
        ...(form.attachments.length ? { attachments: form.attachments } : {}),
      };
      const parsed = createReportRequestSchema.safeParse(candidate);
      if (form.uploadError || !parsed.success) {
        const fields = parsed.success ? {} : fieldsFromIssues(parsed.error.issues.map((i) => ({ keyword: i.code, instancePath: `/${i.path.join('/')}`, message: i.message, params: i as never })), 'body');
        if (form.uploadError) fields.attachments = 'upload';
        return showForm(request, reply, v, translatedErrors(page, fields), 400);
      }
      let spent: string | null;
      try {
        spent = checkSolution(ctx.keys, ctx.config.publicPowDifficulty, { challenge: v.powChallenge ?? '', nonce: v.powNonce || undefined }, { allowWaitInsteadOfWork: true });
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        return showForm(request, reply, v, {}, 400, page.t('public.report.tooFast'));
      }
      try {
        const { receipt } = await publicAdmission(ctx).run(() => submitReport(ctx, parsed.data, spent));
        return sendHtml(reply, renderReceipt(page, receipt));
      } catch (error) {
        if (error instanceof HttpError && error.fields) return showForm(request, reply, v, translatedErrors(page, error.fields), 400);
        throw error;
      }
    });

    scope.get('/report/follow-up', { schema: { hide: true } }, async (request, reply) => sendHtml(reply, renderFollowUpForm(await pageContext(ctx, request), {})));

    const showFollowUp = async (request: FastifyRequest, reply: FastifyReply, receiptInput: string, notice?: string) => {
      const page = await pageContext(ctx, request);
      const parsed = followUpRequestSchema.safeParse({ receipt: receiptInput });
      if (!parsed.success) return sendHtml(reply, renderFollowUpForm(page, { error: page.t('public.followUp.notFound'), receipt: receiptInput }), 400);
      try {
        const report = await followUp(ctx, parsed.data.receipt);
        return sendHtml(reply, renderFollowUp(page, parsed.data.receipt, report, notice ? { notice } : {}));
      } catch (error) {
        if (error instanceof HttpError && error.statusCode === 404) {
          return sendHtml(reply, renderFollowUpForm(page, { error: page.t('public.followUp.notFound'), receipt: receiptInput }), 404);
        }
        throw error;
      }
    };

    scope.post<{ Body: { receipt?: string } }>('/report/follow-up', { schema: { hide: true }, config: { rateLimit: limits.followUp } }, (request, reply) =>
      showFollowUp(request, reply, String(request.body?.receipt ?? '')),
    );

    scope.post<{ Body: { receipt?: string; body?: string } }>(
      '/report/follow-up/messages',
      { schema: { hide: true }, config: { rateLimit: limits.followUp } },
      async (request, reply) => {
        const page = await pageContext(ctx, request);
        const parsed = followUpMessageRequestSchema.safeParse({ receipt: String(request.body?.receipt ?? ''), body: String(request.body?.body ?? '') });
        if (!parsed.success) {
          const receipt = followUpRequestSchema.safeParse({ receipt: String(request.body?.receipt ?? '') });
          if (!receipt.success) return showFollowUp(request, reply, String(request.body?.receipt ?? ''));
          const report = await followUp(ctx, receipt.data.receipt);
          return sendHtml(reply, renderFollowUp(page, receipt.data.receipt, report, { replyError: page.t('public.followUp.replyEmpty') }), 400);
        }
        try {
          await addReporterMessage(ctx, parsed.data.receipt, parsed.data.body);
        } catch (error) {
          if (error instanceof HttpError && error.statusCode === 409) return showFollowUp(request, reply, parsed.data.receipt);
          throw error;
        }
        return showFollowUp(request, reply, parsed.data.receipt, page.t('public.followUp.sent'));
      },
    );
    // No request log lines here: a line's precise time could be matched with a report.
  }, { logLevel: 'warn' });
}
