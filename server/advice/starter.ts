// The starting set of the advice library: written for the centre, published, and each marked
// "to be reviewed by the centre" until a supervisor clears the mark. The bodies are Markdown
// files in starter/ (<slug>.sr.md in Cyrillic, <slug>.en.md); titles and topics are here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from '../db/index';
import type { HelplineCategory } from '../../common/helpline';
import { articleSearchText } from './articles';

const STARTER_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'starter');
// Arbitrary constant: two processes starting at once seed once.
const SEED_LOCK = 4_721_339_044;

interface StarterArticle {
  slug: string;
  categories: HelplineCategory[];
  titleSr: string;
  summarySr: string;
  titleEn: string;
  summaryEn: string;
}

export const STARTER_ARTICLES: StarterArticle[] = [
  {
    slug: 'google-family-link',
    categories: ['technical-settings', 'excessive-use'],
    titleSr: 'Родитељски надзор са апликацијом Google Family Link (Android)',
    summarySr: 'Како да надзирете Android телефон или таблет детета: време пред екраном, апликације, Chrome и YouTube, и шта се мења када дете порасте.',
    titleEn: 'Parental controls with Google Family Link (Android)',
    summaryEn: "How to supervise a child's Android phone or tablet: screen time, apps, Chrome and YouTube, and what changes as your child grows up.",
  },
  {
    slug: 'apple-screen-time',
    categories: ['technical-settings', 'excessive-use'],
    titleSr: 'Родитељски надзор на iPhone-у и iPad-у: Време испред екрана',
    summarySr: 'Дељење у породици, мировање, ограничења апликација, безбедност комуникације и ограничења садржаја, корак по корак.',
    titleEn: 'Parental controls on iPhone and iPad: Screen Time',
    summaryEn: 'Family Sharing, downtime, app limits, Communication Safety and content restrictions, step by step.',
  },
  {
    slug: 'microsoft-family-safety',
    categories: ['technical-settings', 'excessive-use', 'gaming'],
    titleSr: 'Родитељски надзор на Windows-у и Xbox-у: Microsoft Family Safety',
    summarySr: 'Породична група, време пред екраном, филтери сајтова у Edge-у, узрасне границе за игрице и одобравање куповина.',
    titleEn: 'Parental controls on Windows and Xbox: Microsoft Family Safety',
    summaryEn: 'A family group, screen time, website filters in Edge, age limits for games and approving purchases.',
  },
  {
    slug: 'home-router-parental-controls',
    categories: ['technical-settings', 'potentially-harmful-content'],
    titleSr: 'Родитељски надзор на кућном рутеру и породични DNS',
    summarySr: 'Једно подешавање за све уређаје на кућном Wi-Fi-ју: OpenDNS FamilyShield или CleanBrowsing, време без интернета и шта филтер не може.',
    titleEn: 'Parental controls on your home router and family DNS',
    summaryEn: "One setting for every device on your home Wi-Fi: OpenDNS FamilyShield or CleanBrowsing, offline times, and what a filter can't do.",
  },
  {
    slug: 'cyberbullying',
    categories: ['cyberbullying', 'online-reputation'],
    titleSr: 'Дигитално насиље: шта да урадиш',
    summarySr: 'Ако те неко на интернету вређа, прети ти, искључује те или понижава – или то ради твом детету – ево шта помаже, корак по корак.',
    titleEn: 'Cyberbullying: what to do',
    summaryEn: 'If someone insults, threatens, excludes or humiliates you online – or your child – here is what helps, step by step.',
  },
  {
    slug: 'intimate-images-threat',
    categories: ['sextortion', 'sexting', 'e-crime'],
    titleSr: 'Неко прети да ће поделити твоје интимне слике: шта да урадиш',
    summarySr: 'Не плаћај, не шаљи ништа више, сачувај доказе и потражи помоћ. Како да зауставиш ширење слика и коме да пријавиш.',
    titleEn: 'Someone threatens to share intimate pictures of you: what to do',
    summaryEn: "Don't pay, don't send anything more, keep the evidence and get help. How to stop the pictures spreading and whom to report to.",
  },
  {
    slug: 'reporting-content-on-platforms',
    categories: ['potentially-harmful-content', 'cyberbullying', 'hate-speech'],
    titleSr: 'Како да пријавиш садржај на Instagram-у, TikTok-у, YouTube-у, Facebook-у, Snapchat-у и Discord-у',
    summarySr: 'Где је дугме за пријаву на највећим платформама, шта да урадиш пре пријаве и коме још да се обратиш.',
    titleEn: 'How to report content on Instagram, TikTok, YouTube, Facebook, Snapchat and Discord',
    summaryEn: 'Where the report button is on the biggest platforms, what to do before you report, and where else to turn.',
  },
  {
    slug: 'talking-with-your-child',
    categories: ['media-literacy', 'excessive-use', 'data-privacy'],
    titleSr: 'Како да разговарате са дететом о његовом животу на интернету',
    summarySr: 'Деца причају родитељима о проблемима када очекују да ће их саслушати, а не казнити. Како да започнете разговор и одржите га, у сваком узрасту.',
    titleEn: 'Talking with your child about their life online',
    summaryEn: 'Children tell parents about problems when they expect to be heard, not punished. How to start the conversation and keep it going, at every age.',
  },
];

export function starterBody(slug: string, language: 'sr' | 'en'): string {
  return fs.readFileSync(path.join(STARTER_DIR, `${slug}.${language}.md`), 'utf8').trim();
}

/**
 * Inserts the starting set when the library is empty (published, to be reviewed by the
 * centre). Idempotent: a library with any article, even one the centre wrote, is left alone.
 * Returns the number of articles inserted.
 */
export async function seedStarterArticles(db: Db): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    const existing = await trx.selectFrom('adviceArticles').select('id').limit(1).executeTakeFirst();
    if (existing) return 0;
    const now = new Date();
    const rows = STARTER_ARTICLES.map((a) => {
      const article = { ...a, bodySr: starterBody(a.slug, 'sr'), bodyEn: starterBody(a.slug, 'en') };
      return { ...article, status: 'published', needsReview: true, searchText: articleSearchText(article), publishedAt: now };
    });
    await trx.insertInto('adviceArticles').values(rows).execute();
    return rows.length;
  });
}
