// One error shape for every endpoint: { error: { code, message, fields? } }.
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Not found') => new HttpError(404, 'not_found', what);
export const forbidden = (what = 'You are not allowed to do this') => new HttpError(403, 'forbidden', what);
export const unauthenticated = () => new HttpError(401, 'unauthenticated', 'Sign in first');
export const validationFailed = (fields: Record<string, string>) =>
  new HttpError(400, 'validation_failed', `Invalid ${Object.keys(fields).join(', ')}`, fields);
export const conflict = (code: string, message: string, fields?: Record<string, string>) =>
  new HttpError(409, code, message, fields);
