// The helpline: contacts (calls, chats, e-mails…) with their versions after finalisation,
// cases gaining contacts, tasks and notes, the anonymous live chat, e-mail intake and the
// advice library. Free text a child or caller wrote (chat messages, e-mails) and anything
// that identifies a caller is encrypted; the counsellor's own summary is kept searchable.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE cases ADD COLUMN closed_at timestamptz`.execute(db);
  // A helpline reply is case data: its text is kept encrypted and the mailbox does not show it.
  await sql`ALTER TABLE outgoing_mail ADD COLUMN confidential boolean NOT NULL DEFAULT false`.execute(db);
  await sql`CREATE INDEX cases_status_idx ON cases (status, priority DESC, number DESC)`.execute(db);

  await sql`
    CREATE TABLE chats (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'active', 'ended')),
      language text NOT NULL,
      nickname_enc text,
      age_group text NOT NULL DEFAULT 'unknown',
      token_hash text NOT NULL UNIQUE,
      counsellor_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      accepted_at timestamptz,
      ended_at timestamptz,
      ended_by text CHECK (ended_by IN ('visitor', 'counsellor', 'timeout')),
      last_seq integer NOT NULL DEFAULT 0,
      visitor_seen_at timestamptz NOT NULL DEFAULT now(),
      transcript_deleted_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX chats_waiting_idx ON chats (created_at) WHERE status = 'waiting'`.execute(db);
  await sql`CREATE INDEX chats_counsellor_idx ON chats (counsellor_id) WHERE status = 'active'`.execute(db);
  await sql`CREATE INDEX chats_ended_idx ON chats (ended_at) WHERE status = 'ended' AND transcript_deleted_at IS NULL`.execute(db);

  // Ordered per chat by seq (taken under the chat row's lock), so "everything after n" on
  // reconnect never skips a message that committed late. client_id makes a resend harmless.
  await sql`
    CREATE TABLE chat_messages (
      chat_id uuid NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
      seq integer NOT NULL,
      sender text NOT NULL CHECK (sender IN ('visitor', 'counsellor', 'system')),
      author_id uuid REFERENCES users(id),
      client_id text,
      body_enc text NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (chat_id, seq),
      UNIQUE (chat_id, client_id)
    )`.execute(db);

  await sql`
    CREATE TABLE email_threads (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      subject_enc text NOT NULL,
      correspondent_key text NOT NULL,
      correspondent_enc text NOT NULL,
      status text NOT NULL DEFAULT 'awaiting' CHECK (status IN ('awaiting', 'answered', 'closed')),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_message_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX email_threads_status_idx ON email_threads (status, last_message_at DESC)`.execute(db);

  await sql`
    CREATE TABLE email_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE, -- the order we stored them in (Date headers tie, and lie)
      thread_id uuid NOT NULL REFERENCES email_threads(id) ON DELETE CASCADE,
      direction text NOT NULL CHECK (direction IN ('in', 'out')),
      message_id text NOT NULL UNIQUE,
      in_reply_to text,
      subject_enc text NOT NULL,
      body_enc text NOT NULL,
      author_id uuid REFERENCES users(id),
      outgoing_mail_id uuid,
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX email_messages_thread_idx ON email_messages (thread_id, at)`.execute(db);

  await sql`
    CREATE TABLE email_attachments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      message_id uuid NOT NULL REFERENCES email_messages(id) ON DELETE CASCADE,
      filename_enc text NOT NULL,
      content_type text NOT NULL,
      byte_size integer NOT NULL,
      data_enc text NOT NULL
    )`.execute(db);

  // Where the IMAP reader got to in each mailbox (UIDs are valid only with their UIDVALIDITY).
  await sql`
    CREATE TABLE imap_state (
      mailbox text PRIMARY KEY,
      uid_validity bigint NOT NULL,
      last_uid bigint NOT NULL DEFAULT 0,
      checked_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE advice_articles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE,
      categories text[] NOT NULL DEFAULT '{}',
      title_sr text NOT NULL,
      summary_sr text NOT NULL DEFAULT '',
      body_sr text NOT NULL,
      title_en text NOT NULL,
      summary_en text NOT NULL DEFAULT '',
      body_en text NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
      needs_review boolean NOT NULL DEFAULT true,
      search_text text NOT NULL,
      created_by uuid REFERENCES users(id),
      updated_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX advice_search_idx ON advice_articles USING gin (search_text gin_trgm_ops)`.execute(db);

  await sql`
    CREATE TABLE contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('awaiting', 'draft', 'final')),
      version integer NOT NULL DEFAULT 1,
      channel text NOT NULL,
      contact_type text NOT NULL,
      caller_type text,
      age_group text NOT NULL DEFAULT 'unknown',
      gender text NOT NULL DEFAULT 'unknown',
      municipality text,
      language text NOT NULL DEFAULT 'sr-Cyrl',
      categories_version text NOT NULL,
      primary_category text,
      peripheral_categories text[] NOT NULL DEFAULT '{}',
      platform text,
      summary text NOT NULL DEFAULT '',
      advice_given text NOT NULL DEFAULT '',
      advice_article_ids uuid[] NOT NULL DEFAULT '{}',
      outcome text,
      callback_consent boolean NOT NULL DEFAULT false,
      caller_key text,
      caller_identifier_enc text,
      duration_seconds integer,
      started_at timestamptz NOT NULL DEFAULT now(),
      counsellor_id uuid REFERENCES users(id),
      case_id uuid REFERENCES cases(id),
      report_id uuid REFERENCES reports(id),
      chat_id uuid REFERENCES chats(id),
      email_thread_id uuid REFERENCES email_threads(id),
      search_text text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      finalised_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX contacts_started_idx ON contacts (started_at DESC, number DESC)`.execute(db);
  await sql`CREATE INDEX contacts_counsellor_idx ON contacts (counsellor_id, started_at DESC)`.execute(db);
  await sql`CREATE INDEX contacts_category_idx ON contacts (primary_category, started_at DESC)`.execute(db);
  await sql`CREATE INDEX contacts_caller_idx ON contacts (caller_key, started_at DESC) WHERE caller_key IS NOT NULL`.execute(db);
  await sql`CREATE INDEX contacts_open_idx ON contacts (status, started_at) WHERE status <> 'final'`.execute(db);
  await sql`CREATE INDEX contacts_case_idx ON contacts (case_id) WHERE case_id IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX contacts_chat_idx ON contacts (chat_id) WHERE chat_id IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX contacts_thread_idx ON contacts (email_thread_id) WHERE email_thread_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX contacts_search_idx ON contacts USING gin (search_text gin_trgm_ops)`.execute(db);

  // Edits after a contact is finalised keep the earlier version whole.
  await sql`
    CREATE TABLE contact_versions (
      contact_id uuid NOT NULL REFERENCES contacts(id),
      version integer NOT NULL,
      data jsonb NOT NULL,
      changed_by uuid NOT NULL REFERENCES users(id),
      changed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (contact_id, version)
    )`.execute(db);

  await sql`
    CREATE TABLE case_tasks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id),
      title text NOT NULL,
      due_on date NOT NULL,
      assignee_id uuid REFERENCES users(id),
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      done_at timestamptz,
      done_by uuid REFERENCES users(id)
    )`.execute(db);
  await sql`CREATE INDEX case_tasks_case_idx ON case_tasks (case_id, due_on)`.execute(db);
  await sql`CREATE INDEX case_tasks_open_idx ON case_tasks (due_on) WHERE done_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE case_notes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id),
      author_id uuid NOT NULL REFERENCES users(id),
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX case_notes_case_idx ON case_notes (case_id, id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Restore a backup to go back');
}
