// Demo presentation requests for the demo coordinator: four waiting in the queue (a school, a
// secondary school in Latin script, a parents' council, a sports camp in English), one accepted
// (its event scheduled with the demo presenter) and one declined. They go through the same use
// cases as real ones, so the local mailbox shows the e-mails the requesters would get; the
// received times are then set back a few days so the queue shows waiting times. Does nothing if
// there are requests already.
import type { AppContext } from '../../context';
import type { Actor } from '../../auth/policy';
import type { Role } from '../../../common/roles';
import { PART_OF_DAY_START, createPresentationRequestSchema, type CreatePresentationRequestInput } from '../../../common/schemas/prevention/requests';
import { addDays, belgradeInstant, belgradeToday } from '../../../common/belgrade-time';
import { acceptPresentationRequest, declinePresentationRequest, submitPresentationRequest } from './requests';

const DAY = 86_400_000;

interface DemoRequest {
  daysAgo: number;
  request: Omit<CreatePresentationRequestInput, 'preferredDates'> & { preferredDates: { inDays: number; partOfDay: 'any' | 'morning' | 'midday' | 'afternoon' | 'evening' }[] };
  decide?: { accept: true } | { decline: string };
}

const REQUESTS: DemoRequest[] = [
  {
    daysAgo: 9,
    request: {
      organisation: 'ОШ „Вук Караџић“',
      organisationType: 'primary-school',
      municipality: 'kragujevac',
      contactName: 'Јелена Петровић',
      email: 'pedagog.vuk@example.org',
      phone: '034 123 456',
      audience: { pupils: { 'primary-upper': { count: 120, grades: [7, 8] } }, teachers: 6 },
      preferredDates: [{ inDays: 12, partOfDay: 'morning' }, { inDays: 19, partOfDay: 'morning' }],
      language: 'sr-Cyrl',
      topics: ['cyberbullying', 'social-networks', 'privacy'],
      message: 'Имамо свечану салу са пројектором за око 130 људи.',
    },
  },
  {
    daysAgo: 6,
    request: {
      organisation: 'Gimnazija „Jovan Jovanović Zmaj“',
      organisationType: 'secondary-school',
      municipality: 'novi-sad',
      contactName: 'Marko Tomić',
      email: 'psiholog.zmaj@example.org',
      audience: { pupils: { secondary: { count: 90, grades: [1] } } },
      preferredDates: [{ inDays: 15, partOfDay: 'midday' }, { inDays: 16, partOfDay: 'midday' }, { inDays: 22, partOfDay: 'any' }],
      language: 'sr-Latn',
      topics: ['sexting', 'sextortion', 'hate-speech'],
    },
  },
  {
    daysAgo: 3,
    request: {
      organisation: 'Савет родитеља ОШ „Бранко Радичевић“',
      organisationType: 'parents-council',
      municipality: 'nis',
      contactName: 'Ивана Стојановић',
      email: 'savet.roditelja@example.org',
      phone: '064 111 2233',
      audience: { parents: 60, teachers: 4 },
      preferredDates: [{ inDays: 10, partOfDay: 'evening' }],
      language: 'sr-Cyrl',
      topics: ['parental-controls', 'excessive-use', 'gaming'],
      message: 'Родитељски састанак почиње у 18 часова.',
    },
  },
  {
    daysAgo: 1,
    request: {
      organisation: 'Zlatibor Youth Football Camp',
      organisationType: 'sports-camp',
      municipality: 'cajetina',
      contactName: 'Stefan Marić',
      email: 'camp.zlatibor@example.org',
      audience: { pupils: { 'primary-upper': { count: 45 }, secondary: { count: 20 } } },
      preferredDates: [{ inDays: 30, partOfDay: 'afternoon' }],
      language: 'en',
      topics: ['online-safety-basics', 'gaming'],
    },
  },
  {
    daysAgo: 14,
    request: {
      organisation: 'ОШ „Свети Сава“',
      organisationType: 'primary-school',
      municipality: 'cacak',
      contactName: 'Драгана Милић',
      email: 'direktor.svetisava@example.org',
      audience: { pupils: { 'primary-lower': { count: 75, grades: [3, 4] } }, parents: 20 },
      preferredDates: [{ inDays: 8, partOfDay: 'morning' }],
      language: 'sr-Cyrl',
      topics: ['online-safety-basics', 'passwords-and-accounts'],
    },
    decide: { accept: true },
  },
  {
    daysAgo: 11,
    request: {
      organisation: 'Удружење „Млади сурфери“',
      organisationType: 'other',
      municipality: 'subotica',
      contactName: 'Петар Ковач',
      email: 'mladi.surferi@example.org',
      audience: { pupils: { secondary: { count: 15 } } },
      preferredDates: [{ inDays: 2, partOfDay: 'evening' }],
      language: 'sr-Cyrl',
      topics: ['fake-news'],
    },
    decide: { decline: 'Нажалост, тог дана сви наши предавачи већ имају предавања у другим градовима. Пошаљите нам нови захтев за неки дан после 15. у месецу.' },
  },
];

async function demoActor(ctx: AppContext, username: string): Promise<Actor | null> {
  const user = await ctx.db.selectFrom('users').select(['id', 'username', 'roles']).where('username', '=', username).where('isActive', '=', true).executeTakeFirst();
  return user ? { id: user.id, username: user.username, roles: user.roles as Role[], institutionId: null } : null;
}

export async function seedRequestsDemo(ctx: AppContext, now = new Date()): Promise<void> {
  if (await ctx.db.selectFrom('presentationRequests').select('id').limit(1).executeTakeFirst()) return;
  const coordinator = await demoActor(ctx, 'coordinator');
  const presenter = await demoActor(ctx, 'presenter');
  const today = belgradeToday(now);
  for (const demo of REQUESTS) {
    const input = createPresentationRequestSchema.parse({
      ...demo.request,
      preferredDates: demo.request.preferredDates.map((d) => ({ date: addDays(today, d.inDays), partOfDay: d.partOfDay })),
    });
    const { id } = await submitPresentationRequest(ctx, input);
    const receivedAt = new Date(now.getTime() - demo.daysAgo * DAY - 3 * 3_600_000);
    await ctx.db.updateTable('presentationRequests').set({ createdAt: receivedAt }).where('id', '=', id).execute();
    if (!demo.decide || !coordinator) continue;
    if ('decline' in demo.decide) {
      await declinePresentationRequest(ctx, coordinator, id, demo.decide.decline);
    } else {
      const preferred = input.preferredDates[0]!;
      const school = await ctx.db.selectFrom('schools').select('id').where('municipalityId', '=', input.municipality).where('isActive', '=', true).orderBy('name').executeTakeFirst();
      await acceptPresentationRequest(ctx, coordinator, id, {
        type: 'school-pupils',
        startsAt: belgradeInstant(preferred.date, PART_OF_DAY_START[preferred.partOfDay]),
        durationMinutes: 45,
        ...(school ? { schoolId: school.id } : { venue: `${input.organisation}, свечана сала`, municipalityId: input.municipality }),
        presenterIds: presenter ? [presenter.id] : [],
        topics: input.topics,
        language: input.language,
        materials: 'Презентација за млађе разреде, бојанке „Безбедно на интернету“',
      });
    }
    await ctx.db.updateTable('presentationRequests').set({ decidedAt: new Date(receivedAt.getTime() + 2 * DAY) }).where('id', '=', id).execute();
  }
}
