// The abilities the console shows, computed from the feature policies (never decided twice).
import type { Abilities } from '../../common/abilities';
import { can, type Actor } from './policy';
import { userPolicy } from '../users/policy';
import { auditPolicy } from '../audit/policy';
import { settingsPolicy } from '../settings/policy';
import { institutionPolicy } from '../institutions/policy';
import { reportPolicy } from '../hotline/policy';
import { mailboxPolicy } from '../mail/policy';
import { contactPolicy, helplinePolicy } from '../helpline/policy';
import { casePolicy } from '../cases/policy';
import { chatPolicy } from '../chat/policy';
import { advicePolicy } from '../advice/policy';
import { inboxPolicy } from '../email-intake/policy';
import {
  campaignPolicy,
  eventPolicy,
  peerEducatorPolicy,
  peerSessionPolicy,
  presentationRequestPolicy,
  preventionFiguresPolicy,
  quizPolicy,
  schoolPolicy,
} from '../prevention/policy';

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
    'contacts.list': can(contactPolicy, actor, 'list'),
    'contacts.create': can(contactPolicy, actor, 'create'),
    'cases.list': can(casePolicy, actor, 'list'),
    'chats.answer': can(chatPolicy, actor, 'answer'),
    'helpline.supervise': can(helplinePolicy, actor, 'supervise'),
    'advice.read': can(advicePolicy, actor, 'read'),
    'advice.edit': can(advicePolicy, actor, 'edit'),
    'inbox.read': can(inboxPolicy, actor, 'read'),
    'schools.list': can(schoolPolicy, actor, 'list'),
    'schools.manage': can(schoolPolicy, actor, 'manage'),
    'presentationRequests.list': can(presentationRequestPolicy, actor, 'list'),
    'events.list': can(eventPolicy, actor, 'list'),
    'events.create': can(eventPolicy, actor, 'create'),
    'campaigns.list': can(campaignPolicy, actor, 'list'),
    'campaigns.manage': can(campaignPolicy, actor, 'manage'),
    'quizzes.manage': can(quizPolicy, actor, 'manage'),
    'peerEducators.manage': can(peerEducatorPolicy, actor, 'manage'),
    'peerSessions.record': can(peerSessionPolicy, actor, 'record'),
    'prevention.figures': can(preventionFiguresPolicy, actor, 'read'),
  };
}
