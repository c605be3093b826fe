// The signed-in person as the console sees them.
import type { SessionStage, SessionUser } from '../../common/schemas/session';
import type { Language } from '../../common/roles';
import type { Role } from '../../common/roles';
import { toLatin } from '../../common/i18n/translit';
import { computeAbilities } from './abilities';
import type { UserRow } from '../db/schema';

export function institutionDisplayName(nameSr: string | null, nameEn: string | null, language: Language): string | null {
  if (nameSr === null) return null;
  if (language === 'en') return nameEn ?? nameSr;
  return language === 'sr-Latn' ? toLatin(nameSr) : nameSr;
}

export function presentSessionUser(
  user: UserRow & { institutionNameSr: string | null; institutionNameEn: string | null },
  stage: SessionStage,
): SessionUser {
  const language = user.language as Language;
  const roles = user.roles as Role[];
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    roles,
    institutionId: user.institutionId,
    institutionName: institutionDisplayName(user.institutionNameSr, user.institutionNameEn, language),
    language,
    hasTotp: user.totpEnabledAt !== null,
    pendingStep: stage,
    // A session that still owes a step can do nothing else yet.
    abilities: computeAbilities({
      id: user.id,
      username: user.username,
      roles: stage === 'none' ? roles : [],
      institutionId: user.institutionId,
    }),
  };
}
