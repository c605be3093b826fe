// The abilities the console shows, computed from the feature policies (never decided twice).
import type { Abilities } from '../../common/abilities';
import { can, type Actor } from './policy';
import { userPolicy } from '../users/policy';
import { auditPolicy } from '../audit/policy';
import { settingsPolicy } from '../settings/policy';
import { institutionPolicy } from '../institutions/policy';
import { reportPolicy } from '../hotline/policy';
import { mailboxPolicy } from '../mail/policy';

export function computeAbilities(actor: Actor): Abilities {
  return {
    'users.list': can(userPolicy, actor, 'list'),
    'users.manage': can(userPolicy, actor, 'create'),
    'institutions.list': can(institutionPolicy, actor, 'list'),
    'audit.read': can(auditPolicy, actor, 'read'),
    'settings.manage': can(settingsPolicy, actor, 'update'),
    'reports.list': can(reportPolicy, actor, 'list'),
    'reports.work': can(reportPolicy, actor, 'work'),
    'mailbox.read': can(mailboxPolicy, actor, 'read'),
  };
}
