// Coverage by place: the figures per district for the map and its table, and the
// municipalities where nothing happened in the last twelve months. Every figure is an
// aggregate computed by the database (GROUP BY over the held events and confirmed peer
// sessions); no row of an event reaches Node.
//
// Which units the inactive list looks at: the 117 municipalities and 27 cities outside
// Kosovo and Metohija, and Belgrade's 17 city municipalities instead of the City of Belgrade
// as a whole (a city of 1.7 million people would otherwise count as covered after one talk
// in Vračar). An activity recorded only as "City of Belgrade" therefore makes no city
// municipality active. Cities other than Belgrade are one unit each (their city
// municipalities are not in the reference data).
import { sql } from 'kysely';
import type { AppContext } from '../../context';
import { can, type Actor } from '../../auth/policy';
import { forbidden } from '../../http/errors';
import { DISTRICTS, UNITS } from '../../../common/geography';
import type { CoverageResponse, DistrictFigures, InactiveMunicipalitiesResponse, PeriodQuery } from '../../../common/schemas/prevention/coverage';
import { preventionFiguresPolicy } from '../policy';
import { belgradeDayStart, belgradeToday } from '../../../common/belgrade-time';
import { resolvePeriod, twelveMonthsBefore, type Period } from './period';

export function requireFigures(actor: Actor): void {
  if (!can(preventionFiguresPolicy, actor, 'read')) throw forbidden();
}

/** The SQL sum of audience columns of held events (a missing count is 0). */
export const audienceSum = (columns: string[]) => sql<string>`coalesce(sum(${sql.join(columns.map((c) => sql`coalesce(${sql.ref(c)}, 0)`), sql` + `)}), 0)`;
export const PUPIL_COLUMNS = ['pupilsPrimaryLower', 'pupilsPrimaryUpper', 'pupilsSecondary'];
export const AUDIENCE_COLUMNS = [...PUPIL_COLUMNS, 'parents', 'teachers', 'otherAttendees'];

/** Held events whose start falls within the period (Belgrade days). */
export function heldEventsIn(ctx: AppContext, period: { start: Date; end: Date }) {
  return ctx.db.selectFrom('events').where('events.status', '=', 'held').where('events.startsAt', '>=', period.start).where('events.startsAt', '<', period.end);
}

/** Confirmed peer sessions held within the period (a session has a date, not a time). */
export function confirmedSessionsIn(ctx: AppContext, period: { from: string; to: string }) {
  return ctx.db
    .selectFrom('peerSessions')
    .where('peerSessions.status', '=', 'confirmed')
    .where('peerSessions.heldOn', '>=', sql<Date>`${period.from}::date`)
    .where('peerSessions.heldOn', '<=', sql<Date>`${period.to}::date`);
}

const MAPPED_DISTRICTS = DISTRICTS.filter((d) => !d.kosovo);
const zero = (): DistrictFigures => ({ eventsHeld: 0, peopleReached: 0, pupils: 0, parents: 0, teachers: 0, otherAttendees: 0, schoolsVisited: 0, peerSessions: 0, peersReached: 0 });

/** Held events per district and in all (grouping set ()), summed in one hashed pass. */
export function districtEventsQuery(ctx: AppContext, period: Period) {
  return heldEventsIn(ctx, period)
    .select((eb) => [
      'events.districtId',
      sql<number>`grouping(events.district_id)`.as('isTotal'),
      eb.fn.countAll<string>().as('events'),
      audienceSum(AUDIENCE_COLUMNS).as('people'),
      audienceSum(PUPIL_COLUMNS).as('pupils'),
      audienceSum(['parents']).as('parents'),
      audienceSum(['teachers']).as('teachers'),
      audienceSum(['otherAttendees']).as('others'),
    ])
    .groupBy(sql`GROUPING SETS ((events.district_id), ())`);
}

/**
 * Distinct schools with a held event, per district and in all (a school whose events were
 * filed under two districts counts once in all). The pairs are made distinct first, by
 * hashing, so only those few are sorted for the counts.
 */
export function districtSchoolsQuery(ctx: AppContext, period: Period) {
  const visits = heldEventsIn(ctx, period).select(['events.districtId', 'events.schoolId']).distinct().where('events.schoolId', 'is not', null);
  return ctx.db
    .selectFrom(visits.as('visits'))
    .select(['visits.districtId', sql<number>`grouping(visits.district_id)`.as('isTotal'), sql<string>`count(DISTINCT visits.school_id)`.as('schools')])
    .groupBy(sql`GROUPING SETS ((visits.district_id), ())`);
}

export function districtSessionsQuery(ctx: AppContext, period: Period) {
  return confirmedSessionsIn(ctx, period)
    .select((eb) => ['peerSessions.districtId', sql<number>`grouping(peer_sessions.district_id)`.as('isTotal'), eb.fn.countAll<string>().as('sessions'), eb.fn.sum<string>('peersReached').as('peers')])
    .groupBy(sql`GROUPING SETS ((peer_sessions.district_id), ())`);
}

export async function districtCoverage(ctx: AppContext, actor: Actor, query: PeriodQuery): Promise<CoverageResponse> {
  requireFigures(actor);
  const period = resolvePeriod(query);
  const [events, schools, sessions] = await Promise.all([
    districtEventsQuery(ctx, period).execute(),
    districtSchoolsQuery(ctx, period).execute(),
    districtSessionsQuery(ctx, period).execute(),
  ]);
  const byDistrict = new Map<string, DistrictFigures>(MAPPED_DISTRICTS.map((d) => [d.id, zero()]));
  const totals = zero();
  for (const row of events) {
    const figures = Number(row.isTotal) ? totals : byDistrict.get(row.districtId);
    if (!figures) continue; // a district code not on the map (none is written that way)
    Object.assign(figures, {
      eventsHeld: Number(row.events),
      peopleReached: Number(row.people),
      pupils: Number(row.pupils),
      parents: Number(row.parents),
      teachers: Number(row.teachers),
      otherAttendees: Number(row.others),
    });
  }
  for (const row of schools) {
    const figures = Number(row.isTotal) ? totals : byDistrict.get(row.districtId);
    if (figures) figures.schoolsVisited = Number(row.schools);
  }
  for (const row of sessions) {
    const figures = Number(row.isTotal) ? totals : byDistrict.get(row.districtId);
    if (!figures) continue;
    figures.peerSessions = Number(row.sessions);
    figures.peersReached = Number(row.peers ?? 0);
  }
  return {
    period: { from: period.from, to: period.to },
    districts: [...byDistrict].map(([districtId, figures]) => ({ districtId, ...figures })),
    totals,
  };
}

/** The units the inactive list looks at (see the header): all but the City of Belgrade as a whole. */
export const COVERAGE_UNITS = UNITS.filter((unit) => unit.kind !== 'belgrade');

/**
 * Each unit's last held event and last confirmed peer session, for the units with neither on
 * or after `since`. The last event is one step back along events_municipality_idx
 * (municipality_id, starts_at); peer sessions are few and grouped.
 */
export function lastActivityQuery(since: string) {
  return sql<{ municipalityId: string; lastEvent: Date | null; lastSession: string | null }>`
    SELECT u.id AS municipality_id, e.starts_at AS last_event, to_char(s.held_on, 'YYYY-MM-DD') AS last_session
    FROM unnest(${COVERAGE_UNITS.map((u) => u.id)}::text[]) AS u(id)
    LEFT JOIN LATERAL (
      SELECT events.starts_at FROM events
      WHERE events.municipality_id = u.id AND events.status = 'held'
      ORDER BY events.starts_at DESC LIMIT 1
    ) e ON true
    LEFT JOIN (
      SELECT municipality_id, max(held_on) AS held_on FROM peer_sessions WHERE status = 'confirmed' GROUP BY municipality_id
    ) s ON s.municipality_id = u.id
    WHERE (e.starts_at IS NULL OR e.starts_at < ${belgradeDayStart(since)})
      AND (s.held_on IS NULL OR s.held_on < ${since}::date)`;
}

export async function inactiveMunicipalities(ctx: AppContext, actor: Actor, now = Date.now()): Promise<InactiveMunicipalitiesResponse> {
  requireFigures(actor);
  const since = twelveMonthsBefore(belgradeToday(now));
  const { rows } = await lastActivityQuery(since).execute(ctx.db);
  const districtOf = new Map(COVERAGE_UNITS.map((u) => [u.id, u.district]));
  return {
    since,
    unitsConsidered: COVERAGE_UNITS.length,
    municipalities: rows.map((row) => {
      const lastEvent = row.lastEvent ? belgradeToday(new Date(row.lastEvent).getTime()) : null;
      const candidates = [lastEvent, row.lastSession].filter((d): d is string => d !== null).sort();
      return { municipalityId: row.municipalityId, districtId: districtOf.get(row.municipalityId)!, lastActivityOn: candidates.at(-1) ?? null };
    }),
  };
}
