// GET/POST /presentations: the public request form without JavaScript. The form's fields are
// turned into the API's body and validated with the same zod schema, under the same per-address
// limit, and end in the same use case; the confirmation is sent only after the request and its
// e-mail are committed. No request log lines here (nothing about the requester's connection).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context';
import { GRADE_BANDS, type GradeBand } from '../../../common/prevention';
import { DATE_ERRORS, createPresentationRequestSchema } from '../../../common/schemas/prevention/requests';
import { HttpError } from '../../http/errors';
import { fieldsFromIssues } from '../../http/error-handler';
import { publicAdmission } from '../../hotline/admission';
import { pageContext, sendHtml } from '../../public-site/routes';
import { renderNotice } from '../../public-site/home';
import type { PageContext } from '../../public-site/layout';
import { submitPresentationRequest } from './requests';
import { requestRateLimit } from './rate-limit';
import {
  FORM_DATE_ROWS,
  countField,
  dateField,
  gradesField,
  partOfDayField,
  renderRequestForm,
  renderRequestSent,
  type FieldErrors,
  type RequestFormValues,
} from './form';

type FormBody = Record<string, string | string[] | undefined> | undefined;

const TEXT_FIELDS = ['organisation', 'organisationType', 'municipality', 'parents', 'teachers', 'language', 'message', 'contactName', 'email', 'phone'] as const;

function readForm(body: FormBody): RequestFormValues {
  const all = (name: string) => {
    const value = body && typeof body === 'object' ? body[name] : undefined;
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
  };
  const names = [...TEXT_FIELDS, ...GRADE_BANDS.map(countField), ...Array.from({ length: FORM_DATE_ROWS }, (_, row) => [dateField(row), partOfDayField(row)]).flat()];
  return {
    text: Object.fromEntries(names.map((name) => [name, all(name)[0] ?? ''])),
    lists: Object.fromEntries(['topics', ...GRADE_BANDS.map(gradesField)].map((name) => [name, all(name)])),
  };
}

/** A whole number as a number; anything else as typed, for the schema to refuse. */
const asCount = (value: string): number | string | undefined => (value.trim() === '' ? undefined : /^\d+$/.test(value.trim()) ? Number(value.trim()) : value);
const orUndefined = (value: string) => (value.trim() === '' ? undefined : value);

/** The API's body from the form; `dateRows[i]` is the form row of preferred date i (empty rows are left out). */
function toCandidate(values: RequestFormValues) {
  const { text, lists } = values;
  const pupils: Record<string, unknown> = {};
  for (const band of GRADE_BANDS) {
    const count = asCount(text[countField(band)]!);
    const grades = lists[gradesField(band)]!;
    if (count === undefined && grades.length === 0) continue;
    pupils[band] = { ...(count === undefined ? {} : { count }), grades: grades.map((g) => (/^\d+$/.test(g) ? Number(g) : g)) };
  }
  const dateRows = Array.from({ length: FORM_DATE_ROWS }, (_, row) => row).filter((row) => text[dateField(row)]!.trim() !== '');
  const candidate = {
    organisation: text.organisation,
    organisationType: orUndefined(text.organisationType!),
    municipality: orUndefined(text.municipality!),
    contactName: text.contactName,
    email: text.email,
    phone: orUndefined(text.phone!),
    audience: { pupils, parents: asCount(text.parents!), teachers: asCount(text.teachers!) },
    preferredDates: dateRows.map((row) => ({ date: text[dateField(row)], partOfDay: text[partOfDayField(row)] })),
    language: text.language,
    topics: lists.topics,
    message: orUndefined(text.message!),
  };
  return { candidate, dateRows };
}

/** The form field an API error path belongs to (audience.pupils.secondary.count -> count-secondary). */
function formFieldOf(path: string, dateRows: number[]): string {
  const [head, second, third, fourth] = path.split('.');
  if (head === 'audience') {
    if (second === 'pupils' && third && GRADE_BANDS.includes(third as GradeBand)) return fourth === 'grades' ? gradesField(third as GradeBand) : countField(third as GradeBand);
    return second === 'parents' || second === 'teachers' ? second : 'pupils';
  }
  if (head === 'preferredDates') {
    const row = second === undefined ? undefined : dateRows[Number(second)];
    if (row === undefined) return 'preferredDates';
    return third === 'partOfDay' ? partOfDayField(row) : dateField(row);
  }
  return head ?? path;
}

/** The message a person reads next to a field, in the page's language. */
function translatedError(page: PageContext, field: string, apiMessage: string): string {
  const kind = field.split('-')[0]!;
  const key = (name: string) => `prevention.requests.public.fieldErrors.${name}`;
  if (kind === 'date') {
    const named = (Object.entries(DATE_ERRORS) as [keyof typeof DATE_ERRORS, string][]).find(([, message]) => message === apiMessage)?.[0];
    return page.t(key(named ? `date${named[0]!.toUpperCase()}${named.slice(1)}` : 'date'));
  }
  if (kind === 'count') return page.t(key('pupilsCount'));
  if (kind === 'grades') return page.t(key('grades'));
  if (kind === 'partOfDay') return page.t(key('partOfDay'));
  return page.t(key(field), { defaultValue: apiMessage });
}

function formErrors(page: PageContext, fields: Record<string, string>, dateRows: number[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const field = formFieldOf(path, dateRows);
    errors[field] ??= translatedError(page, field, message);
  }
  return errors;
}

export async function requestPageRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(
    async (scope) => {
      // A refusal by the limits is a page a person can read, in their language.
      scope.setErrorHandler(async (error: Error & { statusCode?: number; retryAfterSeconds?: number }, request, reply) => {
        if (error instanceof HttpError && error.statusCode === 429) {
          const page = await pageContext(ctx, request);
          const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
          const text = error.code === 'busy' ? page.t('prevention.requests.public.busy') : page.t('prevention.requests.public.tooMany', { minutes, phone: page.helplinePhone });
          void reply.header('retry-after', String(error.retryAfterSeconds ?? 60));
          return sendHtml(reply, renderNotice(page, page.t('public.tooManyTitle'), text), 429);
        }
        throw error;
      });

      const showForm = async (request: FastifyRequest, reply: FastifyReply, values: RequestFormValues, errors: FieldErrors, status: number) =>
        sendHtml(reply, renderRequestForm(await pageContext(ctx, request), { values, errors }), status);

      scope.get('/presentations', { schema: { hide: true } }, (request, reply) => showForm(request, reply, { text: {}, lists: {} }, {}, 200));

      scope.post('/presentations', { schema: { hide: true }, config: { rateLimit: requestRateLimit(ctx) } }, async (request, reply) => {
        const page = await pageContext(ctx, request);
        const values = readForm(request.body as FormBody);
        const { candidate, dateRows } = toCandidate(values);
        const parsed = createPresentationRequestSchema.safeParse(candidate);
        if (!parsed.success) {
          const fields = fieldsFromIssues(
            parsed.error.issues.map((i) => ({ keyword: i.code, instancePath: `/${i.path.join('/')}`, message: i.message, params: i as never })),
            'body',
          );
          return showForm(request, reply, values, formErrors(page, fields, dateRows), 400);
        }
        const { number } = await publicAdmission(ctx).run(() => submitPresentationRequest(ctx, parsed.data));
        return sendHtml(reply, renderRequestSent(page, number));
      });
    },
    { logLevel: 'warn' },
  );
}
