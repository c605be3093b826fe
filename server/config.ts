// Every environment setting, validated at boot. Settings an administrator changes at run time
// live in the database instead (server/settings/). Without DATABASE_URL the platform runs in
// demo mode on the embedded PGlite database under DATA_DIR.
import { z } from 'zod';
import path from 'node:path';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** TCP port to listen on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on; 0.0.0.0 to accept connections from other machines. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** postgres://user:pass@host:5432/db — a PostgreSQL server. Unset: embedded PGlite in DATA_DIR (demo mode). */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  /** Maximum connections per app process to the PostgreSQL server. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
  /** Folder for the embedded database, demo accounts and the demo secret key. */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * 32 random bytes, base64 (openssl rand -base64 32). Keys for field encryption (TOTP
   * secrets, contact details) and keyed hashes (receipts, caller identifiers) are derived from
   * it. Required with DATABASE_URL; in demo mode it is generated into DATA_DIR/secret.key.
   */
  SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64 encoded')
    .optional(),
  /** Staff must use TOTP. Only demo accounts are exempt unless this is set to false explicitly. */
  TOTP_REQUIRED: bool.default(true),
  /** Absolute limit on one staff session, however active. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  /** Send cookies only over HTTPS. Defaults to true outside demo mode. */
  COOKIE_SECURE: bool.optional(),
  /** Trust X-Forwarded-* from a reverse proxy in front of the app. */
  TRUST_PROXY: bool.default(false),
  /** The address people use to reach the platform, for links in e-mails. */
  PUBLIC_BASE_URL: z.url().optional(),
  /** Sign-in attempts per address per minute (in memory, never stored). */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Public report submissions per address per hour (form and API together; in memory only). */
  PUBLIC_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Proof-of-work leading zero bits a public submission must show; 0 turns it off (trusted integrations, tests). */
  PUBLIC_POW_DIFFICULTY: z.coerce.number().int().min(0).max(28).default(16),
  /** Follow-up attempts with a receipt per address per hour (makes guessing a receipt hopeless). */
  FOLLOW_UP_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(30),
  /** smtp://user:pass@host:587 or smtps://…:465. Unset: mail is kept in the local mailbox (demo mode). */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  /**
   * The helpline's mailbox, read every minute: imap://user:pass@host:143/INBOX or
   * imaps://user:pass@host:993/INBOX (user and password URL-encoded; the path is the folder,
   * INBOX by default; ?address=savet@example.rs names the address replies should come back to
   * when the user name is not that address). Unset: no e-mail intake.
   */
  IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\/[^/]+/, 'must be imap://user:pass@host:port/INBOX or imaps://…')
    .refine((v) => URL.canParse(v) && new URL(v).username !== '', 'must name the user (imap://user:pass@host/INBOX)')
    .optional(),
  /** Sender of the centre's e-mails. */
  MAIL_FROM: z.string().min(3).default('Безбедно 19833 <no-reply@bezbedno.example>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Start the background job runner in this process. */
  JOBS_ENABLED: bool.default(true),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  isDemo: boolean;
  secretKey: string | undefined;
  totpRequired: boolean;
  sessionMaxHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  publicBaseUrl: string | undefined;
  loginRateLimitPerMinute: number;
  publicRateLimitPerHour: number;
  publicPowDifficulty: number;
  followUpRateLimitPerHour: number;
  smtpUrl: string | undefined;
  imapUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  jobsEnabled: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const isDemo = !e.DATABASE_URL;
  if (!isDemo && !e.SECRET_KEY) {
    throw new ConfigError(['SECRET_KEY: required with DATABASE_URL (openssl rand -base64 32)']);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir: path.resolve(e.DATA_DIR),
    isDemo,
    secretKey: e.SECRET_KEY,
    totpRequired: e.TOTP_REQUIRED,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? !isDemo,
    trustProxy: e.TRUST_PROXY,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    publicRateLimitPerHour: e.PUBLIC_RATE_LIMIT_PER_HOUR,
    publicPowDifficulty: e.PUBLIC_POW_DIFFICULTY,
    followUpRateLimitPerHour: e.FOLLOW_UP_RATE_LIMIT_PER_HOUR,
    smtpUrl: e.SMTP_URL,
    imapUrl: e.IMAP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    jobsEnabled: e.JOBS_ENABLED,
  };
}
