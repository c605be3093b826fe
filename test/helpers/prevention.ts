// Prevention records for tests, written straight to the database (the API's own tests go
// through the routes). Places are real municipalities; the district is derived as the app does.
import type { AppContext } from '../../server/context';
import { districtOf } from '../../common/geography';
import type { EventType, SchoolType } from '../../common/prevention';

let counter = 0;

export async function insertSchool(
  ctx: AppContext,
  options: { name?: string; type?: SchoolType; municipalityId?: string; code?: string | null } = {},
): Promise<string> {
  counter++;
  const municipalityId = options.municipalityId ?? 'nis';
  const row = await ctx.db
    .insertInto('schools')
    .values({
      name: options.name ?? `ОШ „Тест ${counter}-${Math.random().toString(36).slice(2, 6)}“`,
      type: options.type ?? 'primary',
      code: options.code ?? null,
      municipalityId,
      districtId: districtOf(municipalityId),
      address: 'Улица 1',
      email: `school${counter}@example.org`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface TestEventOptions {
  type?: EventType;
  status?: 'planned' | 'held' | 'cancelled';
  startsAt?: Date;
  durationMinutes?: number;
  municipalityId?: string;
  schoolId?: string | null;
  venue?: string;
  campaignId?: string | null;
  presenterIds?: string[];
  audience?: { pupilsPrimaryLower?: number; pupilsPrimaryUpper?: number; pupilsSecondary?: number; parents?: number; teachers?: number; otherAttendees?: number };
}

export async function insertEvent(ctx: AppContext, options: TestEventOptions = {}): Promise<string> {
  const municipalityId = options.municipalityId ?? 'nis';
  const startsAt = options.startsAt ?? new Date(Date.now() + 7 * 86_400_000);
  const minutes = options.durationMinutes ?? 45;
  const held = options.status === 'held';
  const row = await ctx.db
    .insertInto('events')
    .values({
      type: options.type ?? 'school-pupils',
      status: options.status ?? 'planned',
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      schoolId: options.schoolId ?? null,
      venue: options.schoolId ? '' : (options.venue ?? 'Дом културе'),
      municipalityId,
      districtId: districtOf(municipalityId),
      campaignId: options.campaignId ?? null,
      topics: ['cyberbullying'],
      ...(held
        ? {
            pupilsPrimaryLower: 0,
            pupilsPrimaryUpper: 25,
            pupilsSecondary: 0,
            parents: 0,
            teachers: 2,
            otherAttendees: 0,
            ...options.audience,
            durationMinutes: minutes,
            recordedAt: new Date(),
          }
        : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const userId of options.presenterIds ?? []) {
    await ctx.db.insertInto('eventPresenters').values({ eventId: row.id, userId }).execute();
  }
  return row.id;
}
