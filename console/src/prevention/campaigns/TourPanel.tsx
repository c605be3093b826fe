// The tour of a campaign: its city stops in date order as a numbered list (when, where, whether
// planned, held or cancelled, and how many came) that stands on its own, the same stops as
// numbered markers on the map of Serbia, and a small form that plans the next stop — an event
// of type campaign-city-stop, made through the events API. A stop is done when its audience is
// recorded on the event page, which each stop links to.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { unitName } from '../../../../common/geography';
import { MAX_EVENT_MINUTES } from '../../../../common/schemas/prevention/events';
import type { ApiError } from '../../api';
import { SelectField, TextField } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { useLanguage } from '../../i18n';
import { asApiError, useUser } from '../../session';
import { SerbiaMap, type SerbiaMapMarker } from '../coverage/SerbiaMap';
import { eventsApi } from '../events/api';
import { belgradeIso, dayOf, formatDay, today } from '../events/dates';
import { eventWhen, LOCALES, STATUS_TAG } from '../events/format';
import type { Campaign, CampaignEvent } from './api';
import { formatCount, inScript, municipalityOptions } from './format';

export function TourPanel({ campaign, onPlanned }: { campaign: Campaign; onPlanned: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useUser();
  const route = campaign.route;
  const active = route.filter((stop) => stop.status !== 'cancelled');
  const held = route.filter((stop) => stop.status === 'held').length;
  /** Each stop keeps its number in the list; cancelled stops are not put on the map. */
  const markers: SerbiaMapMarker[] = route.flatMap((stop, index) =>
    stop.status === 'cancelled'
      ? []
      : [{ id: stop.id, districtId: stop.districtId, order: index + 1, done: stop.status === 'held', label: `${unitName(stop.municipalityId, language)}, ${formatDay(dayOf(stop.startsAt), LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric' })}` }],
  );

  return (
    <section aria-labelledby="tour-heading" className="campaign-tour">
      <h2 id="tour-heading">{t('prevention.campaigns.tour.title')}</h2>
      <p className="hint">{t('prevention.campaigns.tour.intro')}</p>
      {route.length === 0 ? (
        <p data-testid="tour-empty">{t('prevention.campaigns.tour.empty')}</p>
      ) : (
        <>
          <p data-testid="tour-progress">{t('prevention.campaigns.tour.progress', { held, total: active.length })}</p>
          <div className="tour-layout">
            <ol className="tour-route" aria-label={t('prevention.campaigns.tour.caption')} data-testid="tour-route">
              {route.map((stop, index) => (
                <TourStop key={stop.id} stop={stop} number={index + 1} canOpen={me.abilities['events.list']} />
              ))}
            </ol>
            <div className="tour-map">
              <SerbiaMap title={t('prevention.campaigns.tour.mapTitle')} markers={markers} />
            </div>
          </div>
        </>
      )}
      {/* Stops are planned while the campaign runs (or before it starts). */}
      {me.abilities['events.create'] && (campaign.endsOn === null || campaign.endsOn >= today()) && <PlanStop campaign={campaign} onPlanned={onPlanned} />}
    </section>
  );
}

function TourStop({ stop, number, canOpen }: { stop: CampaignEvent; number: number; canOpen: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const where = [stop.schoolName ?? stop.venue, unitName(stop.municipalityId, language)].filter(Boolean).map((s) => inScript(s!, language));
  return (
    <li className={`tour-stop tour-stop-${stop.status}`} data-testid="tour-stop" data-status={stop.status}>
      <span className="tour-stop-number" aria-hidden="true">
        {number}
      </span>
      <div>
        <p className="tour-stop-place">
          <strong>{where.join(', ')}</strong>
        </p>
        <p>
          <time dateTime={stop.startsAt}>{eventWhen(t, stop, language)}</time>
        </p>
        <p>
          <span className={STATUS_TAG[stop.status]}>{t(`prevention.codes.eventStatuses.${stop.status}`)}</span>
          {stop.audience !== null && <> · {t('prevention.campaigns.tour.audience', { count: stop.audience, formatted: formatCount(stop.audience, language) })}</>}
          {canOpen && (
            <>
              {' · '}
              <Link to={`/prevention/events/${stop.id}`} aria-label={`${t('prevention.campaigns.tour.open')}: ${t('prevention.campaigns.tour.stop', { number })}, ${where.join(', ')}`}>
                {t('prevention.campaigns.tour.open')}
              </Link>
            </>
          )}
        </p>
      </div>
    </li>
  );
}

interface StopValues {
  municipalityId: string;
  venue: string;
  date: string;
  time: string;
  duration: string;
}
type StopProblems = Partial<Record<keyof StopValues, string>>;
/** Where the events API's field names go on this form. */
const SERVER_FIELDS: Record<string, keyof StopValues> = { municipalityId: 'municipalityId', venue: 'venue', startsAt: 'date', durationMinutes: 'duration', endsAt: 'duration' };
const EMPTY_STOP: StopValues = { municipalityId: '', venue: '', date: '', time: '12:00', duration: '180' };

function PlanStop({ campaign, onPlanned }: { campaign: Campaign; onPlanned: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [values, setValues] = useState(EMPTY_STOP);
  const [problems, setProblems] = useState<StopProblems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const municipalities = useMemo(() => municipalityOptions(language), [language]);
  const set = (name: keyof StopValues) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setError(null);
    const found: StopProblems = {};
    if (!values.municipalityId) found.municipalityId = t('prevention.campaigns.tour.plan.municipalityRequired');
    if (!values.venue.trim()) found.venue = t('prevention.campaigns.tour.plan.venueRequired');
    if (!values.date) found.date = t('prevention.campaigns.tour.plan.dateRequired');
    if (!/^\d{2}:\d{2}$/.test(values.time)) found.time = t('prevention.campaigns.tour.plan.timeRequired');
    const minutes = Number(values.duration);
    if (!/^\d{1,4}$/.test(values.duration) || minutes < 5 || minutes > MAX_EVENT_MINUTES) found.duration = t('prevention.campaigns.tour.plan.durationInvalid');
    setProblems(found);
    const first = (Object.keys(EMPTY_STOP) as (keyof StopValues)[]).find((name) => found[name]);
    if (first) return formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    setIsBusy(true);
    try {
      await eventsApi.create({
        type: 'campaign-city-stop',
        campaignId: campaign.id,
        municipalityId: values.municipalityId,
        venue: values.venue.trim(),
        startsAt: belgradeIso(values.date, values.time),
        durationMinutes: minutes,
      });
      setNotice(t('prevention.campaigns.tour.plan.planned', { place: unitName(values.municipalityId, language) }));
      setValues(EMPTY_STOP);
      onPlanned();
    } catch (reason) {
      const apiError = asApiError(reason);
      const fromServer: StopProblems = {};
      for (const [path, message] of Object.entries(apiError.fields)) {
        const field = SERVER_FIELDS[path.split('.')[0]!];
        if (field) fromServer[field] ??= message;
      }
      setProblems(fromServer);
      setError(apiError);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form tour-plan" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="plan-stop-heading" data-testid="plan-stop">
      <h3 id="plan-stop-heading">{t('prevention.campaigns.tour.plan.title')}</h3>
      <ErrorAlert error={error} knownFields={Object.keys(SERVER_FIELDS)} />
      <SelectField label={t('prevention.campaigns.tour.plan.municipality')} name="municipalityId" required value={values.municipalityId} onChange={set('municipalityId')} error={problems.municipalityId}>
        <option value="">{t('prevention.campaigns.tour.plan.choose')}</option>
        {municipalities.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t('prevention.campaigns.tour.plan.venue')} hint={t('prevention.campaigns.tour.plan.venueHint')} name="venue" required maxLength={300} value={values.venue} onChange={set('venue')} error={problems.venue} />
      <div className="field-row">
        <TextField label={t('prevention.campaigns.tour.plan.date')} name="date" type="date" required min={today()} value={values.date} onChange={set('date')} error={problems.date} />
        <TextField label={t('prevention.campaigns.tour.plan.time')} name="time" type="time" required value={values.time} onChange={set('time')} error={problems.time} />
        <TextField label={t('prevention.campaigns.tour.plan.duration')} name="duration" inputMode="numeric" required value={values.duration} onChange={set('duration')} error={problems.duration} />
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={isBusy} data-testid="plan-stop-submit">
          {t('prevention.campaigns.tour.plan.submit')}
        </button>
      </div>
      <StatusMessage message={notice} />
    </form>
  );
}
