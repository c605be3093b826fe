// The coordinators' view of peer sessions: those waiting for confirmation first (confirm, or
// return with what to fix), and the returned, confirmed or all of them. The view lives in the
// address. Names shown here are audited by the server.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { ApiError } from '../../api';
import { TextAreaField } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { TableWrap } from '../../components/TableWrap';
import { useLanguage } from '../../i18n';
import { asApiError } from '../../session';
import { useLoad } from '../../useLoad';
import { peersApi, type PeerSession } from './api';
import { calendarDay, inScript, placeLabel, STATUS_TAG } from './format';

const VIEWS = ['submitted', 'returned', 'confirmed', 'all'] as const;
type View = (typeof VIEWS)[number];
const isView = (value: string | null): value is View => (VIEWS as readonly (string | null)[]).includes(value);

export function SessionQueue() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const view: View = isView(params.get('view')) ? (params.get('view') as View) : 'submitted';
  const sessions = useLoad(() => peersApi.sessions(view === 'all' ? {} : { status: view }), [view]);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [returning, setReturning] = useState<string | null>(null);
  const list = sessions.data?.sessions ?? [];

  const decided = async (run: () => Promise<unknown>, done: string) => {
    setError(null);
    setMessage(null);
    try {
      await run();
      setReturning(null);
      setMessage(done);
      sessions.reload();
    } catch (reason) {
      setError(asApiError(reason));
    }
  };

  return (
    <Screen title={t('prevention.peers.queue.title')} headingTestId="peer-sessions-heading">
      <div className="status-filter" role="group" aria-label={t('prevention.peers.queue.views')}>
        {VIEWS.map((name) => (
          <button key={name} type="button" className="status-tab" aria-pressed={view === name} onClick={() => setParams(name === 'submitted' ? {} : { view: name })}>
            {name === 'all' ? t('prevention.peers.queue.all') : t(`prevention.peers.status.${name}`)}
          </button>
        ))}
      </div>
      <StatusMessage message={message} />
      <ErrorAlert error={error ?? sessions.error} />
      <p role="status">{sessions.isLoading ? t('prevention.peers.common.loading') : t('prevention.peers.queue.shown', { count: list.length })}</p>
      {!sessions.isLoading && list.length === 0 && <p>{t('prevention.peers.queue.empty')}</p>}
      {list.length > 0 && (
        <TableWrap label={t('prevention.peers.queue.tableLabel')}>
          <table data-testid="peer-sessions">
            <thead>
              <tr>
                <th scope="col">{t('prevention.peers.queue.columns.heldOn')}</th>
                <th scope="col">{t('prevention.peers.queue.columns.educator')}</th>
                <th scope="col">{t('prevention.peers.queue.columns.place')}</th>
                <th scope="col">{t('prevention.peers.queue.columns.peers')}</th>
                <th scope="col">{t('prevention.peers.queue.columns.topics')}</th>
                <th scope="col">{t('prevention.peers.queue.columns.notes')}</th>
                <th scope="col">{t('prevention.peers.queue.columns.status')}</th>
                <th scope="col">{t('prevention.peers.queue.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((session) => {
                const who = session.educatorName ? inScript(session.educatorName, language) : t('prevention.peers.detail.erasedName');
                const label = `${calendarDay(session.heldOn, language)}, ${who}`;
                return (
                  <tr key={session.id} data-testid={`peer-session-${session.id}`}>
                    <th scope="row" className="nowrap">
                      {calendarDay(session.heldOn, language)}
                    </th>
                    <td>{who}</td>
                    <td>{placeLabel(session, language)}</td>
                    <td>{session.peersReached}</td>
                    <td>{session.topics.map((topic) => t(`prevention.codes.topics.${topic}`)).join(', ')}</td>
                    <td className="pre-wrap">{session.notes}</td>
                    <td>
                      <span className={STATUS_TAG[session.status]}>{t(`prevention.peers.status.${session.status}`)}</span>
                      {session.returnReason && <p className="peer-return-reason">{session.returnReason}</p>}
                    </td>
                    <td>
                      {session.status === 'submitted' && (
                        <Decision
                          session={session}
                          label={label}
                          isReturning={returning === session.id}
                          onConfirm={() => decided(() => peersApi.confirmSession(session.id), t('prevention.peers.queue.confirmed'))}
                          onStartReturn={() => setReturning(session.id)}
                          onCancelReturn={() => setReturning(null)}
                          onReturn={(reason) => decided(() => peersApi.returnSession(session.id, reason), t('prevention.peers.queue.returned'))}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Screen>
  );
}

interface DecisionProps {
  session: PeerSession;
  label: string;
  isReturning: boolean;
  onConfirm: () => Promise<void>;
  onStartReturn: () => void;
  onCancelReturn: () => void;
  onReturn: (reason: string) => Promise<void>;
}

function Decision({ label, isReturning, onConfirm, onStartReturn, onCancelReturn, onReturn }: DecisionProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [isBusy, setIsBusy] = useState(false);
  const busy = async (work: () => Promise<void>) => {
    setIsBusy(true);
    try {
      await work();
    } finally {
      setIsBusy(false);
    }
  };
  if (isReturning) {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      if (reason.trim().length < 3) {
        setProblem(t('prevention.peers.queue.reasonRequired'));
        return;
      }
      void busy(() => onReturn(reason.trim()));
    };
    return (
      <form className="peer-return-form" onSubmit={submit} noValidate aria-label={`${t('prevention.peers.queue.returnButton')}: ${label}`}>
        <TextAreaField
          label={t('prevention.peers.queue.returnReason')}
          hint={t('prevention.peers.queue.returnReasonHint')}
          name="returnReason"
          rows={3}
          maxLength={500}
          required
          autoFocus
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={problem}
        />
        <div className="button-row">
          <button type="submit" disabled={isBusy}>
            {t('prevention.peers.queue.returnSubmit')}
          </button>
          <button type="button" onClick={onCancelReturn}>
            {t('prevention.peers.common.cancel')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="button-row">
      <button type="button" className="button-primary button-small" disabled={isBusy} onClick={() => void busy(onConfirm)} data-testid="confirm-session">
        {t('prevention.peers.queue.confirm')}
        <span className="visually-hidden-label">: {label}</span>
      </button>
      <button type="button" className="button-small" onClick={onStartReturn} data-testid="return-session">
        {t('prevention.peers.queue.returnButton')}
        <span className="visually-hidden-label">: {label}</span>
      </button>
    </div>
  );
}
