// Demo data for peer educators: two cohorts, eight made-up young people (first name and initial;
// the minors with a consent record), modules and certifications, the demo account `peer` linked
// to Лука М., and sessions waiting for the coordinator and already confirmed. Dates are relative
// to today so the demo always looks current. Does nothing when a cohort exists.
import type { AppContext } from '../../context';
import { districtOf } from '../../../common/geography';
import type { PeerAgeGroup, PreventionTopic } from '../../../common/prevention';
import { recordAudit } from '../../audit/log';
import { belgradeToday } from '../../../common/belgrade-time';
import { seedPeerTrainingModules } from './modules';

const daysAgo = (days: number) => {
  const day = new Date(`${belgradeToday()}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
};

interface DemoEducator {
  firstName: string;
  lastInitial: string;
  ageGroup: PeerAgeGroup;
  municipalityId: string;
  cohort: 0 | 1;
  consentBy?: string;
  /** How many modules, in order, were completed (all = certified). */
  modules: number;
  username?: string;
  sessions?: { daysAgo: number; peers: number; topics: PreventionTopic[]; venue: string; confirmed: boolean; notes?: string }[];
}

const COHORTS = [
  { name: 'Ниш и Лесковац, пролеће', startsDaysAgo: 270, endsDaysAgo: 150 },
  { name: 'Нови Сад, јесен', startsDaysAgo: 60, endsDaysAgo: null },
];

const EDUCATORS: DemoEducator[] = [
  {
    firstName: 'Лука',
    lastInitial: 'М',
    ageGroup: '18-24',
    municipalityId: 'nis',
    cohort: 0,
    modules: 6,
    username: 'peer',
    sessions: [
      { daysAgo: 120, peers: 22, topics: ['cyberbullying', 'reporting-and-help'], venue: 'Библиотека „Стеван Сремац“', confirmed: true, notes: 'Два одељења седмог разреда, добра дискусија о групама у апликацијама.' },
      { daysAgo: 45, peers: 16, topics: ['privacy', 'passwords-and-accounts'], venue: 'Омладински клуб Ниш', confirmed: true },
      { daysAgo: 6, peers: 19, topics: ['hate-speech', 'social-networks'], venue: 'Дом омладине Ниш', confirmed: false, notes: 'Прва радионица о говору мржње; користили смо примере из кампање.' },
    ],
  },
  { firstName: 'Мина', lastInitial: 'Ј', ageGroup: '15-17', municipalityId: 'nis', cohort: 0, consentBy: 'школски педагог', modules: 6 },
  {
    firstName: 'Огњен',
    lastInitial: 'П',
    ageGroup: '15-17',
    municipalityId: 'leskovac',
    cohort: 0,
    consentBy: 'одељенски старешина',
    modules: 6,
    sessions: [
      { daysAgo: 90, peers: 25, topics: ['online-safety-basics'], venue: 'Културни центар Лесковац', confirmed: true },
      { daysAgo: 3, peers: 12, topics: ['gaming', 'online-scams'], venue: 'Културни центар Лесковац', confirmed: false },
    ],
  },
  { firstName: 'Теодора', lastInitial: 'С', ageGroup: '18-24', municipalityId: 'nis', cohort: 0, modules: 5 },
  { firstName: 'Вук', lastInitial: 'Р', ageGroup: '12-14', municipalityId: 'nis', cohort: 0, consentBy: 'школски психолог', modules: 4 },
  { firstName: 'Ана', lastInitial: 'К', ageGroup: '15-17', municipalityId: 'leskovac', cohort: 0, consentBy: 'школски педагог', modules: 6 },
  { firstName: 'Јана', lastInitial: 'Ђ', ageGroup: '18-24', municipalityId: 'novi-sad', cohort: 1, modules: 2 },
  { firstName: 'Стефан', lastInitial: 'Н', ageGroup: '15-17', municipalityId: 'novi-sad', cohort: 1, consentBy: 'директорка школе', modules: 1 },
];

export async function seedPeersDemo(ctx: AppContext): Promise<void> {
  await seedPeerTrainingModules(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('peerCohorts').select('id').limit(1).executeTakeFirst()) return;
    const modules = await trx.selectFrom('peerTrainingModules').select('id').where('isActive', '=', true).orderBy('position').execute();
    const users = new Map((await trx.selectFrom('users').select(['id', 'username']).where('username', 'in', ['peer', 'coordinator']).execute()).map((u) => [u.username, u.id]));
    const coordinatorId = users.get('coordinator') ?? null;
    const cohortIds: string[] = [];
    for (const cohort of COHORTS) {
      const row = await trx
        .insertInto('peerCohorts')
        .values({ name: cohort.name, startsOn: daysAgo(cohort.startsDaysAgo), endsOn: cohort.endsDaysAgo === null ? null : daysAgo(cohort.endsDaysAgo) })
        .returning('id')
        .executeTakeFirstOrThrow();
      cohortIds.push(row.id);
    }
    let sessions = 0;
    for (const person of EDUCATORS) {
      const start = COHORTS[person.cohort]!.startsDaysAgo;
      const isCertified = person.modules >= modules.length;
      const educator = await trx
        .insertInto('peerEducators')
        .values({
          cohortId: cohortIds[person.cohort]!,
          userId: person.username ? (users.get(person.username) ?? null) : null,
          firstName: person.firstName,
          lastInitial: person.lastInitial,
          municipalityId: person.municipalityId,
          districtId: districtOf(person.municipalityId),
          ageGroup: person.ageGroup,
          consentObtainedOn: person.consentBy ? daysAgo(start + 7) : null,
          consentObtainedBy: person.consentBy ?? null,
          consentRecordedBy: person.consentBy ? coordinatorId : null,
          certifiedOn: isCertified ? daysAgo(start - 7 * modules.length - 7) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const done = modules.slice(0, person.modules);
      if (done.length) {
        await trx
          .insertInto('peerModuleCompletions')
          .values(done.map((m, index) => ({ peerEducatorId: educator.id, moduleId: m.id, completedOn: daysAgo(start - 7 * (index + 1)) })))
          .execute();
      }
      for (const s of person.sessions ?? []) {
        await trx
          .insertInto('peerSessions')
          .values({
            peerEducatorId: educator.id,
            heldOn: daysAgo(s.daysAgo),
            venue: s.venue,
            municipalityId: person.municipalityId,
            districtId: districtOf(person.municipalityId),
            peersReached: s.peers,
            topics: s.topics,
            notes: s.notes ?? '',
            status: s.confirmed ? 'confirmed' : 'submitted',
            confirmedBy: s.confirmed ? coordinatorId : null,
            confirmedAt: s.confirmed ? new Date(`${daysAgo(s.daysAgo - 2)}T10:00:00Z`) : null,
          })
          .execute();
        sessions++;
      }
    }
    await recordAudit(trx, { actor: null, action: 'peer-educator.demo-seed', recordType: 'peer-educator', details: { cohorts: COHORTS.length, educators: EDUCATORS.length, sessions } });
  });
}
