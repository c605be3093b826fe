// Demo events for the demo coordinator and presenter: a few held ones with their audience in
// the past weeks, one cancelled, and upcoming ones (one tomorrow, so the reminder can be seen in
// the local mailbox). Schools come from the registry when the schools demo has filled it;
// otherwise the events take place at venues. The campaign tour's stops are the campaigns demo's.
// Does nothing if there are events outside a campaign already.
import type { AppContext } from '../../context';
import { districtOf } from '../../../common/geography';
import type { EventType, PreventionTopic } from '../../../common/prevention';
import type { EventAudience } from '../../../common/schemas/prevention/events';
import { localToUtc, wallClock } from '../../../common/belgrade-time';

const ZONE = 'Europe/Belgrade';
const DAY = 86_400_000;

interface DemoEvent {
  day: number; // days from today (Belgrade)
  time: string; // HH:MM Belgrade
  minutes: number;
  type: EventType;
  title?: string;
  venue: string;
  municipalityId: string;
  /** Take a school of this municipality from the registry when there is one. */
  atSchool?: boolean;
  topics: PreventionTopic[];
  materials?: string;
  presenters: ('coordinator' | 'presenter')[];
  audience?: EventAudience;
  notes?: string;
  cancelled?: string;
}

const EVENTS: DemoEvent[] = [
  { day: -40, time: '10:00', minutes: 45, type: 'school-pupils', venue: 'Свечана сала', municipalityId: 'nis', atSchool: true, topics: ['cyberbullying', 'social-networks'], presenters: ['presenter'], audience: { pupilsPrimaryLower: 0, pupilsPrimaryUpper: 56, pupilsSecondary: 0, parents: 0, teachers: 3, other: 0 }, notes: 'Ученици су највише питали о лажним профилима.' },
  { day: -33, time: '18:00', minutes: 60, type: 'school-parents', venue: 'Библиотека школе', municipalityId: 'kragujevac', atSchool: true, topics: ['parental-controls', 'excessive-use'], presenters: ['coordinator'], audience: { pupilsPrimaryLower: 0, pupilsPrimaryUpper: 0, pupilsSecondary: 0, parents: 34, teachers: 2, other: 1 } },
  { day: -12, time: '09:00', minutes: 90, type: 'school-teachers', venue: 'Зборница', municipalityId: 'subotica', atSchool: true, topics: ['grooming', 'reporting-and-help'], presenters: ['presenter'], audience: { pupilsPrimaryLower: 0, pupilsPrimaryUpper: 0, pupilsSecondary: 0, parents: 0, teachers: 28, other: 0 } },
  { day: -5, time: '11:00', minutes: 45, type: 'school-pupils', venue: 'Фискултурна сала', municipalityId: 'cacak', atSchool: true, topics: ['sextortion', 'privacy'], presenters: ['presenter'], cancelled: 'Школа је затворена због грејања.' },
  { day: -1, time: '10:00', minutes: 45, type: 'school-pupils', venue: 'Учионица 12', municipalityId: 'nis', atSchool: true, topics: ['passwords-and-accounts', 'online-scams'], presenters: ['presenter'] },
  { day: 1, time: '10:00', minutes: 45, type: 'school-pupils', venue: 'Свечана сала', municipalityId: 'leskovac', atSchool: true, topics: ['cyberbullying', 'reporting-and-help'], materials: 'Презентација „Безбедно на мрежи“, флајери 19833, квиз', presenters: ['presenter'] },
  { day: 4, time: '17:30', minutes: 60, type: 'school-parents', venue: 'Свечана сала', municipalityId: 'zvezdara', atSchool: true, topics: ['parental-controls', 'gaming'], presenters: ['coordinator', 'presenter'] },
  { day: 9, time: '10:00', minutes: 240, type: 'sports-camp', title: 'Летњи камп — радионица', venue: 'Спортски центар „Дивчибаре“', municipalityId: 'valjevo', topics: ['online-safety-basics', 'social-networks'], presenters: ['presenter'] },
  { day: 22, time: '09:30', minutes: 360, type: 'peer-training', title: 'Обука вршњачких едукатора, 3. модул', venue: 'Канцеларија Центра', municipalityId: 'stari-grad', topics: ['grooming', 'reporting-and-help'], presenters: ['coordinator'] },
];

/** A Belgrade wall-clock time `days` from today, as an instant. */
function belgradeAt(now: Date, days: number, time: string): Date {
  const wall = wallClock(now.getTime(), ZONE);
  const [hours, minutes] = time.split(':').map(Number);
  return localToUtc(wall - (wall % DAY) + days * DAY + (hours! * 60 + minutes!) * 60_000, ZONE);
}

export async function seedEventsDemo(ctx: AppContext, now = new Date()): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    // The campaigns demo writes its tour stops (events of a campaign) first: only events outside a campaign say this ran.
    if (await trx.selectFrom('events').select('id').where('campaignId', 'is', null).limit(1).executeTakeFirst()) return;
    const users = new Map((await trx.selectFrom('users').select(['id', 'username']).where('username', 'in', ['coordinator', 'presenter']).execute()).map((u) => [u.username, u.id]));
    const coordinatorId = users.get('coordinator') ?? null;
    const usedSchools = new Set<string>();
    for (const demo of EVENTS) {
      const startsAt = belgradeAt(now, demo.day, demo.time);
      let schoolId: string | null = null;
      if (demo.atSchool) {
        const school = await trx.selectFrom('schools').select('id').where('municipalityId', '=', demo.municipalityId).where('isActive', '=', true).orderBy('name').execute();
        schoolId = school.map((s) => s.id).find((id) => !usedSchools.has(id)) ?? null;
        if (schoolId) usedSchools.add(schoolId);
      }
      const held = demo.audience !== undefined;
      const event = await trx
        .insertInto('events')
        .values({
          type: demo.type,
          status: demo.cancelled ? 'cancelled' : held ? 'held' : 'planned',
          title: demo.title ?? '',
          startsAt,
          endsAt: new Date(startsAt.getTime() + demo.minutes * 60_000),
          schoolId,
          venue: schoolId ? '' : demo.venue,
          municipalityId: demo.municipalityId,
          districtId: districtOf(demo.municipalityId),
          topics: demo.topics,
          materials: demo.materials ?? 'Презентација „Безбедно на мрежи“, флајери 19833',
          cancelReason: demo.cancelled ?? null,
          createdBy: coordinatorId,
          ...(demo.audience && {
            pupilsPrimaryLower: demo.audience.pupilsPrimaryLower,
            pupilsPrimaryUpper: demo.audience.pupilsPrimaryUpper,
            pupilsSecondary: demo.audience.pupilsSecondary,
            parents: demo.audience.parents,
            teachers: demo.audience.teachers,
            otherAttendees: demo.audience.other,
            durationMinutes: demo.minutes,
            notes: demo.notes ?? '',
            recordedBy: users.get(demo.presenters[0]!) ?? null,
            recordedAt: new Date(startsAt.getTime() + (demo.minutes + 60) * 60_000),
          }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const presenterIds = demo.presenters.map((name) => users.get(name)).filter((id): id is string => id !== undefined);
      if (presenterIds.length) await trx.insertInto('eventPresenters').values(presenterIds.map((userId) => ({ eventId: event.id, userId }))).execute();
    }
  });
}
