// The public site's language: chosen with /language/<code>, remembered in a cookie, Cyrillic by default.
import type { FastifyRequest } from 'fastify';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../common/roles';

export const LANGUAGE_COOKIE = 'bezbedno_lang';

export function requestLanguage(request: FastifyRequest): Language {
  const chosen = request.cookies[LANGUAGE_COOKIE];
  return isLanguage(chosen) ? chosen : DEFAULT_LANGUAGE;
}

/** Only a path on this site may follow a language switch (no open redirect). */
export function safeNextPath(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/';
}
