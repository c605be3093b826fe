// Turns an ApiError into a sentence in the interface language. The server's own messages are
// English, so general errors are described from the status and code instead.
import type { TFunction } from 'i18next';
import { ApiError, NETWORK_ERROR_STATUS } from './api';

export function describeError(t: TFunction, error: ApiError): string {
  if (error.status === NETWORK_ERROR_STATUS) return t('errors.network');
  if (error.status === 429) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return t('console.errors.tooManyAttempts', { count: minutes });
  }
  if (Object.keys(error.fields).length > 0 || error.status === 400 || error.status === 422) {
    return t('console.errors.validation');
  }
  if (error.status === 401) return t('console.signIn.sessionExpired');
  if (error.status === 403) return t('console.errors.forbidden');
  if (error.status === 404) return t('console.errors.notFound');
  if (error.status === 409) return t('console.errors.conflict');
  return t('errors.generic');
}
