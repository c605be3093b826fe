// The figures for the centre's reports over a period: events held by type, the audiences
// reached, schools visited and their share of the registry, the knowledge gain measured by
// the before/after quizzes, and peer sessions. Each is an aggregate computed by the database.
// The CSV export carries the same figures and the per-district coverage, one figure a row.
import { sql } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../../context';
import type { Actor } from '../../auth/policy';
import { translator } from '../../../common/i18n/index';
import type { Language } from '../../../common/roles';
import { DISTRICTS, localName } from '../../../common/geography';
import { EVENT_TYPES, SCHOOL_TYPES } from '../../../common/prevention';
import type { FiguresResponse, PeriodQuery } from '../../../common/schemas/prevention/coverage';
import { audienceSum, confirmedSessionsIn, districtCoverage, heldEventsIn, requireFigures } from './coverage';
import { resolvePeriod, type Period } from './period';

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** Held events and their audiences by type and in all (grouping set ()), in one hashed pass. */
export const eventsQuery = (ctx: AppContext, period: Period) =>
  heldEventsIn(ctx, period)
    .select((eb) => [
      'events.type',
      sql<number>`grouping(events.type)`.as('isTotal'),
      eb.fn.countAll<string>().as('events'),
      audienceSum(['pupilsPrimaryLower']).as('primaryLower'),
      audienceSum(['pupilsPrimaryUpper']).as('primaryUpper'),
      audienceSum(['pupilsSecondary']).as('secondary'),
      audienceSum(['parents']).as('parents'),
      audienceSum(['teachers']).as('teachers'),
      audienceSum(['otherAttendees']).as('others'),
    ])
    .groupBy(sql`GROUPING SETS ((events.type), ())`);

/** Distinct municipalities with a held event (made distinct by hashing, then counted). */
export const municipalitiesQuery = (ctx: AppContext, period: Period) =>
  ctx.db
    .selectFrom(heldEventsIn(ctx, period).select('events.municipalityId').distinct().as('reached'))
    .select((eb) => eb.fn.countAll<string>().as('municipalities'));

export const peersQuery = (ctx: AppContext, period: Period) =>
  confirmedSessionsIn(ctx, period).select((eb) => [
    eb.fn.countAll<string>().as('sessions'),
    eb.fn.sum<string>('peersReached').as('peers'),
    sql<string>`count(DISTINCT peer_sessions.peer_educator_id)`.as('educators'),
  ]);

export async function preventionFigures(ctx: AppContext, actor: Actor, query: PeriodQuery): Promise<FiguresResponse> {
  requireFigures(actor);
  const period = resolvePeriod(query);
  const [events, reached, schools, knowledge, peers] = await Promise.all([
    eventsQuery(ctx, period).execute(),
    municipalitiesQuery(ctx, period).executeTakeFirstOrThrow(),
    schoolFigures(ctx, period),
    knowledgeGain(ctx, period),
    peersQuery(ctx, period).executeTakeFirstOrThrow(),
  ]);
  const total = events.find((row) => Number(row.isTotal));
  const count = (value: string | undefined) => Number(value ?? 0);
  const [lower, upper, secondary] = [count(total?.primaryLower), count(total?.primaryUpper), count(total?.secondary)];
  const [parents, teachers, others] = [count(total?.parents), count(total?.teachers), count(total?.others)];
  return {
    period: { from: period.from, to: period.to },
    eventsHeld: count(total?.events),
    eventsByType: EVENT_TYPES.map((type) => ({ type, events: count(events.find((row) => !Number(row.isTotal) && row.type === type)?.events) })),
    municipalitiesReached: Number(reached.municipalities),
    audience: {
      pupilsPrimaryLower: lower,
      pupilsPrimaryUpper: upper,
      pupilsSecondary: secondary,
      pupils: lower + upper + secondary,
      parents,
      teachers,
      otherAttendees: others,
      total: lower + upper + secondary + parents + teachers + others,
    },
    schools,
    knowledge,
    peers: { sessions: Number(peers.sessions), peersReached: Number(peers.peers ?? 0), activeEducators: Number(peers.educators) },
  };
}

/**
 * Schools visited in the period (distinct schools with a held event) and the share of the
 * registry's active schools they make up: visited schools that are still active over all
 * active schools, so a school closed since does not push the share above 100 %.
 */
export const schoolsQuery = (period: Period) => sql<{ type: string; visited: string; visitedActive: string; active: string }>`
    SELECT s.type,
           count(*) FILTER (WHERE v.school_id IS NOT NULL) AS visited,
           count(*) FILTER (WHERE v.school_id IS NOT NULL AND s.is_active) AS visited_active,
           count(*) FILTER (WHERE s.is_active) AS active
    FROM schools s
    LEFT JOIN (
      SELECT DISTINCT school_id FROM events
      WHERE status = 'held' AND starts_at >= ${period.start} AND starts_at < ${period.end} AND school_id IS NOT NULL
    ) v ON v.school_id = s.id
    GROUP BY s.type`;

async function schoolFigures(ctx: AppContext, period: Period): Promise<FiguresResponse['schools']> {
  const { rows } = await schoolsQuery(period).execute(ctx.db);
  const byType = SCHOOL_TYPES.map((type) => {
    const row = rows.find((r) => r.type === type);
    const visited = Number(row?.visited ?? 0);
    const visitedActive = Number(row?.visitedActive ?? 0);
    const active = Number(row?.active ?? 0);
    return { type, visited, visitedActive, active };
  });
  const sum = (key: 'visited' | 'visitedActive' | 'active') => byType.reduce((total, row) => total + row[key], 0);
  return {
    visited: sum('visited'),
    active: sum('active'),
    share: ratio(sum('visitedActive'), sum('active')),
    byType: byType.map(({ type, visited, visitedActive, active }) => ({ type, visited, active, share: ratio(visitedActive, active) })),
  };
}

/** The most questions a quiz has (the CHECKs on event_quizzes and quiz_responses in 0005). */
export const MAX_QUIZ_QUESTIONS = 10;

/** Correct answers on one sheet: answers[i] against the quiz's correct[i], position by position
 * (a plain expression, far cheaper than unnesting every sheet; a missing position counts 0). */
const correctOnSheet = sql.raw(
  Array.from({ length: MAX_QUIZ_QUESTIONS }, (_, i) => `coalesce((r.answers[${i + 1}] = c.correct[${i + 1}])::int, 0)`).join(' + '),
);

/**
 * Knowledge gain. An answer sheet's score is its correct answers over the quiz's questions
 * (answers[i] answers question_ids[i]). Events held in the period with sheets both before and
 * after count; the overall before and after figures are the means over all their sheets (so
 * an event weighs by the pupils who answered), the gain their difference in points.
 */
export const knowledgeQuery = (period: Period) =>
  sql<{ events: string; sheetsBefore: string | null; sheetsAfter: string | null; before: number | null; after: number | null; improved: string }>`
    WITH correct AS (
      SELECT q.event_id, array_agg(qq.correct_option ORDER BY o.position) AS correct
      FROM events e
      JOIN event_quizzes q ON q.event_id = e.id
      CROSS JOIN LATERAL unnest(q.question_ids) WITH ORDINALITY AS o(question_id, position)
      JOIN quiz_questions qq ON qq.id = o.question_id
      WHERE e.status = 'held' AND e.starts_at >= ${period.start} AND e.starts_at < ${period.end}
      GROUP BY q.event_id
    ), per_event AS (
      SELECT r.event_id,
             count(*) FILTER (WHERE r.phase = 'pre') AS n_before,
             count(*) FILTER (WHERE r.phase = 'post') AS n_after,
             avg((${correctOnSheet})::float8 / cardinality(c.correct)) FILTER (WHERE r.phase = 'pre') AS before,
             avg((${correctOnSheet})::float8 / cardinality(c.correct)) FILTER (WHERE r.phase = 'post') AS after
      FROM quiz_responses r
      JOIN correct c ON c.event_id = r.event_id
      GROUP BY r.event_id
      HAVING count(*) FILTER (WHERE r.phase = 'pre') > 0 AND count(*) FILTER (WHERE r.phase = 'post') > 0
    )
    SELECT count(*) AS events, sum(n_before) AS sheets_before, sum(n_after) AS sheets_after,
           sum(before * n_before) / nullif(sum(n_before), 0) AS before, sum(after * n_after) / nullif(sum(n_after), 0) AS after,
           count(*) FILTER (WHERE after > before) AS improved
    FROM per_event`;

async function knowledgeGain(ctx: AppContext, period: Period): Promise<FiguresResponse['knowledge']> {
  const { rows } = await knowledgeQuery(period).execute(ctx.db);
  const row = rows[0]!;
  const before = row.before === null ? null : Number(row.before);
  const after = row.after === null ? null : Number(row.after);
  return {
    events: Number(row.events),
    answerSheetsBefore: Number(row.sheetsBefore ?? 0),
    answerSheetsAfter: Number(row.sheetsAfter ?? 0),
    correctBefore: before,
    correctAfter: after,
    gainPoints: before === null || after === null ? null : Math.round((after - before) * 1000) / 10,
    eventsImproved: Number(row.improved),
  };
}

// ---- CSV ------------------------------------------------------------------------------------

/**
 * The figures as a CSV file for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads
 * Cyrillic), one figure a row as section, item, figure, value. Serbian files use ";" between
 * fields and a decimal comma, as Excel set up for Serbia expects; English files "," and a point.
 */
export async function figuresCsv(ctx: AppContext, actor: Actor, query: PeriodQuery, language: Language): Promise<{ filename: string; csv: string }> {
  const [figures, coverage] = await Promise.all([preventionFigures(ctx, actor, query), districtCoverage(ctx, actor, query)]);
  const t = translator(language);
  const k = (key: string, options?: Record<string, unknown>) => t(`prevention.coverage.${key}`, options ?? {});
  const isSerbian = language !== 'en';
  const percent = (value: number | null) => (value === null ? '' : (Math.round(value * 1000) / 10).toFixed(1).replace('.', isSerbian ? ',' : '.'));
  const points = (value: number | null) => (value === null ? '' : value.toFixed(1).replace('.', isSerbian ? ',' : '.'));

  const rows: (string | number)[][] = [[k('csv.section'), k('csv.item'), k('csv.figure'), k('csv.value')]];
  const add = (section: string, item: string, figure: string, value: string | number) => rows.push([section, item, figure, value]);

  const period = k('csv.period');
  add(period, '', k('period.from'), figures.period.from);
  add(period, '', k('period.to'), figures.period.to);

  const events = k('figures.events');
  add(events, k('figures.allTypes'), k('figures.eventsHeld'), figures.eventsHeld);
  for (const row of figures.eventsByType) add(events, t(`prevention.codes.eventTypes.${row.type}`), k('figures.eventsHeld'), row.events);
  add(events, '', k('figures.municipalitiesReached'), figures.municipalitiesReached);

  const audience = k('figures.audience');
  const people = k('figures.people');
  add(audience, t('prevention.codes.gradeBands.primary-lower'), people, figures.audience.pupilsPrimaryLower);
  add(audience, t('prevention.codes.gradeBands.primary-upper'), people, figures.audience.pupilsPrimaryUpper);
  add(audience, t('prevention.codes.gradeBands.secondary'), people, figures.audience.pupilsSecondary);
  add(audience, k('figures.pupils'), people, figures.audience.pupils);
  add(audience, k('figures.parents'), people, figures.audience.parents);
  add(audience, k('figures.teachers'), people, figures.audience.teachers);
  add(audience, k('figures.otherAttendees'), people, figures.audience.otherAttendees);
  add(audience, k('figures.everyone'), people, figures.audience.total);

  const schools = k('figures.schools');
  const allSchools = k('figures.allSchools');
  add(schools, allSchools, k('figures.schoolsVisited'), figures.schools.visited);
  add(schools, allSchools, k('figures.schoolsActive'), figures.schools.active);
  add(schools, allSchools, k('figures.schoolsSharePercent'), percent(figures.schools.share));
  for (const row of figures.schools.byType) {
    const type = t(`prevention.codes.schoolTypes.${row.type}`);
    add(schools, type, k('figures.schoolsVisited'), row.visited);
    add(schools, type, k('figures.schoolsActive'), row.active);
    add(schools, type, k('figures.schoolsSharePercent'), percent(row.share));
  }

  const knowledge = k('figures.knowledge');
  add(knowledge, '', k('figures.quizEvents'), figures.knowledge.events);
  add(knowledge, '', k('figures.answerSheetsBefore'), figures.knowledge.answerSheetsBefore);
  add(knowledge, '', k('figures.answerSheetsAfter'), figures.knowledge.answerSheetsAfter);
  add(knowledge, '', k('figures.correctBeforePercent'), percent(figures.knowledge.correctBefore));
  add(knowledge, '', k('figures.correctAfterPercent'), percent(figures.knowledge.correctAfter));
  add(knowledge, '', k('figures.gainPoints'), points(figures.knowledge.gainPoints));
  add(knowledge, '', k('figures.eventsImproved'), figures.knowledge.eventsImproved);

  const peers = k('figures.peers');
  add(peers, '', k('figures.peerSessions'), figures.peers.sessions);
  add(peers, '', k('figures.peersReached'), figures.peers.peersReached);
  add(peers, '', k('figures.activeEducators'), figures.peers.activeEducators);

  const districts = k('csv.districts');
  const districtName = new Map(DISTRICTS.map((d) => [d.id, localName(d, language)]));
  const columns = ['eventsHeld', 'peopleReached', 'pupils', 'parents', 'teachers', 'otherAttendees', 'schoolsVisited', 'peerSessions', 'peersReached'] as const;
  const byName = [...coverage.districts].sort((a, b) => districtName.get(a.districtId)!.localeCompare(districtName.get(b.districtId)!, language));
  for (const district of byName) {
    for (const column of columns) add(districts, districtName.get(district.districtId)!, k(`columns.${column}`), district[column]);
  }

  const csv = stringify(rows, { bom: true, delimiter: isSerbian ? ';' : ',', record_delimiter: 'windows' });
  return { filename: `prevention-figures-${figures.period.from}-${figures.period.to}.csv`, csv };
}
