// The peer educator's minimal view (/console/prevention/my-sessions): record a session they
// held, see their own sessions and what happened to them, and fix and resend a returned one. An
// account not linked to a peer-educator record is told so and gets no form. Nothing here shows
// anyone else's sessions or names: the server sends only the peer educator's own.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { TableWrap } from '../../components/TableWrap';
import { useLanguage } from '../../i18n';
import { useLoad } from '../../useLoad';
import { peersApi, type MyEducator, type PeerSession } from './api';
import { calendarDay, inScript, placeLabel, STATUS_TAG } from './format';
import { initialSessionValues, SessionForm } from './SessionForm';
import './peers.css';

export function MySessionsSection() {
  const { t } = useTranslation();
  const me = useLoad(() => peersApi.me(), []);
  const educator = me.data?.educator ?? null;
  return (
    <Screen title={t('prevention.peers.my.title')} headingTestId="my-sessions-heading">
      {me.isLoading && <p role="status">{t('prevention.peers.common.loading')}</p>}
      <ErrorAlert error={me.error} />
      {me.data && !educator && (
        <div className="alert alert-warning" data-testid="not-linked">
          <p>{t('prevention.peers.my.notLinked')}</p>
        </div>
      )}
      {educator && <MySessions educator={educator} />}
    </Screen>
  );
}

function MySessions({ educator }: { educator: NonNullable<MyEducator> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sessions = useLoad(() => peersApi.sessions(), []);
  const [editing, setEditing] = useState<PeerSession | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);

  const startFixing = (session: PeerSession) => {
    setMessage(null);
    setEditing(session);
    // The form is above the list: take the keyboard there.
    requestAnimationFrame(() => formHeading.current?.focus());
  };
  const saved = (text: string) => {
    setEditing(null);
    setMessage(text);
    sessions.reload();
  };

  return (
    <>
      <p>{t('prevention.peers.my.hello', { name: inScript(educator.firstName, language) })}</p>
      <p>{t('prevention.peers.my.intro')}</p>
      <StatusMessage message={message} />
      <section aria-labelledby="peer-session-form-heading" className="peer-panel">
        <h2 id="peer-session-form-heading" ref={formHeading} tabIndex={-1}>
          {editing ? t('prevention.peers.my.editSession') : t('prevention.peers.my.newSession')}
        </h2>
        {editing?.returnReason && <p className="alert alert-warning">{t('prevention.peers.my.returnReason', { reason: editing.returnReason })}</p>}
        <SessionForm
          key={editing?.id ?? 'new'}
          initial={initialSessionValues(editing, educator)}
          schoolName={editing?.schoolName ?? null}
          submitLabel={editing ? t('prevention.peers.my.resubmit') : t('prevention.peers.my.submit')}
          onSubmit={async (body) => {
            if (editing) {
              await peersApi.resubmitSession(editing.id, body);
              saved(t('prevention.peers.my.resubmitted'));
            } else {
              await peersApi.recordSession(body);
              saved(t('prevention.peers.my.submitted'));
            }
          }}
          {...(editing ? { onCancel: () => setEditing(null) } : {})}
        />
      </section>
      <section>
        <h2 id="peer-sessions-heading">{t('prevention.peers.my.list')}</h2>
        <ErrorAlert error={sessions.error} />
        {sessions.data && sessions.data.sessions.length === 0 && <p>{t('prevention.peers.my.empty')}</p>}
        {sessions.data && sessions.data.sessions.length > 0 && (
          <TableWrap label={t('prevention.peers.my.list')}>
            <table data-testid="my-sessions">
              <thead>
                <tr>
                  <th scope="col">{t('prevention.peers.queue.columns.heldOn')}</th>
                  <th scope="col">{t('prevention.peers.queue.columns.place')}</th>
                  <th scope="col">{t('prevention.peers.queue.columns.peers')}</th>
                  <th scope="col">{t('prevention.peers.queue.columns.topics')}</th>
                  <th scope="col">{t('prevention.peers.queue.columns.status')}</th>
                  <th scope="col">{t('prevention.peers.queue.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.sessions.map((session) => (
                  <tr key={session.id} data-status={session.status}>
                    <th scope="row" className="nowrap">
                      {calendarDay(session.heldOn, language)}
                    </th>
                    <td>{placeLabel(session, language)}</td>
                    <td>{session.peersReached}</td>
                    <td>{session.topics.map((topic) => t(`prevention.codes.topics.${topic}`)).join(', ')}</td>
                    <td>
                      <span className={STATUS_TAG[session.status]}>{t(`prevention.peers.status.${session.status}`)}</span>
                      {session.status === 'returned' && session.returnReason && <p className="peer-return-reason">{session.returnReason}</p>}
                    </td>
                    <td>
                      {session.status !== 'confirmed' && (
                        <button type="button" className="button-small" onClick={() => startFixing(session)}>
                          {t('prevention.peers.my.fix')}
                          <span className="visually-hidden-label"> {calendarDay(session.heldOn, language)}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}
