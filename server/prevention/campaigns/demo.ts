// Demo campaigns: "Покажи поштовање, реагуј на мржњу" (2023) against cyberbullying, with
// influencer partners (made-up names, marked as demo), its online actions and a few held
// events; and this season's city-by-city tour, whose stops are events of type
// campaign-city-stop — the past ones held with their audience (one cancelled), the coming ones
// planned — presented by the demo coordinator and presenter. Does nothing if there are
// campaigns already; run it after the schools demo (its school events take schools from it).
import type { AppContext } from '../../context';
import type { Trx } from '../../db/index';
import { districtOf } from '../../../common/geography';
import type { EventType, OnlineActionKind, PartnerKind, PreventionTopic } from '../../../common/prevention';
import { recordAudit } from '../../audit/log';
import { localToUtc, wallClock } from '../../../common/belgrade-time';

const ZONE = 'Europe/Belgrade';
const DAY = 86_400_000;
const DEMO_NOTE = 'Измишљено име (демо)';

interface DemoAudience {
  pupilsPrimaryLower: number;
  pupilsPrimaryUpper: number;
  pupilsSecondary: number;
  parents: number;
  teachers: number;
  otherAttendees: number;
}
interface DemoEvent {
  /** A calendar day (YYYY-MM-DD) or days from today. */
  on: string | number;
  time: string;
  minutes: number;
  type: EventType;
  title: string;
  venue: string;
  municipalityId: string;
  atSchool?: boolean;
  topics: PreventionTopic[];
  audience?: DemoAudience;
  cancelled?: string;
}
interface DemoCampaign {
  name: string;
  goal: string;
  startsOn: string | number;
  endsOn: string | number | null;
  partners: { name: string; kind: PartnerKind; note?: string }[];
  actions: { kind: OnlineActionKind; title: string; platform: string; on: string | number; peopleReached: number; engagements: number | null; notes?: string }[];
  events: DemoEvent[];
}

const crowd = (primaryUpper: number, secondary: number, parents: number, teachers: number, others: number): DemoAudience => ({
  pupilsPrimaryLower: 0,
  pupilsPrimaryUpper: primaryUpper,
  pupilsSecondary: secondary,
  parents,
  teachers,
  otherAttendees: others,
});

const CAMPAIGNS: DemoCampaign[] = [
  {
    name: 'Покажи поштовање, реагуј на мржњу',
    goal: 'Да ученици препознају дигитално насиље и говор мржње на мрежама, да реагују уместо да прослеђују и да знају да могу да позову 19833.',
    startsOn: '2023-03-01',
    endsOn: '2023-12-31',
    partners: [
      { name: 'Министарство просвете', kind: 'institution', note: 'Подршка у школама' },
      { name: 'Министарство информисања и телекомуникација', kind: 'institution' },
      { name: 'Мила Мрежић', kind: 'influencer', note: `${DEMO_NOTE}; TikTok` },
      { name: 'Лука Стримовић', kind: 'influencer', note: `${DEMO_NOTE}; YouTube, гејминг` },
      { name: 'Сара Влогић', kind: 'influencer', note: `${DEMO_NOTE}; Instagram` },
    ],
    actions: [
      { kind: 'website', title: 'Страница кампање на сајту Центра', platform: 'Веб-сајт', on: '2023-03-01', peopleReached: 31_500, engagements: null },
      { kind: 'video', title: 'Кратки видео „Реагуј, не прослеђуј“', platform: 'TikTok', on: '2023-03-15', peopleReached: 185_000, engagements: 21_400 },
      { kind: 'social-post', title: 'Серија објава инфлуенсера о поштовању на мрежи', platform: 'Instagram', on: '2023-04-03', peopleReached: 240_000, engagements: 35_200 },
      { kind: 'live-stream', title: 'Разговор уживо са психологом Центра', platform: 'YouTube', on: '2023-05-20', peopleReached: 12_300, engagements: 1_850, notes: 'Питања ученика у ћаскању.' },
      { kind: 'media', title: 'Гостовање у јутарњем програму', platform: 'Телевизија', on: '2023-09-12', peopleReached: 450_000, engagements: null },
    ],
    events: [
      { on: '2023-04-12', time: '10:00', minutes: 45, type: 'school-pupils', title: 'Покажи поштовање — предавање', venue: 'Свечана сала', municipalityId: 'kraljevo', atSchool: true, topics: ['cyberbullying', 'hate-speech'], audience: crowd(64, 0, 0, 4, 0) },
      { on: '2023-05-10', time: '11:00', minutes: 45, type: 'school-pupils', title: 'Покажи поштовање — предавање', venue: 'Свечана сала', municipalityId: 'cacak', atSchool: true, topics: ['cyberbullying'], audience: crowd(0, 92, 0, 5, 0) },
      { on: '2023-10-05', time: '18:00', minutes: 90, type: 'other', title: 'Трибина са инфлуенсерима', venue: 'Дом омладине Београда', municipalityId: 'stari-grad', topics: ['hate-speech', 'social-networks'], audience: crowd(40, 210, 35, 12, 60) },
    ],
  },
  {
    name: 'Покажи поштовање — турнеја по градовима',
    goal: 'Станица у сваком округу: штанд на градском тргу, радионице за ученике и родитеље, квиз и линија 19833.',
    startsOn: -90,
    endsOn: 100,
    partners: [
      { name: 'Градови и општине домаћини', kind: 'institution' },
      { name: 'Канцеларије за младе', kind: 'organisation' },
      { name: 'Мила Мрежић', kind: 'influencer', note: `${DEMO_NOTE}; води програм на станицама` },
    ],
    actions: [{ kind: 'social-post', title: 'Најава турнеје и мапа станица', platform: 'Instagram', on: -85, peopleReached: 64_000, engagements: 5_100 }],
    events: [
      { on: -75, time: '12:00', minutes: 180, type: 'campaign-city-stop', title: 'Покажи поштовање — Крагујевац', venue: 'Трг Радомира Путника', municipalityId: 'kragujevac', topics: ['cyberbullying', 'hate-speech'], audience: crowd(70, 110, 45, 9, 130) },
      { on: -52, time: '12:00', minutes: 180, type: 'campaign-city-stop', title: 'Покажи поштовање — Суботица', venue: 'Плато испред Градске куће', municipalityId: 'subotica', topics: ['cyberbullying', 'hate-speech'], audience: crowd(55, 90, 30, 6, 95) },
      { on: -30, time: '12:00', minutes: 180, type: 'campaign-city-stop', title: 'Покажи поштовање — Шабац', venue: 'Градски трг', municipalityId: 'sabac', topics: ['hate-speech'], audience: crowd(48, 75, 25, 7, 80) },
      { on: -16, time: '12:00', minutes: 180, type: 'campaign-city-stop', title: 'Покажи поштовање — Ваљево', venue: 'Трг Живојина Мишића', municipalityId: 'valjevo', topics: ['hate-speech'], cancelled: 'Јака киша; станица се помера на пролеће.' },
      { on: -8, time: '12:00', minutes: 180, type: 'campaign-city-stop', title: 'Покажи поштовање — Чачак', venue: 'Градско шеталиште', municipalityId: 'cacak', topics: ['cyberbullying', 'social-networks'], audience: crowd(62, 84, 33, 8, 110) },
      { on: 25, time: '12:00', minutes: 180, type: 'campaign-city-stop', title: 'Покажи поштовање — Краљево', venue: 'Трг српских ратника', municipalityId: 'kraljevo', topics: ['cyberbullying', 'hate-speech'] },
      { on: 40, time: '12:00', minutes: 180, type: 'campaign-city-stop', title: 'Покажи поштовање — Нови Пазар', venue: 'Културни центар, плато', municipalityId: 'novi-pazar', topics: ['cyberbullying', 'hate-speech'] },
      { on: 55, time: '12:00', minutes: 180, type: 'campaign-city-stop', title: 'Покажи поштовање — Зајечар', venue: 'Трг ослобођења', municipalityId: 'zajecar', topics: ['hate-speech'] },
      { on: 70, time: '12:00', minutes: 180, type: 'campaign-city-stop', title: 'Покажи поштовање — Врање', venue: 'Пешачка зона', municipalityId: 'vranje', topics: ['cyberbullying'] },
    ],
  },
];

/** A day given as YYYY-MM-DD, or as days from today in Belgrade. */
function calendarDay(now: Date, on: string | number): string {
  if (typeof on === 'string') return on;
  return new Date(wallClock(now.getTime(), ZONE) + on * DAY).toISOString().slice(0, 10);
}

async function insertEvents(trx: Trx, campaignId: string, events: DemoEvent[], now: Date, people: Map<string, string>): Promise<void> {
  const usedSchools = new Set<string>();
  for (const demo of events) {
    const startsAt = localToUtc(Date.parse(`${calendarDay(now, demo.on)}T${demo.time}:00Z`), ZONE);
    let schoolId: string | null = null;
    if (demo.atSchool) {
      const schools = await trx.selectFrom('schools').select('id').where('municipalityId', '=', demo.municipalityId).orderBy('name').execute();
      schoolId = schools.map((s) => s.id).find((id) => !usedSchools.has(id)) ?? null;
      if (schoolId) usedSchools.add(schoolId);
    }
    const event = await trx
      .insertInto('events')
      .values({
        type: demo.type,
        status: demo.cancelled ? 'cancelled' : demo.audience ? 'held' : 'planned',
        title: demo.title,
        startsAt,
        endsAt: new Date(startsAt.getTime() + demo.minutes * 60_000),
        schoolId,
        venue: schoolId ? '' : demo.venue,
        municipalityId: demo.municipalityId,
        districtId: districtOf(demo.municipalityId),
        campaignId,
        topics: demo.topics,
        materials: 'Штанд, флајери 19833, квиз на телефону',
        cancelReason: demo.cancelled ?? null,
        createdBy: people.get('coordinator') ?? null,
        ...(demo.audience && {
          ...demo.audience,
          durationMinutes: demo.minutes,
          recordedBy: people.get('presenter') ?? people.get('coordinator') ?? null,
          recordedAt: new Date(startsAt.getTime() + (demo.minutes + 60) * 60_000),
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const presenterIds = [...people.values()];
    if (presenterIds.length) await trx.insertInto('eventPresenters').values(presenterIds.map((userId) => ({ eventId: event.id, userId }))).execute();
  }
}

export async function seedCampaignsDemo(ctx: AppContext, now = new Date()): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('campaigns').select('id').limit(1).executeTakeFirst()) return;
    const people = new Map((await trx.selectFrom('users').select(['id', 'username']).where('username', 'in', ['coordinator', 'presenter']).execute()).map((u) => [u.username, u.id]));
    for (const demo of CAMPAIGNS) {
      const campaign = await trx
        .insertInto('campaigns')
        .values({
          name: demo.name,
          goal: demo.goal,
          startsOn: calendarDay(now, demo.startsOn),
          endsOn: demo.endsOn === null ? null : calendarDay(now, demo.endsOn),
          partners: JSON.stringify(demo.partners.map((p) => ({ ...p, note: p.note ?? '' }))),
          createdBy: people.get('coordinator') ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (demo.actions.length) {
        await trx
          .insertInto('campaignOnlineActions')
          .values(demo.actions.map(({ on, notes, ...action }) => ({ ...action, notes: notes ?? '', happenedOn: calendarDay(now, on), campaignId: campaign.id, createdBy: people.get('coordinator') ?? null })))
          .execute();
      }
      await insertEvents(trx, campaign.id, demo.events, now, people);
      await recordAudit(trx, { actor: null, action: 'campaign.create', recordType: 'campaign', recordId: campaign.id, details: { demo: true, partners: demo.partners.length } });
    }
  });
}
