// One event: what, when, where, who presents, the campaign; edit and cancel for those allowed;
// after it has started, the audience form; the photos; and the event's quiz (the quiz part's
// panel). What the signed-in person may do comes from the server (event.may).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { TextAreaField } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { useLanguage } from '../../i18n';
import { asApiError } from '../../session';
import type { ApiError } from '../../api';
import { useLoad } from '../../useLoad';
import { NotFound } from '../../screens/NotFound';
import { EventQuizPanel } from '../quizzes/EventQuizPanel';
import { eventsApi, type Event } from './api';
import { eventName, eventPlace, eventWhen, inScript, presenterNames, STATUS_TAG } from './format';
import { RecordAudience } from './RecordAudience';
import { PhotosPanel } from './PhotosPanel';

export function EventPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useLoad(() => eventsApi.read(id), [id]);
  if (event.error?.status === 404) return <NotFound />;
  if (!event.data) {
    return (
      <>
        <ErrorAlert error={event.error} />
        {event.isLoading && <p role="status">{t('console.loading')}</p>}
      </>
    );
  }
  return <EventDetail event={event.data} reload={event.reload} />;
}

function EventDetail({ event, reload }: { event: Event; reload: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const none = t('prevention.events.detail.none');
  return (
    <Screen title={eventName(t, event, language)}>
      <p>
        <Link to="..">{t('prevention.events.detail.backToCalendar')}</Link>
      </p>
      <p>
        <span className={STATUS_TAG[event.status]}>{t(`prevention.codes.eventStatuses.${event.status}`)}</span>
      </p>
      {event.status === 'cancelled' && event.cancelReason && <p className="alert alert-warning">{t('prevention.events.detail.cancelledBecause', { reason: event.cancelReason })}</p>}
      <section aria-labelledby="event-details">
        <h2 id="event-details">{t('prevention.events.detail.details')}</h2>
        <dl className="facts">
          <dt>{t('prevention.events.detail.type')}</dt>
          <dd>{t(`prevention.codes.eventTypes.${event.type}`)}</dd>
          <dt>{t('prevention.events.detail.when')}</dt>
          <dd>{eventWhen(t, event, language)}</dd>
          <dt>{t('prevention.events.detail.place')}</dt>
          <dd>{eventPlace(event, language)}</dd>
          <dt>{t('prevention.events.detail.presenters')}</dt>
          <dd>{presenterNames(event, language) || none}</dd>
          <dt>{t('prevention.events.detail.campaign')}</dt>
          <dd>{event.campaignId ? <Link to={`/prevention/campaigns/${event.campaignId}`}>{event.campaignName}</Link> : t('prevention.events.detail.noCampaign')}</dd>
          <dt>{t('prevention.events.detail.language')}</dt>
          <dd>{t(`helpline.codes.language.${event.language}`)}</dd>
          <dt>{t('prevention.events.detail.topics')}</dt>
          <dd>{event.topics.length ? event.topics.map((topic) => t(`prevention.codes.topics.${topic}`)).join(', ') : none}</dd>
          <dt>{t('prevention.events.detail.materials')}</dt>
          <dd className="pre-wrap">{event.materials ? inScript(event.materials, language) : none}</dd>
        </dl>
        {event.may.edit && (
          <p>
            <Link className="button" to="edit">
              {t('prevention.events.detail.edit')}
            </Link>
          </p>
        )}
      </section>
      {event.may.cancel && <CancelForm eventId={event.id} onDone={reload} />}
      {event.status !== 'cancelled' && (event.may.record || event.audience) && <RecordAudience event={event} onSaved={reload} />}
      <PhotosPanel event={event} onChange={reload} />
      <EventQuizPanel eventId={event.id} />
    </Screen>
  );
}

function CancelForm({ eventId, onDone }: { eventId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      await eventsApi.cancel(eventId, { reason });
      setMessage(t('prevention.events.detail.cancelled'));
      onDone();
    } catch (reasonError) {
      setError(asApiError(reasonError));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <section aria-labelledby="event-cancel">
      <h2 id="event-cancel">{t('prevention.events.detail.cancel')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorAlert error={error} knownFields={['reason']} />
        <TextAreaField
          label={t('prevention.events.detail.cancelReason')}
          hint={t('prevention.events.detail.cancelReasonHint')}
          name="reason"
          required
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={error?.fieldError('reason')}
        />
        <button type="submit" className="button-danger" disabled={isBusy}>
          {t('prevention.events.detail.cancel')}
        </button>
      </form>
      <StatusMessage message={message} />
    </section>
  );
}
