// The one way the console talks to the server: JSON over fetch with the session cookie, the
// CSRF header on every state-changing request, and error envelopes turned into ApiError.
import type { z } from 'zod';
import type { errorSchema } from '../../common/schemas/common';

type ErrorBody = z.infer<typeof errorSchema>['error'];
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | undefined>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? {};
    this.retryAfterSeconds = body.retryAfterSeconds ?? null;
  }

  /** The server's message for an input; paths are dot separated ("roles.0" belongs to "roles"). */
  fieldError(name: string): string | undefined {
    for (const [path, message] of Object.entries(this.fields)) {
      if (path.split('.').includes(name)) return message;
    }
    return undefined;
  }
}

export const NETWORK_ERROR_STATUS = 0;

/** 401 answers that mean "that password or code was wrong", not "your session has ended". */
const WRONG_SECRET_CODES = new Set(['invalid_credentials', 'otp_required', 'invalid_otp']);

let csrfToken: string | null = null;
let sessionExpired: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on any 401 outside signing in: the session ended on the server. */
export function onSessionExpired(handler: (() => void) | null): void {
  sessionExpired = handler;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Signing in and reading the session answer 401 as a normal outcome, not an expiry. */
  isSessionRequest?: boolean;
  /** Sent even if the page is being closed (a last count before leaving). */
  keepalive?: boolean;
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const url = new URL(`/api/v1${path}`, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(key, value);
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      keepalive: options.keepalive ?? false,
    });
  } catch {
    throw new ApiError(NETWORK_ERROR_STATUS, { code: 'network', message: 'Network error' });
  }

  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (response.ok) return parsed as T;

  const error = new ApiError(response.status, errorBody(parsed, response));
  if (response.status === 401 && !options.isSessionRequest && !WRONG_SECRET_CODES.has(error.code)) sessionExpired?.();
  throw error;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorBody(parsed: unknown, response: Response): ErrorBody {
  const candidate = (parsed as { error?: Partial<ErrorBody> } | undefined)?.error;
  const retryHeader = Number(response.headers.get('retry-after'));
  return {
    code: typeof candidate?.code === 'string' ? candidate.code : `http_${response.status}`,
    message: typeof candidate?.message === 'string' ? candidate.message : response.statusText,
    ...(candidate?.fields ? { fields: candidate.fields } : {}),
    ...(typeof candidate?.retryAfterSeconds === 'number'
      ? { retryAfterSeconds: candidate.retryAfterSeconds }
      : Number.isFinite(retryHeader) && retryHeader > 0
        ? { retryAfterSeconds: retryHeader }
        : {}),
  };
}

/**
 * A binary answer (a screenshot) as a Blob. GET only, so no CSRF header; errors become ApiError
 * as for JSON requests.
 */
async function requestBlob(path: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(new URL(`/api/v1${path}`, window.location.origin), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(NETWORK_ERROR_STATUS, { code: 'network', message: 'Network error' });
  }
  if (response.ok) return response.blob();
  const text = await response.text();
  const error = new ApiError(response.status, errorBody(text ? safeJson(text) : undefined, response));
  if (response.status === 401) sessionExpired?.();
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Query, isSessionRequest = false) =>
    request<T>('GET', path, { query, isSessionRequest }),
  post: <T>(path: string, body?: unknown, isSessionRequest = false) =>
    request<T>('POST', path, { body: body ?? {}, isSessionRequest }),
  /** A POST that outlives the page (e.g. on pagehide); small bodies only. */
  postKeepalive: <T>(path: string, body: unknown) => request<T>('POST', path, { body, keepalive: true }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string, query?: Query, isSessionRequest = false) =>
    request<T>('DELETE', path, { query, isSessionRequest }),
  blob: requestBlob,
};
