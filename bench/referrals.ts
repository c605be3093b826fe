// Referral benchmark: one institution's contact person lists and opens referrals with
// 100,000 referrals in the database (spread over every institution).
import pg from 'pg';
import { hashPassword } from '../server/auth/passwords';

type Report = (what: string, value: string) => void;

export async function benchReferrals(report: Report, baseUrl: string, databaseUrl: string, total = 100_000): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const sender = (await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'bench.admin'`)).rows[0]!.id;
    await db.query(
      `INSERT INTO cases (title, created_by) SELECT 'bench ' || g, $1 FROM generate_series(1, $2) g`,
      [sender, total],
    );
    await db.query(
      `INSERT INTO referrals (reference, case_id, institution_id, urgency, reason, sent_by, sent_at, acknowledgement_due_at, status)
       SELECT 'BZ-B-' || c.number, c.id, i.id, CASE WHEN random() < 0.1 THEN 'urgent' ELSE 'normal' END, 'Разлог прослеђивања', $1,
              now() - random() * interval '2 years', now() + interval '3 days', CASE WHEN random() < 0.8 THEN 'closed' ELSE 'sent' END
       FROM (SELECT id, number, row_number() OVER () AS n FROM cases WHERE title LIKE 'bench %') c
       JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k, count(*) OVER () AS m FROM institutions) i ON i.k = c.n % i.m`,
      [sender],
    );
    await db.query('ANALYZE referrals');
    const institution = (await db.query<{ id: string; n: string }>(
      `SELECT institution_id AS id, count(*) AS n FROM referrals GROUP BY institution_id ORDER BY count(*) DESC LIMIT 1`,
    )).rows[0]!;
    const password = 'bench contact password';
    await db.query(
      `INSERT INTO users (username, display_name, password_hash, roles, institution_id) VALUES ('bench.contact', 'Bench', $1, '{institution-contact}', $2)`,
      [await hashPassword(password), institution.id],
    );
    const login = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.contact', password }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const time = async (path: string) => {
      const times: number[] = [];
      for (let i = 0; i < 60; i++) {
        const t0 = performance.now();
        const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
        if (!response.ok) throw new Error(`${path}: ${response.status}`);
        const body = await response.json();
        if (i >= 10) times.push(performance.now() - t0);
        if (i === 0 && path === '/api/v1/referrals') firstId = body.referrals[0].id;
      }
      times.sort((a, b) => a - b);
      return `${times[Math.floor(times.length * 0.5)]!.toFixed(1)} / ${times[Math.floor(times.length * 0.95)]!.toFixed(1)}`;
    };
    let firstId = '';
    report(`referrals: list one institution's (${Number(institution.n).toLocaleString('en')} of ${total.toLocaleString('en')}) p50 / p95 ms`, await time('/api/v1/referrals'));
    report('referrals: list waiting for acknowledgement p50 / p95 ms', await time('/api/v1/referrals?status=sent'));
    report('referrals: open one (audited) p50 / p95 ms', await time(`/api/v1/referrals/${firstId}`));
  } finally {
    await db.end();
  }
}
