// Helpline benchmark on a PostgreSQL server (BENCH_DATABASE_URL): the counsellors' contact
// list with a million contacts in the database: the newest page, filters, word search across
// scripts and the repeat-caller lookup. The staff account must have the counsellor role (a
// counsellor sees every contact; an analyst only those in a case).
import pg from 'pg';
import { searchKey } from '../common/i18n/translit';
import { CHANNELS, CONTACT_OUTCOMES, CONTACT_TYPES, CALLER_TYPES, CONTACT_AGE_GROUPS, GENDERS, HELPLINE_CATEGORIES, CURRENT_CATEGORY_VERSION } from '../common/helpline';
import { PLATFORMS } from '../common/hotline';
import { UNITS } from '../common/geography';

type Report = (what: string, value: string) => void;

// Deterministic pseudo-random numbers, so every run fills the same table.
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WHO = ['Мајка', 'Отац', 'Девојчица (13)', 'Дечак (15)', 'Наставница', 'Педагог школе', 'Бака', 'Ученица', 'Majka', 'Otac', 'Devojčica', 'Dečak', 'Razredna starešina', 'Psiholog'];
const WHAT = [
  'каже да њену ћерку у разредној групи исмевају и шаљу њене слике даље',
  'пријављује да непознати одрасли на игрици тражи од сина слике',
  'zove jer neko preti da će objaviti snimke ako ne pošalje novac',
  'prijavljuje lažni profil koji se predstavlja kao njena ćerka',
  'пита како да подеси приватност налога на Инстаграму',
  'брине јер дете проводи по десет сати дневно на телефону',
  'kaže da drugari iz odeljenja vređaju dečaka u komentarima na TikToku',
  'пријављује уцену после дописивања на Дискорду',
  'pita šta da radi posle poruka mržnje u grupi na Viberu',
  'говори о самоповређивању и изазову који кружи на мрежи',
  'ima pitanja o sekstingu i tome šta je kažnjivo',
  'каже да је видео узнемирујући садржај на Јутјубу',
  'prijavljuje da je nalog hakovan i da se šalju poruke u njeno ime',
  'тражи савет како да разговара са дететом о онлајн играма',
  'navodi da odrasla osoba nudi poklone u Robloksu',
  'пријављује вршњачко насиље које се наставило на друштвеној мрежи',
];
const WHERE = [
  'у Ћуприји', 'у Нишу', 'у Крагујевцу', 'у Суботици', 'у Новом Пазару', 'у Чачку', 'у Шапцу', 'у Ужицу', 'у Зајечару', 'у Београду', 'у Врању', 'у Ђурђеву',
  'u Ćupriji', 'u Nišu', 'u Kragujevcu', 'u Subotici', 'u Novom Sadu', 'u Čačku', 'u Šapcu', 'u Užicu', 'u Pančevu', 'u Beogradu', 'u Leskovcu', 'u Đurđevu',
];
const THEN = [
  'Саветовано да сачува снимке екрана и пријави профил.',
  'Objašnjeno kako da blokira i prijavi nalog.',
  'Договорен повратни позив сутра.',
  'Upućeno na centar za socijalni rad.',
  'Дати су контакти школског психолога.',
  'Razgovarano o tome kako da podrži dete.',
  '',
];
const ADVICE = ['', '', '', 'Сачувати доказе, не одговарати на претње.', 'Podešavanja privatnosti, blokiranje, prijava platformi.', 'Разговор са дететом без осуђивања.'];

/** Distinct realistic summaries (Serbian Cyrillic and Latin) with their search keys, as the app computes them. */
function summaries(n: number) {
  const random = generator(19833);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const out: { summary: string; advice: string; search: string }[] = [];
  const seen = new Set<string>();
  while (out.length < n) {
    const summary = `${pick(WHO)} ${pick(WHAT)} ${pick(WHERE)}. ${pick(THEN)}`.trim();
    const advice = pick(ADVICE);
    const key = `${summary}\u0000${advice}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ summary, advice, search: searchKey(`${summary} ${advice}`) });
  }
  return out;
}

/**
 * Fills the contacts table to `count` rows with multi-row INSERT … SELECT from generate_series:
 * a few thousand distinct summaries are picked by modulo, the codes vary, a third of the
 * contacts carry a caller hash (repeat callers share one), most are final.
 */
export async function fillContacts(databaseUrl: string, count: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const texts = summaries(Math.min(4000, Math.max(1, Math.ceil(count / 10))));
    const counsellors: string[] = [];
    for (let i = 1; i <= 25; i++) {
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO users (username, display_name, password_hash, roles) VALUES ($1, $2, '!', '{counsellor}')
         ON CONFLICT DO NOTHING RETURNING id`,
        [`bench.counsellor.${i}`, `Саветник ${i}`],
      );
      if (rows[0]) counsellors.push(rows[0].id);
      else counsellors.push((await pool.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [`bench.counsellor.${i}`])).rows[0]!.id);
    }
    await pool.query('DROP TABLE IF EXISTS bench_contact_texts');
    await pool.query('CREATE UNLOGGED TABLE bench_contact_texts (k integer PRIMARY KEY, summary text NOT NULL, advice text NOT NULL, search text NOT NULL)');
    await pool.query(
      'INSERT INTO bench_contact_texts SELECT k - 1, s, a, t FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS x(s, a, t, k)',
      [texts.map((t) => t.summary), texts.map((t) => t.advice), texts.map((t) => t.search)],
    );
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM contacts');
    let have = Number(rows[0]!.n);
    const batch = 100_000;
    const span = 3 * 365 * 86_400; // three years of contacts, the newest numbers the latest
    while (have < count) {
      const size = Math.min(batch, count - have);
      await pool.query(
        `INSERT INTO contacts (status, channel, contact_type, caller_type, age_group, gender, municipality, language, categories_version,
                               primary_category, peripheral_categories, platform, summary, advice_given, outcome, caller_key,
                               duration_seconds, started_at, counsellor_id, search_text, finalised_at)
         SELECT r.status, ${at('$1::text[]', 'r.a')}, CASE WHEN r.data THEN 'data' ELSE ${at('$16::text[]', 'r.b')} END,
                CASE WHEN r.data THEN ${at('$2::text[]', 'r.c')} END,
                ${at('$3::text[]', 'r.d')}, ${at('$4::text[]', 'r.e')},
                CASE WHEN r.f < 0.75 THEN ${at('$5::text[]', 'r.f / 0.75')} END,
                CASE WHEN r.f > 0.8 THEN 'sr-Latn' ELSE 'sr-Cyrl' END,
                $6,
                CASE WHEN r.data THEN ${at('$7::text[]', 'r.h')} END,
                CASE WHEN NOT r.data OR r.i < 0.4 THEN '{}'::text[]
                     WHEN r.i < 0.75 THEN ARRAY[${at('$7::text[]', 'r.j')}]
                     ELSE ARRAY[${at('$7::text[]', 'r.j')}, ${at('$7::text[]', 'r.k')}] END,
                CASE WHEN r.k < 0.4 THEN ${at('$8::text[]', 'r.k / 0.4')} END,
                CASE WHEN r.data THEN x.summary ELSE '' END,
                CASE WHEN r.data THEN x.advice ELSE '' END,
                CASE WHEN r.data AND r.status <> 'awaiting' THEN ${at('$9::text[]', 'r.l')} END,
                -- a third give a number; repeat callers share the hash of theirs
                CASE WHEN r.l < 0.33 THEN encode(sha256(convert_to('bench-caller-' || floor(r.m * 250000), 'UTF8')), 'hex') END,
                30 + floor(r.m * 1800)::int,
                r.started_at,
                CASE WHEN r.status = 'awaiting' THEN NULL ELSE ($12::uuid[])[1 + floor(r.n * cardinality($12::uuid[]))::int] END,
                CASE WHEN r.data THEN x.search ELSE ' ' END,
                CASE WHEN r.status = 'final' THEN r.started_at + interval '20 minutes' END
         FROM (
           SELECT g, random() AS a, random() AS b, random() AS c, random() AS d, random() AS e, random() AS f, random() AS h,
                  random() AS i, random() AS j, random() AS k, random() AS l, random() AS m, random() AS n,
                  random() < 0.72 AS data, floor(random() * $15)::int AS text_k,
                  now() - make_interval(secs => $10::double precision * (1 - g::double precision / $11)) AS started_at,
                  -- drafts and contacts waiting for a counsellor are the newest ones (and a few forgotten drafts)
                  CASE WHEN g > $11 * 0.995 AND random() < 0.5 THEN (CASE WHEN random() < 0.2 THEN 'awaiting' ELSE 'draft' END)
                       WHEN random() < 0.002 THEN 'draft' ELSE 'final' END AS status
           FROM generate_series($13::bigint, $14::bigint) AS g
         ) AS r
         JOIN bench_contact_texts x ON x.k = r.text_k
         ORDER BY r.g`,
        [
          CHANNELS,
          CALLER_TYPES,
          CONTACT_AGE_GROUPS,
          GENDERS,
          UNITS.map((u) => u.id),
          CURRENT_CATEGORY_VERSION,
          HELPLINE_CATEGORIES,
          PLATFORMS,
          CONTACT_OUTCOMES,
          span,
          count,
          counsellors,
          have + 1,
          have + size,
          texts.length,
          CONTACT_TYPES.filter((t) => t !== 'data'),
        ],
      );
      have += size;
      if (have % 100_000 === 0) process.stdout.write(`  … ${have} contacts\n`);
    }
    await pool.query('DROP TABLE bench_contact_texts');
    await pool.query('VACUUM (ANALYZE) contacts');
  } finally {
    await pool.end();
  }
}

/** SQL for one element of an array parameter, chosen by a number in [0, 1). */
const at = (array: string, r: string) => `(${array})[1 + floor((${r}) * cardinality(${array}))::int]`;

async function timed(label: string, report: Report, total: number, run: () => Promise<Response>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    const response = await run();
    if (!response.ok) throw new Error(`${label}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    if (i >= 10) times.push(performance.now() - t0); // the first ones warm the caches
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!.toFixed(1);
  report(`${label} at ${total.toLocaleString('en')} contacts: p50 / p99 ms`, `${q(0.5)} / ${q(0.99)}`);
}

/** GET /api/v1/contacts (and the repeat-caller lookup) as a counsellor, with `total` contacts in the database. */
export async function benchContactSearch(report: Report, baseUrl: string, staffCookie: string, total: number): Promise<void> {
  const session = await fetch(`${baseUrl}/api/v1/session`, { headers: { cookie: staffCookie } });
  if (!session.ok) throw new Error(`session: ${session.status}`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const headers = { cookie: staffCookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };

  // A repeat caller: four earlier contacts under one number, logged through the API (the
  // caller hash is keyed with the server's secret, so the filled rows can never match it).
  for (const spelling of ['+381 64 555 0101', '064/555-0101', '0645550101', '00381645550101']) {
    const response = await fetch(`${baseUrl}/api/v1/contacts`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ channel: 'phone', contactType: 'data', summary: 'Поново зове иста мајка', callerIdentifier: { value: spelling } }),
    });
    if (response.status !== 201) throw new Error(`contact: ${response.status} ${await response.text()}`);
  }

  const get = (path: string) => () => fetch(`${baseUrl}${path}`, { headers: { cookie: staffCookie } });
  const queries: [string, string][] = [
    ['contacts: newest page', '/api/v1/contacts'],
    ['contacts: category filter (main or further)', '/api/v1/contacts?category=grooming'],
    ['contacts: channel + status=draft', '/api/v1/contacts?channel=email&status=draft'],
    ['contacts: last week', `/api/v1/contacts?from=${new Date(Date.now() - 7 * 86_400_000).toISOString()}`],
    ['contacts: search, word (Cyrillic query, both scripts)', `/api/v1/contacts?q=${encodeURIComponent('Ћуприј')}`],
    ['contacts: search, common word', `/api/v1/contacts?q=${encodeURIComponent('slike')}`],
    ['contacts: search, no match', '/api/v1/contacts?q=nepostojecarec'],
    ['contacts: search + category', `/api/v1/contacts?q=${encodeURIComponent('уцен')}&category=sextortion`],
  ];
  for (const [label, path] of queries) await timed(label, report, total, get(path));
  await timed('contacts: repeat-caller lookup', report, total, async () => {
    const response = await fetch(`${baseUrl}/api/v1/contacts/lookup`, { method: 'POST', headers, body: JSON.stringify({ identifier: '064 555 01 01' }) });
    const copy = response.clone();
    if (response.ok && ((await copy.json()) as { contacts: unknown[] }).contacts.length !== 4) throw new Error('lookup: expected the 4 contacts of the repeat caller');
    return response;
  });
}
