// Table types for Kysely. Column names are snake_case in SQL; Kysely's CamelCasePlugin maps
// them to camelCase in code. Keep in step with migrations/.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface InstitutionsTable {
  id: Generated<string>;
  code: string;
  type: string;
  nameSr: string;
  nameEn: string;
  areaKind: string;
  areaCodes: ColumnType<string[], string[] | undefined, string[]>;
  isActive: Generated<boolean>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  roles: ColumnType<string[], string[], string[]>;
  institutionId: string | null;
  language: string;
  isActive: Generated<boolean>;
  isDemo: Generated<boolean>;
  mustChangePassword: Generated<boolean>;
  totpSecretEnc: string | null;
  totpEnabledAt: Timestamp | null;
  totpLastStep: ColumnType<string | null, number | string | null, number | string | null>;
  failedLoginCount: Generated<number>;
  lockedUntil: Timestamp | null;
  lastLoginAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: Generated<Date>;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  userId: string;
  codeHash: string;
  usedAt: Timestamp | null;
}

export interface SessionsTable {
  idHash: string;
  userId: string;
  csrfToken: string;
  stage: string;
  pendingTotpSecretEnc: string | null;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
}

export interface AuditLogTable {
  id: ColumnType<string, never, never>;
  occurredAt: Timestamp;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  prevHash: string;
  hash: string;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface Database {
  institutions: InstitutionsTable;
  users: UsersTable;
  recoveryCodes: RecoveryCodesTable;
  sessions: SessionsTable;
  auditLog: AuditLogTable;
  settings: SettingsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type InstitutionRow = Selectable<InstitutionsTable>;
export type SessionRow = Selectable<SessionsTable>;
