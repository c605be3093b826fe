// Turns every failure into { error: { code, message, fields? } } with the right status.
// Bad input is always a 4xx naming the field; a 500 never carries a stack or internals.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { HttpError } from './errors';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

const CONTEXT_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'headers' };

/** Field path -> message, from zod issues (unknown keys get one entry each). */
export function fieldsFromIssues(issues: ValidationIssue[], context: string | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  const base = (path: string) => path.replace(/^\//, '').replace(/\//g, '.');
  for (const issue of issues) {
    const path = base(issue.instancePath);
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      for (const key of issue.params.keys as string[]) fields[path ? `${path}.${key}` : key] = 'Unknown field';
      continue;
    }
    const message = /received undefined/.test(issue.message) ? 'Required' : issue.message;
    fields[path || CONTEXT_NAMES[context ?? ''] || 'body'] ??= message;
  }
  return fields;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      if (error.retryAfterSeconds) void reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(error.statusCode).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
          ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = fieldsFromIssues(error.validation as unknown as ValidationIssue[], error.validationContext);
      return reply.code(400).send({ error: { code: 'validation_failed', message: `Invalid ${Object.keys(fields).join(', ')}`, fields } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500 && !isResponseSerializationError(error as never)) {
      const known: Record<string, [string, string]> = {
        FST_ERR_CTP_INVALID_JSON_BODY: ['invalid_json', 'The body is not valid JSON'],
        FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid_json', 'The body is empty; send a JSON object'],
        FST_ERR_CTP_BODY_TOO_LARGE: ['body_too_large', 'The body is too large'],
        FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'Send application/json'],
      };
      const [code, message] = known[error.code] ?? [String(error.code ?? 'bad_request').toLowerCase(), error.message];
      const fields = status === 400 && code === 'invalid_json' ? { body: message } : undefined;
      return reply.code(status).send({ error: { code, message, ...(fields ? { fields } : {}) } });
    }
    request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'request failed');
    return reply.code(500).send({ error: { code: 'internal_error', message: 'Something went wrong on our side. It has been logged.' } });
  });
}
