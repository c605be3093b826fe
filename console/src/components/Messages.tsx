// Messages about the outcome of an action: errors are alerts (read out at once), confirmations
// are polite status messages. The status region is always present so that changes are announced.
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import { describeError } from '../errors';

/**
 * The error summary of a form. `knownFields` are the inputs that show their own message; the
 * server's messages for anything else are listed here so that nothing is lost.
 */
export function ErrorAlert({ error, message, knownFields = [] }: { error: ApiError | null; message?: string | null; knownFields?: readonly string[] }) {
  const { t } = useTranslation();
  if (!error && !message) return null;
  const otherFields = error
    ? Object.entries(error.fields).filter(([path]) => !knownFields.some((name) => path.split('.').includes(name)))
    : [];
  return (
    <div role="alert" className="alert alert-error">
      <p>{message ?? (error ? describeError(t, error) : '')}</p>
      {otherFields.length > 0 && (
        <ul>
          {otherFields.map(([path, text]) => (
            <li key={path}>
              <code>{path}</code>: {text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status" className={message ? 'alert alert-success' : 'visually-empty'}>
      {message}
    </div>
  );
}
