// Referrals: a case forwarded to one institution, its acknowledgement, outcome, deadlines
// and the messages between the centre and the institution. Institutions get working hours
// and a deputy contact person (who is alerted when an urgent referral waits).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE institutions ADD COLUMN working_hours text NOT NULL DEFAULT 'пон–пет 08–16'`.execute(db);
  await sql`ALTER TABLE institutions ADD COLUMN deputy_user_id uuid REFERENCES users(id)`.execute(db);

  await sql`
    CREATE TABLE referrals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      reference text NOT NULL UNIQUE,
      case_id uuid NOT NULL REFERENCES cases(id),
      institution_id uuid NOT NULL REFERENCES institutions(id),
      urgency text NOT NULL CHECK (urgency IN ('urgent', 'normal')),
      reason text NOT NULL,
      legal_basis text[] NOT NULL DEFAULT '{}',
      includes_reporter_contact boolean NOT NULL DEFAULT false,
      routing_rule text,
      routing_rules_version text,
      status text NOT NULL DEFAULT 'sent' CHECK (status IN ('pending-approval', 'sent', 'acknowledged', 'closed')),
      approved_by uuid REFERENCES users(id),
      approved_at timestamptz,
      sent_by uuid NOT NULL REFERENCES users(id),
      sent_at timestamptz NOT NULL DEFAULT now(),
      acknowledgement_due_at timestamptz,
      acknowledged_at timestamptz,
      acknowledged_by uuid REFERENCES users(id),
      overdue_alerted_at timestamptz,
      outcome text CHECK (outcome IN ('proceedings-opened', 'content-removed', 'child-supported', 'forwarded-elsewhere', 'no-action')),
      outcome_note text,
      outcome_at timestamptz,
      outcome_by uuid REFERENCES users(id),
      outcome_reminder_due_at timestamptz,
      outcome_reminded_at timestamptz,
      UNIQUE (case_id, institution_id)
    )`.execute(db);
  await sql`CREATE INDEX referrals_institution_idx ON referrals (institution_id, number DESC)`.execute(db);
  await sql`CREATE INDEX referrals_case_idx ON referrals (case_id)`.execute(db);
  await sql`CREATE INDEX referrals_waiting_idx ON referrals (acknowledgement_due_at) WHERE acknowledged_at IS NULL AND overdue_alerted_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE referral_messages (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      referral_id uuid NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
      side text NOT NULL CHECK (side IN ('centre', 'institution')),
      author_id uuid NOT NULL REFERENCES users(id),
      body text NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX referral_messages_referral_idx ON referral_messages (referral_id, id)`.execute(db);

  // Institutions that pull their referrals into their own systems use a token per system:
  // stored as a hash, scoped to one institution, read-only, revocable.
  await sql`
    CREATE TABLE institution_api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      institution_id uuid NOT NULL REFERENCES institutions(id),
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_on date,
      revoked_at timestamptz
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Restore a backup to go back');
}
