// Prevention and youth participation: the schools registry, presentation requests, events with
// their presenters, audience counts and photos, campaigns with online actions (a campaign's
// tour is its city-stop events), quizzes with anonymous answers, and peer educators with the
// sessions they hold. Nothing here is case data; what identifies a person (a requester's
// contact details, a peer educator's name) is kept to the least and encrypted or deletable.
// District ids are stored beside municipality ids (derived from common/geography on write) so
// the coverage figures group without a lookup table.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // ---- schools ----------------------------------------------------------------------------
  await sql`
    CREATE TABLE schools (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text UNIQUE,
      name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
      type text NOT NULL CHECK (type IN ('primary', 'secondary')),
      municipality_id text NOT NULL,
      district_id text NOT NULL,
      address text NOT NULL DEFAULT '',
      contact_person text NOT NULL DEFAULT '',
      email text,
      phone text,
      is_active boolean NOT NULL DEFAULT true,
      search_text text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // The same name may exist in many municipalities ("OŠ Vuk Karadžić"), not twice in one.
  await sql`CREATE UNIQUE INDEX schools_name_idx ON schools (municipality_id, lower(name))`.execute(db);
  await sql`CREATE INDEX schools_district_idx ON schools (district_id) WHERE is_active`.execute(db);
  // search_text: name, code, address and place through searchKey (Latin, no diacritics), so a
  // search in either script finds the school; written by server/prevention/schools on each write.
  await sql`CREATE INDEX schools_search_idx ON schools USING gin (search_text gin_trgm_ops)`.execute(db);

  // ---- campaigns ----------------------------------------------------------------------------
  await sql`
    CREATE TABLE campaigns (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      name text NOT NULL,
      goal text NOT NULL DEFAULT '',
      starts_on date NOT NULL,
      ends_on date,
      partners jsonb NOT NULL DEFAULT '[]',
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_on IS NULL OR ends_on >= starts_on)
    )`.execute(db);
  await sql`
    CREATE TABLE campaign_online_actions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
      kind text NOT NULL,
      title text NOT NULL,
      platform text NOT NULL DEFAULT '',
      happened_on date NOT NULL,
      people_reached integer NOT NULL DEFAULT 0 CHECK (people_reached >= 0),
      engagements integer CHECK (engagements >= 0),
      notes text NOT NULL DEFAULT '',
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX campaign_online_actions_campaign_idx ON campaign_online_actions (campaign_id, happened_on)`.execute(db);

  // ---- events -------------------------------------------------------------------------------
  await sql`
    CREATE TABLE events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      type text NOT NULL CHECK (type IN ('school-pupils', 'school-parents', 'school-teachers', 'campaign-city-stop', 'sports-camp', 'peer-training', 'other')),
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
      title text NOT NULL DEFAULT '',
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      school_id uuid REFERENCES schools(id),
      venue text NOT NULL DEFAULT '',
      municipality_id text NOT NULL,
      district_id text NOT NULL,
      campaign_id uuid REFERENCES campaigns(id),
      language text NOT NULL DEFAULT 'sr-Cyrl',
      topics text[] NOT NULL DEFAULT '{}',
      materials text NOT NULL DEFAULT '',
      pupils_primary_lower integer CHECK (pupils_primary_lower >= 0),
      pupils_primary_upper integer CHECK (pupils_primary_upper >= 0),
      pupils_secondary integer CHECK (pupils_secondary >= 0),
      parents integer CHECK (parents >= 0),
      teachers integer CHECK (teachers >= 0),
      other_attendees integer CHECK (other_attendees >= 0),
      duration_minutes integer CHECK (duration_minutes > 0),
      notes text NOT NULL DEFAULT '',
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz,
      cancel_reason text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_at > starts_at),
      CHECK (school_id IS NOT NULL OR venue <> '')
    )`.execute(db);
  await sql`CREATE INDEX events_starts_idx ON events (starts_at)`.execute(db);
  await sql`CREATE INDEX events_campaign_idx ON events (campaign_id, starts_at) WHERE campaign_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX events_school_idx ON events (school_id) WHERE school_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX events_held_idx ON events (starts_at, district_id) WHERE status = 'held'`.execute(db);
  await sql`CREATE INDEX events_municipality_idx ON events (municipality_id, starts_at)`.execute(db);

  // reminded_for: the start time a day-before reminder was sent for (a moved event is reminded again).
  await sql`
    CREATE TABLE event_presenters (
      event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      reminded_for timestamptz,
      PRIMARY KEY (event_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX event_presenters_user_idx ON event_presenters (user_id, event_id)`.execute(db);

  // A photo can only be stored with the uploader's statement that no child's face is on it.
  await sql`
    CREATE TABLE event_photos (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
      content_type text NOT NULL,
      byte_size integer NOT NULL,
      data bytea NOT NULL,
      caption text NOT NULL DEFAULT '',
      no_children_faces boolean NOT NULL CHECK (no_children_faces),
      uploaded_by uuid NOT NULL REFERENCES users(id),
      uploaded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX event_photos_event_idx ON event_photos (event_id)`.execute(db);

  // ---- presentation requests ----------------------------------------------------------------
  // The requester's name, e-mail and phone are personal data: encrypted, shown to coordinators.
  await sql`
    CREATE TABLE presentation_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'declined')),
      organisation text NOT NULL,
      organisation_type text NOT NULL CHECK (organisation_type IN ('primary-school', 'secondary-school', 'parents-council', 'sports-camp', 'other')),
      municipality_id text NOT NULL,
      district_id text NOT NULL,
      school_id uuid REFERENCES schools(id),
      contact_name_enc text NOT NULL,
      email_enc text NOT NULL,
      phone_enc text,
      audience jsonb NOT NULL,
      preferred_dates jsonb NOT NULL,
      language text NOT NULL,
      topics text[] NOT NULL DEFAULT '{}',
      message_enc text,
      event_id uuid REFERENCES events(id),
      decline_reason text,
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'accepted' OR event_id IS NOT NULL),
      CHECK (status <> 'declined' OR decline_reason IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX presentation_requests_queue_idx ON presentation_requests (status, created_at)`.execute(db);

  // ---- quizzes ------------------------------------------------------------------------------
  // A question and its 3–4 options in Cyrillic and English (Latin is derived), one correct
  // option: texts = {"sr": {"prompt", "options": [...], "explanation"}, "en": {...}}. A question
  // an event used is never deleted or rewritten (its results must stay readable), only retired.
  // starter_key names a question of the starting bank (seeded once, to be reviewed by the centre).
  await sql`
    CREATE TABLE quiz_questions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      topic text NOT NULL,
      texts jsonb NOT NULL CHECK (jsonb_typeof(texts) = 'object'),
      correct_option smallint NOT NULL CHECK (correct_option BETWEEN 0 AND 3),
      is_active boolean NOT NULL DEFAULT true,
      needs_review boolean NOT NULL DEFAULT false,
      starter_key text UNIQUE,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX quiz_questions_topic_idx ON quiz_questions (topic) WHERE is_active`.execute(db);
  // One quiz per event, the same questions before ('pre') and after ('post'). The code is what
  // pupils type or scan; it is made when the quiz is first opened, answers only while a phase is
  // open and stops at code_expires_at. Once the post phase has opened, the pre phase never
  // opens again. The questions cannot change once anyone has answered.
  await sql`
    CREATE TABLE event_quizzes (
      event_id uuid PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
      question_ids uuid[] NOT NULL CHECK (cardinality(question_ids) BETWEEN 3 AND 10),
      code text UNIQUE,
      phase text NOT NULL DEFAULT 'closed' CHECK (phase IN ('closed', 'pre', 'post')),
      code_expires_at timestamptz,
      pre_opened_at timestamptz,
      post_opened_at timestamptz,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (phase = 'closed' OR (code IS NOT NULL AND code_expires_at IS NOT NULL)),
      CHECK (phase <> 'pre' OR post_opened_at IS NULL)
    )`.execute(db);
  // An anonymous answer sheet: no account, name, address or user agent; the time only to the
  // hour. answers[i] is the option (0-based) chosen for question_ids[i] of the event's quiz, in
  // the same order. submission_id comes from the pupil's page so a resent form counts once.
  await sql`
    CREATE TABLE quiz_responses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL REFERENCES event_quizzes(event_id) ON DELETE CASCADE,
      phase text NOT NULL CHECK (phase IN ('pre', 'post')),
      submission_id text NOT NULL UNIQUE,
      answers smallint[] NOT NULL CHECK (cardinality(answers) BETWEEN 3 AND 10),
      language text NOT NULL,
      submitted_at timestamptz NOT NULL DEFAULT date_trunc('hour', now())
    )`.execute(db);
  await sql`CREATE INDEX quiz_responses_event_idx ON quiz_responses (event_id, phase)`.execute(db);

  // ---- peer educators -----------------------------------------------------------------------
  await sql`
    CREATE TABLE peer_cohorts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      starts_on date NOT NULL,
      ends_on date,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE peer_training_modules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      names jsonb NOT NULL,
      position integer NOT NULL DEFAULT 0,
      is_active boolean NOT NULL DEFAULT true
    )`.execute(db);
  // The least data about a young person: first name, initial of the last name, an age group.
  // Deleting on request blanks what identifies them and keeps the row for the counts.
  await sql`
    CREATE TABLE peer_educators (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      cohort_id uuid NOT NULL REFERENCES peer_cohorts(id),
      user_id uuid UNIQUE REFERENCES users(id),
      first_name text,
      last_initial text,
      school_id uuid REFERENCES schools(id),
      municipality_id text NOT NULL,
      district_id text NOT NULL,
      age_group text NOT NULL CHECK (age_group IN ('12-14', '15-17', '18-24')),
      consent_obtained_on date,
      consent_obtained_by text,
      consent_recorded_by uuid REFERENCES users(id),
      certified_on date,
      personal_data_deleted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (age_group = '18-24' OR personal_data_deleted_at IS NOT NULL OR consent_obtained_on IS NOT NULL),
      CHECK (personal_data_deleted_at IS NOT NULL OR (first_name IS NOT NULL AND last_initial IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX peer_educators_cohort_idx ON peer_educators (cohort_id)`.execute(db);
  await sql`
    CREATE TABLE peer_module_completions (
      peer_educator_id uuid NOT NULL REFERENCES peer_educators(id) ON DELETE CASCADE,
      module_id uuid NOT NULL REFERENCES peer_training_modules(id),
      completed_on date NOT NULL,
      PRIMARY KEY (peer_educator_id, module_id)
    )`.execute(db);
  await sql`
    CREATE TABLE peer_sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      peer_educator_id uuid NOT NULL REFERENCES peer_educators(id),
      held_on date NOT NULL,
      school_id uuid REFERENCES schools(id),
      venue text NOT NULL DEFAULT '',
      municipality_id text NOT NULL,
      district_id text NOT NULL,
      peers_reached integer NOT NULL CHECK (peers_reached > 0),
      topics text[] NOT NULL DEFAULT '{}',
      notes text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'confirmed', 'returned')),
      return_reason text,
      confirmed_by uuid REFERENCES users(id),
      confirmed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX peer_sessions_educator_idx ON peer_sessions (peer_educator_id, held_on DESC)`.execute(db);
  await sql`CREATE INDEX peer_sessions_held_idx ON peer_sessions (held_on, district_id) WHERE status = 'confirmed'`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0005_prevention cannot be undone automatically');
}
