// Permissions as data. Each feature declares, in its own policy.ts, which roles may do which
// action, either everywhere (true) or within a scope. A scope says the same rule twice, in
// the two forms it is needed in: a test for one record already loaded, and an SQL filter for
// lists (so lists never show what a single read would refuse). The matrix tests compare them.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Role } from '../../common/roles';
import type { Database } from '../db/schema';

export interface Actor {
  id: string;
  username: string;
  roles: Role[];
  institutionId: string | null;
}

export interface Scope<R, TB extends keyof Database> {
  /** Human-readable, for the matrix and the docs. */
  description: string;
  test(actor: Actor, record: R): boolean;
  sql(eb: ExpressionBuilder<Database, TB>, actor: Actor): Expression<SqlBool>;
}

export type Grant<R, TB extends keyof Database> = true | Scope<R, TB>;

export type Policy<A extends string, R = never, TB extends keyof Database = never> = Record<
  A,
  Partial<Record<Role, Grant<R, TB>>>
>;

/**
 * May the actor do this? Without a record: "in at least some cases" (for showing a button);
 * with a record: for this record.
 */
export function can<A extends string, R, TB extends keyof Database>(
  policy: Policy<A, R, TB>,
  actor: Actor,
  action: A,
  record?: R,
): boolean {
  const grants = policy[action];
  return actor.roles.some((role) => {
    const grant = grants[role];
    if (grant === undefined) return false;
    if (grant === true || record === undefined) return true;
    return grant.test(actor, record);
  });
}

/** The SQL condition a list must add so that it holds only the records `can` would allow. */
export function scopeFilter<A extends string, R, TB extends keyof Database>(
  policy: Policy<A, R, TB>,
  actor: Actor,
  action: A,
  eb: ExpressionBuilder<Database, TB>,
): Expression<SqlBool> {
  const grants = policy[action];
  const conditions: Expression<SqlBool>[] = [];
  for (const role of actor.roles) {
    const grant = grants[role];
    if (grant === undefined) continue;
    if (grant === true) return eb.lit(true);
    conditions.push(grant.sql(eb, actor));
  }
  return conditions.length === 0 ? eb.lit(false) : eb.or(conditions);
}
