// One presentation request: who asks and for whom, the requester's contact (opening the page is
// an audited read), the preferred dates and topics; then the decision: accept (which schedules
// the event) or decline with a reason the requester reads. A decided request shows what was
// decided and, when accepted, links to its event.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { unitName } from '../../../../common/geography';
import type { ApiError } from '../../api';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { calendarDay } from '../../helpline/format';
import { formatDateTimeShort, personName, useLanguage } from '../../i18n';
import { useLoad } from '../../useLoad';
import { requestsApi, type PresentationRequest } from './api';
import { AcceptForm } from './AcceptForm';
import { DeclineForm } from './DeclineForm';
import { audienceLines, waitingText } from './format';

export function RequestDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, setData } = useLoad(() => requestsApi.read(id), [id]);
  const found = data && data.id === id ? data : null;
  return (
    <Screen key={id} title={found ? t('prevention.requests.console.detailTitle', { number: found.number }) : t('prevention.requests.console.loadingTitle')} headingTestId="request-heading">
      <p>
        <Link to="/prevention/requests">{t('prevention.requests.console.back')}</Link>
      </p>
      {found ? <RequestView request={found} onChanged={setData} /> : error ? <ErrorAlert error={error} /> : <p role="status">{t('console.loading')}</p>}
    </Screen>
  );
}

function RequestView({ request, onChanged }: { request: PresentationRequest; onChanged: (request: PresentationRequest) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const none = t('prevention.requests.console.none');

  /** After a decision (or a refusal because someone else decided first): show the request as it is now. */
  const decided = async (text: string | null, refused: ApiError | null) => {
    setMessage(text);
    setConflict(refused);
    onChanged(await requestsApi.read(request.id));
  };

  return (
    <>
      <StatusMessage message={message} />
      {conflict && <ErrorAlert error={conflict} message={t('prevention.requests.console.alreadyDecided')} />}
      <section aria-labelledby="request-who">
        <h2 id="request-who">{t('prevention.requests.console.who')}</h2>
        <dl className="facts">
          <dt>{t('prevention.requests.console.status')}</dt>
          <dd data-testid="request-status">
            <span className={`tag request-status-${request.status}`}>{t(`prevention.requests.statuses.${request.status}`)}</span> <span className="muted">{waitingText(t, request)}</span>
          </dd>
          <dt>{t('prevention.requests.console.organisation')}</dt>
          <dd data-testid="request-organisation">{request.organisation}</dd>
          <dt>{t('prevention.requests.console.organisationType')}</dt>
          <dd>{t(`prevention.codes.organisationTypes.${request.organisationType}`)}</dd>
          <dt>{t('prevention.requests.console.place')}</dt>
          <dd>{unitName(request.municipality, language)}</dd>
          <dt>{t('prevention.requests.console.received')}</dt>
          <dd>
            <time dateTime={request.createdAt}>{formatDateTimeShort(request.createdAt, language)}</time>
          </dd>
          <dt>{t('prevention.requests.console.language')}</dt>
          <dd>{t(`prevention.requests.languages.${request.language}`)}</dd>
        </dl>
      </section>
      <section aria-labelledby="request-contact">
        <h2 id="request-contact">{t('prevention.requests.console.contact')}</h2>
        <dl className="facts">
          <dt>{t('prevention.requests.console.contactName')}</dt>
          <dd data-testid="request-contact-name">{request.contactName}</dd>
          <dt>{t('prevention.requests.console.email')}</dt>
          <dd>
            <a href={`mailto:${request.email}`}>{request.email}</a>
          </dd>
          <dt>{t('prevention.requests.console.phone')}</dt>
          <dd>{request.phone ? <a href={`tel:${request.phone.replace(/[^\d+]/g, '')}`}>{request.phone}</a> : none}</dd>
        </dl>
      </section>
      <section aria-labelledby="request-audience">
        <h2 id="request-audience">{t('prevention.requests.console.audience')}</h2>
        <ul>
          {audienceLines(t, request.audience).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <h3>{t('prevention.requests.console.preferredDates')}</h3>
        <ul data-testid="request-dates">
          {request.preferredDates.map((d) => (
            <li key={`${d.date}-${d.partOfDay}`}>
              {t('prevention.requests.console.useDate', { date: calendarDay(d.date, language), part: t(`prevention.requests.partsOfDay.${d.partOfDay}`) })}
            </li>
          ))}
        </ul>
        <h3>{t('prevention.requests.console.topics')}</h3>
        {request.topics.length ? (
          <ul className="tag-list">
            {request.topics.map((topic) => (
              <li key={topic} className="tag">
                {t(`prevention.codes.topics.${topic}`, { defaultValue: topic })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('prevention.requests.console.noTopics')}</p>
        )}
        {request.message && (
          <>
            <h3>{t('prevention.requests.console.message')}</h3>
            <p className="pre-wrap request-message">{request.message}</p>
          </>
        )}
      </section>
      <section aria-labelledby="request-decision" className="decision">
        <h2 id="request-decision">{t('prevention.requests.console.decision')}</h2>
        {request.status === 'new' ? (
          <div className="request-decide">
            <AcceptForm request={request} onAccepted={() => void decided(t('prevention.requests.console.accepted'), null)} onConflict={(error) => void decided(null, error)} />
            <DeclineForm request={request} onDeclined={() => void decided(t('prevention.requests.console.declined'), null)} onConflict={(error) => void decided(null, error)} />
          </div>
        ) : (
          <Decision request={request} />
        )}
      </section>
    </>
  );
}

function Decision({ request }: { request: PresentationRequest }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div data-testid="request-decided">
      {request.decidedAt && (
        <p className="muted">
          {t('prevention.requests.console.decidedBy', { name: request.decidedBy ? personName(request.decidedBy, language) : '—', when: formatDateTimeShort(request.decidedAt, language) })}
        </p>
      )}
      {request.status === 'accepted' && request.event && (
        <p>
          {t('prevention.requests.console.acceptedWith', { number: request.event.number, when: formatDateTimeShort(request.event.startsAt, language) })}{' '}
          <Link to={`/prevention/events/${request.event.id}`} data-testid="request-event-link">
            {t('prevention.requests.console.openEvent')}
          </Link>
        </p>
      )}
      {request.status === 'declined' && (
        <>
          <p>{t('prevention.requests.console.declinedWith')}</p>
          <blockquote className="pre-wrap">{request.declineReason}</blockquote>
        </>
      )}
    </div>
  );
}
