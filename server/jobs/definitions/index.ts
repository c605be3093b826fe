// Every job the platform knows. Later features add their definitions here.
import type { JobDefinition } from '../index';
import { expireSessionsJob } from './expire-sessions';
import { verifyAuditChainJob } from './verify-audit-chain';
import { sendMailJob } from './send-mail';
import { referralDeadlinesJob } from './referral-deadlines';
import { fetchInboxJob } from './fetch-inbox';
import { chatHousekeepingJob } from './chat-housekeeping';
import { eventRemindersJob } from './event-reminders';

export const jobDefinitions: JobDefinition[] = [expireSessionsJob, verifyAuditChainJob, sendMailJob, referralDeadlinesJob, fetchInboxJob, chatHousekeepingJob, eventRemindersJob] as JobDefinition[];
