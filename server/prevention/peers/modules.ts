// The training modules of the peer-educator programme, as data: a starting set seeded on every
// start (new codes are added, a module the centre renamed or switched off is left as it is),
// and the coordinators' own additions and changes. Certification needs every active module.
import { sql } from 'kysely';
import type { AppContext } from '../../context';
import type { DbOrTrx } from '../../db/index';
import type { Selectable } from 'kysely';
import type { PeerTrainingModulesTable } from '../../db/schema-prevention';
import type { CreatePeerTrainingModuleRequest, UpdatePeerTrainingModuleRequest } from '../../../common/schemas/prevention/peers';
import { can, type Actor } from '../../auth/policy';
import { auditActor } from '../../auth/request';
import { recordAudit } from '../../audit/log';
import { conflict, forbidden, notFound } from '../../http/errors';
import { peerEducatorPolicy } from '../policy';

type ModuleNames = { 'sr-Cyrl': string; en: string };

/** The programme's modules as the centre first ran it (names in Cyrillic and English). */
export const STARTER_MODULES: { code: string; names: ModuleNames }[] = [
  { code: 'online-safety-basics', names: { 'sr-Cyrl': 'Основе безбедности на интернету', en: 'Online safety basics' } },
  { code: 'cyberbullying', names: { 'sr-Cyrl': 'Дигитално насиље и како реаговати', en: 'Cyberbullying and how to react' } },
  { code: 'privacy', names: { 'sr-Cyrl': 'Приватност и лични подаци', en: 'Privacy and personal data' } },
  { code: 'hate-speech', names: { 'sr-Cyrl': 'Говор мржње на интернету', en: 'Hate speech online' } },
  { code: 'running-a-peer-session', names: { 'sr-Cyrl': 'Како водити вршњачку радионицу', en: 'How to run a peer session' } },
  { code: 'where-to-get-help', names: { 'sr-Cyrl': 'Где потражити помоћ: 19833', en: 'Where to get help: 19833' } },
];

/** Adds the starter modules that are missing (by code). Safe to run on every start, and twice at once. */
export async function seedPeerTrainingModules(db: DbOrTrx): Promise<number> {
  const inserted = await db
    .insertInto('peerTrainingModules')
    .values(STARTER_MODULES.map((m, index) => ({ code: m.code, names: JSON.stringify(m.names), position: (index + 1) * 10 })))
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

function presentModule(row: Selectable<PeerTrainingModulesTable>) {
  const names = row.names as Partial<ModuleNames>;
  return { id: row.id, code: row.code, names: { 'sr-Cyrl': names['sr-Cyrl'] ?? row.code, en: names.en ?? row.code }, position: row.position, isActive: row.isActive };
}

export async function listModules(db: DbOrTrx, actor: Actor) {
  if (!can(peerEducatorPolicy, actor, 'manage')) throw forbidden();
  const rows = await db.selectFrom('peerTrainingModules').selectAll().orderBy('position').orderBy('code').execute();
  return { modules: rows.map(presentModule) };
}

export async function createModule(ctx: AppContext, actor: Actor, input: CreatePeerTrainingModuleRequest) {
  if (!can(peerEducatorPolicy, actor, 'manage')) throw forbidden();
  return ctx.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('peerTrainingModules').select('id').where('code', '=', input.code).executeTakeFirst();
    if (taken) throw conflict('code_taken', 'A module with this code exists', { code: 'A module with this code exists' });
    const position =
      input.position ?? (await trx.selectFrom('peerTrainingModules').select(sql<number>`coalesce(max(position), 0) + 10`.as('next')).executeTakeFirstOrThrow()).next;
    const row = await trx
      .insertInto('peerTrainingModules')
      .values({ code: input.code, names: JSON.stringify(input.names), position })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActor(actor), action: 'peer-module.create', recordType: 'peer-training-module', recordId: row.id });
    return { module: presentModule(row) };
  });
}

export async function updateModule(ctx: AppContext, actor: Actor, id: string, input: UpdatePeerTrainingModuleRequest) {
  if (!can(peerEducatorPolicy, actor, 'manage')) throw forbidden();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('peerTrainingModules')
      .set((eb) => ({
        ...(input.names && { names: JSON.stringify(input.names) }),
        position: input.position ?? eb.ref('position'),
        ...(input.isActive !== undefined && { isActive: input.isActive }),
      }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('No such training module');
    await recordAudit(trx, { actor: auditActor(actor), action: 'peer-module.update', recordType: 'peer-training-module', recordId: id, details: { changed: Object.keys(input) } });
    return { module: presentModule(row) };
  });
}
