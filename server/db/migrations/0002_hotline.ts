// Hotline: reports from the public, their links grouped into content items by canonical URL,
// messages with the anonymous reporter, versioned assessments, cases (the working file the
// helpline and referrals build on), attachments, analysts' exposure time, outgoing mail.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      title text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'waiting-institution', 'closed')),
      priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal', 'urgent')),
      assignee_id uuid REFERENCES users(id),
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // No report counter on the item: every report of a viral link would queue on that one row's
  // lock. The count is read from report_urls, which has an index on the item.
  await sql`
    CREATE TABLE content_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      content_key text NOT NULL UNIQUE,
      canonical_url text NOT NULL,
      first_reported_on date NOT NULL,
      latest_classification text,
      latest_assessed_at timestamptz
    )`.execute(db);

  // received_at is kept to the hour and receipt_active_on to the day: enough for the work,
  // too coarse to match a report to an address in someone else's connection logs.
  await sql`
    CREATE TABLE reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      received_at timestamptz NOT NULL,
      category text NOT NULL,
      description text NOT NULL,
      search_text text NOT NULL,
      platform text,
      child_age_group text,
      municipality text,
      language text NOT NULL,
      contact_enc text,
      has_contact boolean NOT NULL DEFAULT false,
      may_share_contact boolean NOT NULL DEFAULT false,
      receipt_hash text NOT NULL UNIQUE,
      receipt_active_on date NOT NULL,
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in-review', 'waiting-reporter', 'forwarded', 'closed')),
      is_urgent boolean NOT NULL DEFAULT false,
      assignee_id uuid REFERENCES users(id),
      escalated_to uuid REFERENCES users(id),
      case_id uuid REFERENCES cases(id),
      close_reason text,
      close_note text,
      closed_at timestamptz,
      notice_takedown_at timestamptz,
      notice_takedown_note text,
      has_unread_reporter_message boolean NOT NULL DEFAULT false
    )`.execute(db);
  await sql`CREATE INDEX reports_queue_idx ON reports (status, is_urgent DESC, number DESC)`.execute(db);
  await sql`CREATE INDEX reports_order_idx ON reports (is_urgent DESC, number DESC)`.execute(db);
  await sql`CREATE INDEX reports_category_idx ON reports (category, is_urgent DESC, number DESC)`.execute(db);
  await sql`CREATE INDEX reports_assignee_idx ON reports (assignee_id, is_urgent DESC, number DESC) WHERE assignee_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX reports_escalated_idx ON reports (escalated_to) WHERE escalated_to IS NOT NULL`.execute(db);
  await sql`CREATE INDEX reports_received_idx ON reports (received_at)`.execute(db);
  await sql`CREATE INDEX reports_case_idx ON reports (case_id) WHERE case_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX reports_search_idx ON reports USING gin (search_text gin_trgm_ops)`.execute(db);

  await sql`
    CREATE TABLE report_urls (
      report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
      position smallint NOT NULL,
      url text NOT NULL,
      content_item_id uuid NOT NULL REFERENCES content_items(id),
      PRIMARY KEY (report_id, position)
    )`.execute(db);
  await sql`CREATE INDEX report_urls_content_idx ON report_urls (content_item_id)`.execute(db);

  await sql`
    CREATE TABLE report_attachments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
      content_type text NOT NULL,
      byte_size integer NOT NULL,
      data_enc text NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX report_attachments_report_idx ON report_attachments (report_id)`.execute(db);

  await sql`
    CREATE TABLE report_messages (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
      author text NOT NULL CHECK (author IN ('reporter', 'centre')),
      author_id uuid REFERENCES users(id),
      body text NOT NULL,
      sent_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX report_messages_report_idx ON report_messages (report_id, id)`.execute(db);

  await sql`
    CREATE TABLE assessments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
      version integer NOT NULL,
      classification text NOT NULL,
      legal_basis text[] NOT NULL DEFAULT '{}',
      legal_basis_version text NOT NULL,
      victim_age_group text,
      victim_gender text,
      site_type text,
      hosting_country text,
      is_urgent boolean NOT NULL DEFAULT false,
      rationale text NOT NULL,
      assessed_by uuid NOT NULL REFERENCES users(id),
      assessed_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (report_id, version)
    )`.execute(db);

  await sql`
    CREATE TABLE analyst_exposure (
      user_id uuid NOT NULL REFERENCES users(id),
      day date NOT NULL,
      seconds integer NOT NULL DEFAULT 0,
      PRIMARY KEY (user_id, day)
    )`.execute(db);

  await sql`
    CREATE TABLE pow_spent (
      challenge_hash text PRIMARY KEY,
      expires_at timestamptz NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE outgoing_mail (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      to_enc text NOT NULL,
      subject text NOT NULL,
      body_text text NOT NULL,
      purpose text NOT NULL,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'kept-locally', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Restore a backup to go back');
}
