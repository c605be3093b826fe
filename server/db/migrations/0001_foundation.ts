// Foundation: staff accounts, sessions, institutions (the registry grows with referrals),
// settings, and the append-only, hash-chained audit log.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Trusted extensions: a database owner may create them on a PostgreSQL server too.
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);

  await sql`
    CREATE TABLE institutions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      type text NOT NULL,
      name_sr text NOT NULL,
      name_en text NOT NULL,
      area_kind text NOT NULL CHECK (area_kind IN ('national', 'district', 'municipality')),
      area_codes text[] NOT NULL DEFAULT '{}',
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL,
      display_name text NOT NULL,
      email text,
      password_hash text NOT NULL,
      roles text[] NOT NULL CHECK (cardinality(roles) > 0),
      institution_id uuid REFERENCES institutions(id),
      language text NOT NULL DEFAULT 'sr-Cyrl' CHECK (language IN ('sr-Cyrl', 'sr-Latn', 'en')),
      is_active boolean NOT NULL DEFAULT true,
      is_demo boolean NOT NULL DEFAULT false,
      must_change_password boolean NOT NULL DEFAULT false,
      totp_secret_enc text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      failed_login_count integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT contact_person_has_institution
        CHECK (NOT ('institution-contact' = ANY (roles)) OR institution_id IS NOT NULL)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_username_key ON users (lower(username))`.execute(db);
  await sql`CREATE INDEX users_institution_idx ON users (institution_id) WHERE institution_id IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE recovery_codes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id)`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      stage text NOT NULL CHECK (stage IN ('password-change', 'totp-setup', 'none')),
      pending_totp_secret_enc text,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);
  await sql`CREATE INDEX sessions_expires_idx ON sessions (expires_at)`.execute(db);

  await sql`
    CREATE TABLE settings (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES users(id)
    )`.execute(db);

  // The audit log: append-only. Each row carries the hash of the previous row, so a changed
  // or removed row breaks the chain (server/audit/chain.ts verifies it). Triggers refuse
  // UPDATE, DELETE and TRUNCATE for every role, the table owner included; the privileges
  // are revoked as well so the application's role cannot even ask.
  await sql`
    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      occurred_at timestamptz NOT NULL,
      actor_id uuid,
      actor_username text,
      action text NOT NULL,
      record_type text,
      record_id text,
      details jsonb NOT NULL DEFAULT '{}',
      prev_hash text NOT NULL,
      hash text NOT NULL UNIQUE
    )`.execute(db);
  await sql`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id)`.execute(db);
  await sql`CREATE INDEX audit_log_record_idx ON audit_log (record_type, record_id, id)`.execute(db);
  await sql`CREATE INDEX audit_log_action_idx ON audit_log (action text_pattern_ops, id)`.execute(db);
  await sql`CREATE INDEX audit_log_time_idx ON audit_log (occurred_at)`.execute(db);
  await sql`
    CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`.execute(db);
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`.execute(db);
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM CURRENT_USER`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reverted: restore a backup instead');
}
