// Every e-mail the platform wrote, newest first, with its delivery state. In demo mode (no
// SMTP server) this is where mail can be read; on a server it shows failed deliveries.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/Messages';
import { Screen } from '../components/Screen';
import { TableWrap } from '../components/TableWrap';
import { mailboxApi } from '../endpoints';
import { formatDateTime, useLanguage } from '../i18n';
import { useLoad } from '../useLoad';

const STATUSES = ['', 'failed', 'queued', 'sent', 'kept-locally'] as const;

export function Mailbox() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('');
  const { data, error } = useLoad(() => mailboxApi.list(status || undefined), [status]);
  return (
    <Screen title={t('console.mailbox.title')}>
      {data?.isDemo && <p className="alert alert-info">{t('console.mailbox.demo')}</p>}
      <div className="field">
        <label htmlFor="mailbox-status">{t('console.mailbox.status')}</label>
        <select id="mailbox-status" value={status} onChange={(event) => setStatus(event.target.value as (typeof STATUSES)[number])}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(s ? `console.mailbox.statuses.${s}` : 'console.mailbox.all')}
            </option>
          ))}
        </select>
      </div>
      <ErrorAlert error={error} />
      {data && data.messages.length === 0 && <p>{t('console.mailbox.empty')}</p>}
      {data && data.messages.length > 0 && (
        <TableWrap label={t('console.mailbox.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('console.mailbox.when')}</th>
                <th scope="col">{t('console.mailbox.to')}</th>
                <th scope="col">{t('console.mailbox.message')}</th>
                <th scope="col">{t('console.mailbox.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.messages.map((m) => (
                <tr key={m.id} data-testid="mailbox-message">
                  <td className="nowrap">
                    <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, language)}</time>
                  </td>
                  <td>{m.to}</td>
                  <td>
                    <details>
                      <summary>{m.subject}</summary>
                      <p className="pre-wrap">{m.text}</p>
                    </details>
                  </td>
                  <td className={m.status === 'failed' ? 'overdue' : undefined}>
                    {t(`console.mailbox.statuses.${m.status}`)}
                    {m.lastError ? ` (${t('console.mailbox.attempts', { count: m.attempts })}: ${m.lastError})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Screen>
  );
}
