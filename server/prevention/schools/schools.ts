// The schools registry: the list (filters, search in either script, paging), one school with
// the events held there, and the coordinators' writes. A school is one per name and
// municipality and one per ministry code; names are compared through searchKey without
// punctuation, so "ОШ „Вук Караџић“" and "OS Vuk Karadzic" in one municipality are one school.
import { sql, type ExpressionBuilder } from 'kysely';
import type { AppContext } from '../../context';
import type { DbOrTrx, Trx } from '../../db/index';
import type { Database } from '../../db/schema';
import type { SchoolRow } from '../../db/schema-prevention';
import type {
  CreateSchoolRequest,
  School,
  SchoolDetail,
  SchoolListQuery,
  UpdateSchoolRequest,
} from '../../../common/schemas/prevention/schools';
import type { SchoolType } from '../../../common/prevention';
import { districtOf, unitName } from '../../../common/geography';
import { searchKey } from '../../../common/i18n/translit';
import { can, type Actor } from '../../auth/policy';
import { auditActor } from '../../auth/request';
import { recordAudit } from '../../audit/log';
import { conflict, forbidden, notFound } from '../../http/errors';
import { schoolPolicy } from '../policy';

/** A school's name as compared for sameness: searchKey without punctuation or repeated spaces. */
export const nameKey = (name: string) =>
  searchKey(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function schoolSearchText(s: { name: string; code: string | null; address: string; municipalityId: string }): string {
  return searchKey([s.name, s.code ?? '', s.address, unitName(s.municipalityId, 'sr-Latn')].join(' ')).replace(/\s+/g, ' ');
}

// Arbitrary constant: the advisory lock that serialises writes to the registry, so that the
// sameness checks (in code, not in an index) see every committed school.
const REGISTRY_LOCK = 6_310_442_017;
export async function lockRegistry(trx: Trx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${REGISTRY_LOCK})`.execute(trx);
}

export interface SchoolIdentity {
  id: string;
  name: string;
  code: string | null;
  municipalityId: string;
}

/** Which field makes `candidate` the same school as another one already in the registry. */
export async function clashOf(db: DbOrTrx, candidate: Omit<SchoolIdentity, 'id'>, exceptId: string | null): Promise<'code' | 'name' | null> {
  const others = await db
    .selectFrom('schools')
    .select(['id', 'name', 'code', 'municipalityId'])
    .where((eb) => eb.or([eb('municipalityId', '=', candidate.municipalityId), ...(candidate.code ? [eb('code', '=', candidate.code)] : [])]))
    .execute();
  const rivals = others.filter((o) => o.id !== exceptId);
  if (candidate.code && rivals.some((o) => o.code === candidate.code)) return 'code';
  const key = nameKey(candidate.name);
  if (rivals.some((o) => o.municipalityId === candidate.municipalityId && nameKey(o.name) === key)) return 'name';
  return null;
}

export function clashError(field: 'code' | 'name') {
  return field === 'code'
    ? conflict('school_exists', 'Another school has this code', { code: 'Another school has this code' })
    : conflict('school_exists', 'A school of this name is already registered in this municipality', { name: 'A school of this name is already registered in this municipality' });
}

function presentSchool(row: SchoolRow, showContacts: boolean): School {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type as SchoolType,
    municipalityId: row.municipalityId,
    districtId: row.districtId,
    address: row.address,
    contactPerson: showContacts ? row.contactPerson : null,
    email: showContacts ? row.email : null,
    phone: showContacts ? row.phone : null,
    isActive: row.isActive,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

export async function listSchools(ctx: AppContext, actor: Actor, q: SchoolListQuery): Promise<{ schools: School[]; total: number }> {
  if (!can(schoolPolicy, actor, 'list')) throw forbidden();
  const filtered = (eb: ExpressionBuilder<Database, 'schools'>) => {
    const conditions = [];
    if (q.includeInactive !== 'true') conditions.push(eb('isActive', '=', true));
    if (q.municipalityId) conditions.push(eb('municipalityId', '=', q.municipalityId));
    if (q.districtId) conditions.push(eb('districtId', '=', q.districtId));
    if (q.type) conditions.push(eb('type', '=', q.type));
    for (const word of q.q?.split(/\s+/).filter(Boolean) ?? []) {
      // A school written straight to the table (not through this module) has no search text
      // yet; its name is still found as typed.
      conditions.push(
        eb.or([
          eb('searchText', 'like', `%${escapeLike(searchKey(word))}%`),
          eb.and([eb('searchText', '=', ''), eb(eb.fn('lower', ['name']), 'like', `%${escapeLike(word.toLowerCase())}%`)]),
        ]),
      );
    }
    return eb.and(conditions);
  };
  const limit = q.limit ?? 50;
  const [rows, counted] = await Promise.all([
    ctx.db
      .selectFrom('schools')
      .selectAll()
      .where(filtered)
      // Alphabetical in each script (ICU's root collation; the database's own may be "C").
      .orderBy(sql`name COLLATE "und-x-icu"`)
      .orderBy('id')
      .limit(limit)
      .offset(q.offset ?? 0)
      .execute(),
    ctx.db.selectFrom('schools').select((eb) => eb.fn.countAll<string>().as('total')).where(filtered).executeTakeFirstOrThrow(),
  ]);
  const showContacts = can(schoolPolicy, actor, 'readContacts');
  return { schools: rows.map((row) => presentSchool(row, showContacts)), total: Number(counted.total) };
}

export async function getSchool(ctx: AppContext, actor: Actor, id: string): Promise<SchoolDetail> {
  if (!can(schoolPolicy, actor, 'list')) throw forbidden();
  const row = await ctx.db.selectFrom('schools').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such school');
  const held = await ctx.db
    .selectFrom('events')
    .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.max('startsAt').as('last')])
    .where('schoolId', '=', id)
    .where('status', '=', 'held')
    .executeTakeFirstOrThrow();
  return {
    ...presentSchool(row, can(schoolPolicy, actor, 'readContacts')),
    eventsHeld: Number(held.count),
    lastHeldAt: held.last ? new Date(held.last).toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function createSchool(ctx: AppContext, actor: Actor, input: CreateSchoolRequest): Promise<string> {
  if (!can(schoolPolicy, actor, 'manage')) throw forbidden();
  return ctx.db.transaction().execute(async (trx) => {
    await lockRegistry(trx);
    const clash = await clashOf(trx, input, null);
    if (clash) throw clashError(clash);
    const created = await trx
      .insertInto('schools')
      .values({ ...input, districtId: districtOf(input.municipalityId), searchText: schoolSearchText(input) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActor(actor), action: 'school.create', recordType: 'school', recordId: created.id, details: { type: input.type, municipalityId: input.municipalityId } });
    return created.id;
  });
}

export async function updateSchool(ctx: AppContext, actor: Actor, id: string, patch: UpdateSchoolRequest): Promise<void> {
  if (!can(schoolPolicy, actor, 'manage')) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    await lockRegistry(trx);
    const current = await trx.selectFrom('schools').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('No such school');
    const merged = { ...current, ...patch };
    if (patch.name !== undefined || patch.code !== undefined || patch.municipalityId !== undefined) {
      const clash = await clashOf(trx, merged, id);
      if (clash) throw clashError(clash);
    }
    await trx
      .updateTable('schools')
      .set({ ...patch, districtId: districtOf(merged.municipalityId), searchText: schoolSearchText(merged), updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, { actor: auditActor(actor), action: 'school.update', recordType: 'school', recordId: id, details: { changed: Object.keys(patch) } });
  });
}
