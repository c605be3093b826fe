// The day-before reminder: every presenter of a planned event that starts tomorrow (the
// Belgrade calendar day) gets one e-mail in their own language with the date, time, place,
// topics, materials and the console link. event_presenters.reminded_for holds the start time a
// reminder was sent for, so each presenter is reminded once per start time (a moved event is
// reminded again; a cancelled one never). The mail queue retries the sending itself.
import { sql } from 'kysely';
import type { AppContext } from '../../context';
import { translator } from '../../../common/i18n/index';
import { toLatin } from '../../../common/i18n/translit';
import { unitName } from '../../../common/geography';
import { isLanguage, type Language } from '../../../common/roles';
import { localToUtc, wallClock } from '../../../common/belgrade-time';
import { queueMail } from '../../mail/mail';

const ZONE = 'Europe/Belgrade';
const DAY_MS = 86_400_000;
/** Reminders go out from this Belgrade hour on the day before (not in the middle of the night). */
export const REMINDER_FROM_HOUR = 8;
const LOCALES: Record<Language, string> = { 'sr-Cyrl': 'sr-Cyrl-RS', 'sr-Latn': 'sr-Latn-RS', en: 'en-GB' };

/** [start, end) of the Belgrade calendar day after the one `now` falls on. */
export function tomorrowInBelgrade(now: Date): { start: Date; end: Date } {
  const wall = wallClock(now.getTime(), ZONE);
  const today = wall - (wall % DAY_MS);
  return { start: localToUtc(today + DAY_MS, ZONE), end: localToUtc(today + 2 * DAY_MS, ZONE) };
}

const consoleLink = (ctx: AppContext, path: string) => `${(ctx.config.publicBaseUrl ?? `http://localhost:${ctx.config.port}`).replace(/\/+$/, '')}/console/${path}`;

/** Sends the reminders due at `now`. Returns how many e-mails were queued. */
export async function sendEventReminders(ctx: AppContext, now = new Date()): Promise<number> {
  if (new Date(wallClock(now.getTime(), ZONE)).getUTCHours() < REMINDER_FROM_HOUR) return 0;
  const { start, end } = tomorrowInBelgrade(now);
  const due = await ctx.db
    .selectFrom('eventPresenters')
    .innerJoin('events', 'events.id', 'eventPresenters.eventId')
    .innerJoin('users', 'users.id', 'eventPresenters.userId')
    .select(['eventPresenters.eventId', 'eventPresenters.userId', 'users.email'])
    .where('events.status', '=', 'planned')
    .where('events.startsAt', '>=', start)
    .where('events.startsAt', '<', end)
    .where('users.isActive', '=', true)
    .where(sql<boolean>`event_presenters.reminded_for IS DISTINCT FROM events.starts_at`)
    .orderBy('events.startsAt')
    .execute();
  let sent = 0;
  for (const row of due) {
    if (!row.email) {
      // No personal data in the log: the event, not who.
      console.warn(JSON.stringify({ level: 'warn', msg: 'event reminder skipped: a presenter has no e-mail address', eventId: row.eventId }));
      continue;
    }
    if (await remindOne(ctx, row.eventId, row.userId)) sent++;
  }
  return sent;
}

/**
 * One presenter, one event, in one transaction: claims the reminder (the update succeeds only
 * if it was not sent for this start time, so two runs cannot both send) and queues the e-mail.
 */
async function remindOne(ctx: AppContext, eventId: string, userId: string): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('eventPresenters')
      .from('events')
      .set({ remindedFor: sql<Date>`events.starts_at` })
      .whereRef('events.id', '=', 'eventPresenters.eventId')
      .where('eventPresenters.eventId', '=', eventId)
      .where('eventPresenters.userId', '=', userId)
      .where('events.status', '=', 'planned')
      .where(sql<boolean>`event_presenters.reminded_for IS DISTINCT FROM events.starts_at`)
      .returning('eventPresenters.eventId')
      .executeTakeFirst();
    if (!claimed) return false;
    const event = await trx
      .selectFrom('events')
      .leftJoin('schools', 'schools.id', 'events.schoolId')
      .select(['events.id', 'events.type', 'events.title', 'events.startsAt', 'events.endsAt', 'events.venue', 'events.municipalityId', 'events.topics', 'events.materials', 'schools.name as schoolName', 'schools.address as schoolAddress'])
      .where('events.id', '=', eventId)
      .executeTakeFirstOrThrow();
    const person = await trx.selectFrom('users').select(['email', 'language']).where('id', '=', userId).executeTakeFirstOrThrow();
    const others = await trx
      .selectFrom('eventPresenters')
      .innerJoin('users', 'users.id', 'eventPresenters.userId')
      .select('users.displayName')
      .where('eventPresenters.eventId', '=', eventId)
      .where('eventPresenters.userId', '<>', userId)
      .orderBy('users.displayName')
      .execute();
    const language: Language = isLanguage(person.language) ? person.language : 'sr-Cyrl';
    const t = translator(language);
    const inScript = (text: string) => (language === 'sr-Latn' ? toLatin(text) : text);
    const locale = LOCALES[language];
    const date = new Intl.DateTimeFormat(locale, { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(event.startsAt);
    const time = new Intl.DateTimeFormat(locale, { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });
    const place = [event.schoolName, event.schoolAddress, event.venue].filter((p): p is string => Boolean(p)).map(inScript);
    place.push(unitName(event.municipalityId, language));
    const what = event.title ? inScript(event.title) : t(`prevention.codes.eventTypes.${event.type}`);
    const none = t('prevention.events.mail.none');
    await queueMail(ctx, trx, {
      to: person.email!,
      subject: t('prevention.events.mail.reminderSubject', { what, date }),
      text: t('prevention.events.mail.reminderBody', {
        what,
        date,
        start: time.format(event.startsAt),
        end: time.format(event.endsAt),
        place: place.join(', '),
        topics: event.topics.length ? event.topics.map((topic) => t(`prevention.codes.topics.${topic}`)).join(', ') : none,
        materials: event.materials ? inScript(event.materials) : none,
        others: others.length ? others.map((o) => inScript(o.displayName)).join(', ') : none,
        link: consoleLink(ctx, `prevention/events/${event.id}`),
      }),
      purpose: 'event-reminder',
    });
    return true;
  });
}
