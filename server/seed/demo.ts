// Demo mode: on the first start without DATABASE_URL, one account per role (and a second
// institution contact person at another institution, to try isolation between institutions),
// written to DATA_DIR/demo-accounts.json (mode 600). Demo accounts need no TOTP.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/index';
import type { Role } from '../../common/roles';
import { hashPassword, randomCode } from '../auth/passwords';
import { recordAudit } from '../audit/log';
import { seedInstitutions } from '../institutions/registry';
import type { AppContext } from '../context';
import { createReportRequestSchema, type CreateReportRequest } from '../../common/schemas/reports';
import { submitReport } from '../hotline/submit';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  institution?: string;
}

const DEMO_PEOPLE: { username: string; displayName: string; role: Role; institution?: string }[] = [
  { username: 'admin', displayName: 'Марија Петровић', role: 'administrator' },
  { username: 'supervisor', displayName: 'Јована Ђорђевић', role: 'supervisor' },
  { username: 'counsellor', displayName: 'Милош Јовановић', role: 'counsellor' },
  { username: 'analyst', displayName: 'Ана Николић', role: 'analyst' },
  { username: 'coordinator', displayName: 'Никола Љубичић', role: 'prevention-coordinator' },
  { username: 'presenter', displayName: 'Тамара Њежић', role: 'presenter' },
  { username: 'prosecutor', displayName: 'Драган Џамић', role: 'institution-contact', institution: 'vtk-prosecutor' },
  { username: 'police', displayName: 'Снежана Илић', role: 'institution-contact', institution: 'vtk-police' },
  { username: 'peer', displayName: 'Лука Марковић', role: 'peer-educator' },
  { username: 'dpo', displayName: 'Зорана Стојановић', role: 'dpo' },
];

export const demoAccountsPath = (dataDir: string) => path.join(dataDir, 'demo-accounts.json');

/** Seeds the demo accounts if the database has no staff yet. Returns them, or null if it had staff. */
export async function seedDemo(db: Db, dataDir: string): Promise<DemoAccount[] | null> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  const accounts: DemoAccount[] = [];
  await db.transaction().execute(async (trx) => {
    await seedInstitutions(trx);
    const institutions = new Map(
      (await trx.selectFrom('institutions').select(['id', 'code']).execute()).map((i) => [i.code, i.id]),
    );
    for (const person of DEMO_PEOPLE) {
      const password = `demo-${randomCode(3)}`;
      const user = await trx
        .insertInto('users')
        .values({
          username: person.username,
          displayName: person.displayName,
          email: `${person.username}@demo.bezbedno.example`,
          passwordHash: await hashPassword(password),
          roles: [person.role],
          institutionId: person.institution ? (institutions.get(person.institution) ?? null) : null,
          language: 'sr-Cyrl',
          isDemo: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actor: null, action: 'user.create', recordType: 'user', recordId: user.id, details: { roles: [person.role], demo: true } });
      accounts.push({ username: person.username, password, role: person.role, ...(person.institution ? { institution: person.institution } : {}) });
    }
  });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = demoAccountsPath(dataDir);
  fs.writeFileSync(file, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return accounts;
}

/** A few reports for the demo analyst's queue (made up; the links point nowhere real). */
export async function seedDemoReports(ctx: AppContext): Promise<void> {
  const reports: CreateReportRequest[] = [
    {
      category: 'cyberbullying',
      description: 'У групи нашег одељења неко је направио лажни профил моје другарице и објављује њене слике са ружним коментарима.',
      urls: ['https://social.example.org/fake-profile-7b'],
      platform: 'social-network',
      childAgeGroup: '13-15',
      municipality: 'kragujevac',
      language: 'sr-Cyrl',
    },
    {
      category: 'grooming',
      description: 'Odrasla osoba u igrici stalno piše mom sinu (10 godina), nudi mu poklone i traži da pređu u privatni čet.',
      urls: [],
      platform: 'game',
      childAgeGroup: '10-12',
      municipality: 'novi-sad',
      language: 'sr-Latn',
      contact: { name: 'Мајка', email: 'roditelj@example.org', mayShareWithInstitutions: true },
    },
    {
      category: 'hate-speech',
      description: 'A video channel posts videos inciting hatred against Roma children, with thousands of comments.',
      urls: ['https://video.example.org/watch?v=demo123'],
      platform: 'website',
      language: 'en',
    },
    {
      category: 'sextortion',
      description: 'Непозната особа прети да ће објавити моје слике ако не пошаљем још.',
      urls: [],
      platform: 'messaging',
      childAgeGroup: '16-17',
      language: 'sr-Cyrl',
    },
  ];
  for (const report of reports) await submitReport(ctx, createReportRequestSchema.parse(report), null);
}
