// The three e-mails to a requester: received (with the number), accepted (when, where, who
// comes) and declined (the coordinator's reason). Plain text, in the request's language, queued
// in the transaction of the change that causes them (server/mail), as confidential mail: the
// text carries what the requester wrote, so it is kept encrypted and out of the administrators'
// mailbox like the contact details themselves. The "received" mail goes to an address nobody has
// confirmed yet, so it repeats nothing the sender typed, only the number. For a request in sr-Latn,
// whatever is written in Cyrillic (names, the school, the reason) is given in Latin script.
import type { AppContext } from '../../context';
import type { DbOrTrx } from '../../db/index';
import { translator } from '../../../common/i18n/index';
import { toLatin } from '../../../common/i18n/translit';
import { unitName } from '../../../common/geography';
import type { Language } from '../../../common/roles';
import { queueMail } from '../../mail/mail';

const LOCALES: Record<Language, string> = { 'sr-Cyrl': 'sr-Cyrl-RS', 'sr-Latn': 'sr-Latn-RS', en: 'en-GB' };
const ZONE = 'Europe/Belgrade';

interface Requester {
  to: string;
  name: string;
  language: Language;
  organisation: string;
  number: string;
}

/** What the requester is told of the scheduled event. */
export interface ScheduledEvent {
  startsAt: Date;
  endsAt: Date;
  venue: string;
  municipalityId: string;
  schoolName: string | null;
  schoolAddress: string | null;
  presenters: string[];
}

const inScript = (text: string, language: Language) => (language === 'sr-Latn' ? toLatin(text) : text);

function texts(r: Requester) {
  const t = translator(r.language);
  return { t, common: { name: inScript(r.name, r.language), organisation: inScript(r.organisation, r.language), number: r.number, signature: t('prevention.requests.mail.signature') } };
}

export async function receivedMail(ctx: AppContext, trx: DbOrTrx, r: Requester): Promise<void> {
  const { t, common } = texts(r);
  await queueMail(ctx, trx, {
    to: r.to,
    subject: t('prevention.requests.mail.receivedSubject', common),
    text: t('prevention.requests.mail.receivedBody', common),
    purpose: 'presentation-request-received',
    confidential: true,
  });
}

function place(event: ScheduledEvent, language: Language): string {
  const municipality = unitName(event.municipalityId, language);
  const parts = event.schoolName ? [event.schoolName, event.schoolAddress ?? '', event.venue] : [event.venue];
  return [...parts.filter(Boolean).map((p) => inScript(p, language)), municipality].join(', ');
}

export async function acceptedMail(ctx: AppContext, trx: DbOrTrx, r: Requester & { event: ScheduledEvent }): Promise<void> {
  const { t, common } = texts(r);
  const locale = LOCALES[r.language];
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: ZONE }).format(r.event.startsAt);
  const time = (d: Date) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE }).format(d);
  const presenters = r.event.presenters.length ? r.event.presenters.map((name) => inScript(name, r.language)).join(', ') : t('prevention.requests.mail.noPresenters');
  const values = {
    ...common,
    date,
    when: t('prevention.requests.mail.when', { date, start: time(r.event.startsAt), end: time(r.event.endsAt) }),
    place: place(r.event, r.language),
    presenters,
  };
  await queueMail(ctx, trx, {
    to: r.to,
    subject: t('prevention.requests.mail.acceptedSubject', values),
    text: t('prevention.requests.mail.acceptedBody', values),
    purpose: 'presentation-request-accepted',
    confidential: true,
  });
}

export async function declinedMail(ctx: AppContext, trx: DbOrTrx, r: Requester & { reason: string }): Promise<void> {
  const { t, common } = texts(r);
  const values = { ...common, reason: inScript(r.reason, r.language) };
  await queueMail(ctx, trx, {
    to: r.to,
    subject: t('prevention.requests.mail.declinedSubject', values),
    text: t('prevention.requests.mail.declinedBody', values),
    purpose: 'presentation-request-declined',
    confidential: true,
  });
}
