// The prevention calendar: "my upcoming events" for presenters at the top, then the team's
// events by month or by week in a grid (arrow keys move between days, Tab reaches the events
// of the chosen day), or the same events as a table by day for screen readers and phones.
// What is shown lives in the address (view, day, whose, type, campaign), so it can be shared
// and survives a reload.
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { EVENT_TYPES } from '../../../../common/prevention';
import { SelectField } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { TableWrap } from '../../components/TableWrap';
import { useLanguage } from '../../i18n';
import { useUser } from '../../session';
import { useLoad } from '../../useLoad';
import { campaignOptions, eventsApi, type EventSummary } from './api';
import { addDays, addMonths, belgradeIso, dayOf, formatDay, isDay, monthStart, monthWeeks, timeOf, today, weekDays, weekStart } from './dates';
import { eventName, eventPlace, LOCALES, presenterNames, STATUS_TAG } from './format';

type View = 'month' | 'week' | 'list';
const VIEWS: View[] = ['month', 'week', 'list'];

export function Calendar() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((v) => v === params.get('view')) ?? 'month';
  const dayParam = params.get('day');
  const anchor = isDay(dayParam) ? dayParam : today();
  const whose = params.get('whose') === 'mine' ? 'mine' : 'all';
  const type = EVENT_TYPES.find((v) => v === params.get('type')) ?? '';
  const campaign = params.get('campaign') ?? '';

  const set = (changes: Record<string, string | null>, replace = false) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace });
  };

  const weeks = useMemo(() => (view === 'week' ? [weekDays(anchor)] : monthWeeks(anchor)), [view, anchor]);
  // The list shows the month (or the week, coming from the week view: ?view=list keeps the month).
  const first = view === 'list' ? monthStart(anchor) : weeks[0]![0]!;
  const afterLast = view === 'list' ? monthStart(addMonths(anchor, 1)) : addDays(weeks.at(-1)![6]!, 1);
  const query = { from: belgradeIso(first), to: belgradeIso(afterLast), presenter: whose === 'mine' ? 'me' : undefined, type: type || undefined, campaignId: campaign || undefined };
  const events = useLoad(() => eventsApi.list(query), [query.from, query.to, whose, type, campaign]);
  const campaigns = useLoad(campaignOptions, []);
  const isPresenter = user.roles.includes('presenter');

  const byDay = useMemo(() => {
    const map = new Map<string, EventSummary[]>();
    for (const event of events.data?.events ?? []) {
      const day = dayOf(event.startsAt);
      map.set(day, [...(map.get(day) ?? []), event]);
    }
    return map;
  }, [events.data]);

  const locale = LOCALES[language];
  const period =
    view === 'week'
      ? t('prevention.events.calendar.weekOf', {
          from: formatDay(weeks[0]![0]!, locale, { day: 'numeric', month: 'long' }),
          to: formatDay(weeks[0]![6]!, locale, { day: 'numeric', month: 'long', year: 'numeric' }),
        })
      : formatDay(anchor, locale, { month: 'long', year: 'numeric' });
  const step = (direction: 1 | -1) => set({ day: view === 'week' ? addDays(anchor, 7 * direction) : addMonths(anchor, direction) });

  return (
    <Screen title={t('prevention.events.calendar.title')}>
      {user.abilities['events.create'] && (
        <p>
          <Link className="button button-primary" to={`new?day=${anchor}`}>
            {t('prevention.events.calendar.newEvent')}
          </Link>
        </p>
      )}
      {isPresenter && <MyUpcoming />}

      <form className="form form-inline filters events-filters" aria-label={t('prevention.events.calendar.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('prevention.events.calendar.whose')} name="whose" value={whose} onChange={(e) => set({ whose: e.target.value === 'all' ? null : e.target.value })}>
          <option value="all">{t('prevention.events.calendar.all')}</option>
          <option value="mine">{t('prevention.events.calendar.mine')}</option>
        </SelectField>
        <SelectField label={t('prevention.events.calendar.type')} name="type" value={type} onChange={(e) => set({ type: e.target.value })}>
          <option value="">{t('prevention.events.calendar.anyType')}</option>
          {EVENT_TYPES.map((code) => (
            <option key={code} value={code}>
              {t(`prevention.codes.eventTypes.${code}`)}
            </option>
          ))}
        </SelectField>
        {(campaigns.data?.length ?? 0) > 0 && (
          <SelectField label={t('prevention.events.calendar.campaign')} name="campaign" value={campaign} onChange={(e) => set({ campaign: e.target.value })}>
            <option value="">{t('prevention.events.calendar.anyCampaign')}</option>
            {campaigns.data!.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        )}
      </form>

      <div className="events-toolbar">
        <div role="group" aria-label={t('prevention.events.calendar.views.label')} className="events-views">
          {VIEWS.map((v) => (
            <button key={v} type="button" aria-pressed={v === view} className={v === view ? 'button-primary' : undefined} onClick={() => set({ view: v === 'month' ? null : v })}>
              {t(`prevention.events.calendar.views.${v}`)}
            </button>
          ))}
        </div>
        <div role="group" aria-label={t('prevention.events.calendar.navigation')} className="events-views">
          <button type="button" onClick={() => step(-1)}>
            <span aria-hidden="true">‹ </span>
            {t(view === 'week' ? 'prevention.events.calendar.previousWeek' : 'prevention.events.calendar.previousMonth')}
          </button>
          <button type="button" onClick={() => set({ day: null })}>
            {t('prevention.events.calendar.today')}
          </button>
          <button type="button" onClick={() => step(1)}>
            {t(view === 'week' ? 'prevention.events.calendar.nextWeek' : 'prevention.events.calendar.nextMonth')}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
      </div>

      <h2 id="events-period" aria-live="polite">
        {period}
      </h2>
      <ErrorAlert error={events.error} />
      {events.data?.truncated && <p className="alert alert-warning">{t('prevention.events.calendar.truncated')}</p>}
      {events.isLoading && !events.data && <p role="status">{t('prevention.events.calendar.loading')}</p>}
      {view === 'list' ? (
        <EventTable events={events.data?.events ?? []} caption={t('prevention.events.list.caption', { from: formatDay(first, locale, { day: 'numeric', month: 'long' }), to: formatDay(addDays(afterLast, -1), locale, { day: 'numeric', month: 'long', year: 'numeric' }) })} />
      ) : (
        <>
          <p id="events-grid-help" className="hint">
            {t('prevention.events.calendar.gridHelp')}
          </p>
          <CalendarGrid
            weeks={weeks}
            focusDay={anchor}
            month={view === 'month' ? anchor.slice(0, 7) : null}
            byDay={byDay}
            isWeek={view === 'week'}
            onFocusDay={(day) => set({ day }, true)}
          />
        </>
      )}
    </Screen>
  );
}

/** The events of the signed-in presenter from now on (those under way included). */
function MyUpcoming() {
  const { t } = useTranslation();
  const language = useLanguage();
  const upcoming = useLoad(() => eventsApi.list({ from: 'now', presenter: 'me', status: 'planned', limit: '10' }), []);
  return (
    <section aria-labelledby="events-upcoming" className="events-upcoming">
      <h2 id="events-upcoming">{t('prevention.events.upcoming.title')}</h2>
      <ErrorAlert error={upcoming.error} />
      {upcoming.data && upcoming.data.events.length === 0 && <p>{t('prevention.events.upcoming.none')}</p>}
      {upcoming.data && upcoming.data.events.length > 0 && (
        <ul className="events-upcoming-list" data-testid="my-upcoming">
          {upcoming.data.events.map((event) => (
            <li key={event.id}>
              <Link to={event.id}>{eventName(t, event, language)}</Link>
              <span>
                {formatDay(dayOf(event.startsAt), LOCALES[language], { weekday: 'short', day: 'numeric', month: 'long' })}, {timeOf(event.startsAt)}
              </span>
              <span className="muted">{eventPlace(event, language)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const MOVES: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

interface GridProps {
  weeks: string[][];
  focusDay: string;
  /** The month shown ("YYYY-MM"); days of other months are dimmed. Null in the week view. */
  month: string | null;
  byDay: Map<string, EventSummary[]>;
  isWeek: boolean;
  onFocusDay: (day: string) => void;
}

/**
 * The month or week as an ARIA grid: one cell per day, one of them in the tab order (the
 * chosen day). Arrows move by a day or a week, Home/End to the week's ends, Page Up/Down by a
 * month (a week in the week view); moving past the edge turns the page. The links of the
 * chosen day's events follow it in the tab order.
 */
function CalendarGrid({ weeks, focusDay, month, byDay, isWeek, onFocusDay }: GridProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const locale = LOCALES[language];
  const grid = useRef<HTMLTableElement>(null);
  // The day a key press moved to, until the address (and so focusDay) has caught up with it:
  // quick presses move on from it, and focus follows only the last of them.
  const wantsFocus = useRef<string | null>(null);
  const current = useRef(focusDay);
  const todayKey = today();

  useEffect(() => {
    const wanted = wantsFocus.current;
    if (wanted !== null && wanted !== focusDay) return; // a later move is on its way
    current.current = focusDay;
    if (wanted === null) return;
    wantsFocus.current = null;
    grid.current?.querySelector<HTMLElement>(`[data-day="${focusDay}"]`)?.focus();
  }, [focusDay, weeks]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const from = current.current;
    let next: string | null = null;
    if (event.key in MOVES) next = addDays(from, MOVES[event.key]!);
    else if (event.key === 'Home') next = weekStart(from);
    else if (event.key === 'End') next = addDays(weekStart(from), 6);
    else if (event.key === 'PageUp') next = isWeek ? addDays(from, -7) : addMonths(from, -1);
    else if (event.key === 'PageDown') next = isWeek ? addDays(from, 7) : addMonths(from, 1);
    if (!next) return;
    event.preventDefault();
    current.current = next;
    wantsFocus.current = next;
    onFocusDay(next);
  };

  const weekdays = weeks[0]!;
  return (
    <table ref={grid} role="grid" className={isWeek ? 'events-grid events-grid-week' : 'events-grid'} aria-labelledby="events-period" aria-describedby="events-grid-help" onKeyDown={onKeyDown}>
      <thead>
        <tr>
          {weekdays.map((day) => (
            <th key={day} scope="col" abbr={formatDay(day, locale, { weekday: 'long' })}>
              {formatDay(day, locale, { weekday: isWeek ? 'long' : 'short' })}
              {isWeek && <span className="events-weekday-date"> {formatDay(day, locale, { day: 'numeric', month: 'numeric' })}</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const events = byDay.get(day) ?? [];
              const isFocus = day === focusDay;
              const classes = ['events-day', month && !day.startsWith(month) ? 'events-day-outside' : '', day === todayKey ? 'events-day-today' : '', isFocus ? 'events-day-focus' : ''];
              return (
                <td
                  key={day}
                  role="gridcell"
                  data-day={day}
                  tabIndex={isFocus ? 0 : -1}
                  aria-current={day === todayKey ? 'date' : undefined}
                  className={classes.filter(Boolean).join(' ')}
                  onClick={(e) => {
                    if ((e.target as HTMLElement).closest('a')) return;
                    onFocusDay(day);
                  }}
                >
                  <span className="events-day-number" aria-hidden="true">
                    {Number(day.slice(8))}
                  </span>
                  <span className="visually-hidden-label">
                    {formatDay(day, locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}
                    {day === todayKey ? `, ${t('prevention.events.calendar.isToday')}` : ''}
                    {`, ${t('prevention.events.calendar.eventsOnDay', { count: events.length })}`}
                  </span>
                  {events.length > 0 && (
                    <ul className="events-day-list">
                      {events.map((event) => (
                        <li key={event.id} className={`events-chip events-chip-${event.status}`}>
                          <Link to={event.id} tabIndex={isFocus ? 0 : -1}>
                            <span className="events-chip-time">{timeOf(event.startsAt)}</span> <span className="events-chip-title">{eventName(t, event, language)}</span>
                            {event.status === 'cancelled' && <span className="events-chip-mark"> ({t('prevention.events.calendar.cancelledMark')})</span>}
                            {isWeek && <span className="events-chip-place">{eventPlace(event, language)}</span>}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The same events as a table, by day: for screen readers, phones and printing. */
function EventTable({ events, caption }: { events: EventSummary[]; caption: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (events.length === 0) return <p>{t('prevention.events.calendar.noEvents')}</p>;
  return (
    <TableWrap label={caption}>
      <table className="events-table">
        <caption className="visually-hidden-label">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('prevention.events.list.date')}</th>
            <th scope="col">{t('prevention.events.list.time')}</th>
            <th scope="col">{t('prevention.events.list.event')}</th>
            <th scope="col">{t('prevention.events.list.place')}</th>
            <th scope="col">{t('prevention.events.list.presenters')}</th>
            <th scope="col">{t('prevention.events.list.status')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <th scope="row" className="nowrap">
                {formatDay(dayOf(event.startsAt), LOCALES[language], { weekday: 'short', day: 'numeric', month: 'long' })}
              </th>
              <td className="nowrap">
                {timeOf(event.startsAt)}–{timeOf(event.endsAt)}
              </td>
              <td>
                <Link to={event.id}>{eventName(t, event, language)}</Link>
              </td>
              <td>{eventPlace(event, language)}</td>
              <td>{presenterNames(event, language) || '—'}</td>
              <td>
                <span className={STATUS_TAG[event.status]}>{t(`prevention.codes.eventStatuses.${event.status}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
