// The day-before reminders, sent through the real mail queue to a real SMTP receiver: one
// e-mail per presenter, in their language, with the date, time, place, topics, materials and
// the console link; never twice for the same start time, again for a moved event, never for a
// cancelled one, nothing for a presenter without an address or an event two days away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, type TestUser } from '../../../test/helpers/factories';
import { insertEvent, insertSchool } from '../../../test/helpers/prevention';
import { mailText, startSmtpReceiver } from '../../../test/helpers/smtp';
import { jobDefinitions } from '../../jobs/definitions/index';
import { REMINDER_FROM_HOUR, sendEventReminders, tomorrowInBelgrade } from './reminders';

let p: TestPlatform;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let serbian: TestUser;
let english: TestUser;
let noAddress: TestUser;
const HOUR = 3_600_000;

/** Noon in Belgrade today (Belgrade's noon is 10:00 or 11:00 UTC), and tomorrow's Belgrade day. */
const now = (() => {
  const { start } = tomorrowInBelgrade(new Date());
  return new Date(start.getTime() - 12 * HOUR);
})();
const tomorrow = tomorrowInBelgrade(now);

async function withAddress(user: TestUser, email: string | null, language: string) {
  await p.ctx.db.updateTable('users').set({ email, language }).where('id', '=', user.id).execute();
}
const mailsTo = (address: string, after: number) => smtp.received.slice(after).filter((m) => m.to.includes(address));

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  p = await createTestPlatform({ SMTP_URL: smtp.url, JOBS_ENABLED: 'true', PUBLIC_BASE_URL: 'https://bezbedno.example.rs' });
  serbian = await createUser(p.ctx, { roles: ['presenter'] });
  english = await createUser(p.ctx, { roles: ['prevention-coordinator'] });
  noAddress = await createUser(p.ctx, { roles: ['presenter'] });
  await withAddress(serbian, 'predavac@example.org', 'sr-Cyrl');
  await withAddress(english, 'coordinator@example.org', 'en');
  await withAddress(noAddress, null, 'sr-Cyrl');
}, 180_000);
afterAll(async () => {
  await p?.close();
  await smtp?.close();
});

describe('day-before reminders', () => {
  it('is a scheduled job of the platform', () => {
    expect(jobDefinitions.find((d) => d.name === 'prevention.event-reminders')?.schedule).toBeTruthy();
  });

  it('e-mails each presenter of tomorrow’s event once, in their language, with the details and the link; not twice', async () => {
    const school = await insertSchool(p.ctx, { name: 'ОШ „Бранко Радичевић“', municipalityId: 'nis' });
    const eventId = await insertEvent(p.ctx, { startsAt: new Date(tomorrow.start.getTime() + 10 * HOUR), durationMinutes: 90, schoolId: school, presenterIds: [serbian.id, english.id, noAddress.id] });
    await p.ctx.db.updateTable('events').set({ materials: 'Презентација и флајери', topics: ['cyberbullying', 'grooming'] }).where('id', '=', eventId).execute();
    const before = smtp.received.length;
    const logged: string[] = [];
    const warn = console.warn;
    console.warn = (line: string) => logged.push(line);
    try {
      expect(await sendEventReminders(p.ctx, now)).toBe(2);
    } finally {
      console.warn = warn;
    }
    await expect.poll(() => smtp.received.length - before, { timeout: 20_000, interval: 250 }).toBe(2);

    const sr = mailText(mailsTo('predavac@example.org', before)[0]!);
    expect(sr).toContain('ОШ „Бранко Радичевић“');
    expect(sr).toContain('Ниш');
    expect(sr).toContain('Дигитално насиље');
    expect(sr).toContain('Презентација и флајери');
    expect(sr).toMatch(/Време: 10:00–11:30/);
    expect(sr).toContain(`https://bezbedno.example.rs/console/prevention/events/${eventId}`);
    const en = mailText(mailsTo('coordinator@example.org', before)[0]!);
    expect(en).toContain('a reminder that tomorrow you are presenting');
    expect(en).toContain('Cyberbullying');
    expect(en).toContain('Niš');
    expect(en).toContain('Time: 10:00–11:30');
    // The presenter without an address is skipped, and the log names the event, not the person.
    expect(logged.join('\n')).toContain(eventId);
    expect(logged.join('\n')).not.toContain(noAddress.username);

    expect(await sendEventReminders(p.ctx, new Date(now.getTime() + 3 * HOUR))).toBe(0);
    const rows = await p.ctx.db.selectFrom('eventPresenters').select(['userId', 'remindedFor']).where('eventId', '=', eventId).execute();
    expect(rows.find((r) => r.userId === serbian.id)!.remindedFor?.getTime()).toBe(tomorrow.start.getTime() + 10 * HOUR);
    expect(rows.find((r) => r.userId === noAddress.id)!.remindedFor).toBeNull();
  });

  it('reminds again when the event moves to another time tomorrow', async () => {
    const before = smtp.received.length;
    const eventId = await insertEvent(p.ctx, { startsAt: new Date(tomorrow.start.getTime() + 9 * HOUR), presenterIds: [serbian.id] });
    expect(await sendEventReminders(p.ctx, now)).toBe(1);
    await p.ctx.db.updateTable('events').set({ startsAt: new Date(tomorrow.start.getTime() + 13 * HOUR), endsAt: new Date(tomorrow.start.getTime() + 14 * HOUR) }).where('id', '=', eventId).execute();
    expect(await sendEventReminders(p.ctx, now)).toBe(1);
    expect(await sendEventReminders(p.ctx, now)).toBe(0);
    await expect.poll(() => mailsTo('predavac@example.org', before).length, { timeout: 20_000, interval: 250 }).toBe(2);
    // The mail queue may deliver the two in either order.
    const times = mailsTo('predavac@example.org', before).map((mail) => /Време: (\S+)/.exec(mailText(mail))?.[1]).sort();
    expect(times).toEqual(['09:00–09:45', '13:00–14:00']);
  });

  it('sends nothing for a cancelled event, an event two days away, today’s event, or before 08:00', async () => {
    const before = smtp.received.length;
    await insertEvent(p.ctx, { status: 'cancelled', startsAt: new Date(tomorrow.start.getTime() + 11 * HOUR), presenterIds: [serbian.id, english.id] });
    await insertEvent(p.ctx, { startsAt: new Date(tomorrow.end.getTime() + 10 * HOUR), presenterIds: [serbian.id] });
    await insertEvent(p.ctx, { startsAt: new Date(now.getTime() + 2 * HOUR), presenterIds: [serbian.id] });
    const early = new Date(tomorrow.start.getTime() - (24 - REMINDER_FROM_HOUR + 1) * HOUR);
    const tomorrowsEvent = await insertEvent(p.ctx, { startsAt: new Date(tomorrow.start.getTime() + 15 * HOUR), presenterIds: [english.id] });
    expect(await sendEventReminders(p.ctx, early)).toBe(0);
    expect(await sendEventReminders(p.ctx, now)).toBe(1);
    await expect.poll(() => smtp.received.length - before, { timeout: 20_000, interval: 250 }).toBe(1);
    expect(mailsTo('coordinator@example.org', before).map(mailText).join('')).toContain(tomorrowsEvent);
  });
});
