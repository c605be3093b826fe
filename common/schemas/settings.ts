// Settings administrators change at run time (the rest are environment settings, server/config.ts).
import { z } from 'zod';

export const settingsSchema = z
  .object({
    helplinePhone: z.string().trim().regex(/^[0-9 +()-]{3,20}$/).describe('Shown on every public page'),
    centreEmail: z.email().describe('Public contact address of the centre'),
    quickExitUrl: z.url({ protocol: /^https$/ }).describe('Neutral site the quick-exit button leaves for'),
    sessionIdleMinutes: z.number().int().min(5).max(240).describe('Staff sessions end after this much inactivity'),
    loginMaxFailures: z.number().int().min(3).max(20).describe('Failed sign-ins before the account locks'),
    loginLockMinutes: z.number().int().min(1).max(1440).describe('How long a locked account stays locked'),
    receiptInactivityDays: z.number().int().min(7).max(3650).describe('A report receipt stops working after this many days without use'),
    referralsNeedApproval: z.boolean().describe('A supervisor approves each referral an analyst prepares before it goes out'),
    urgentAcknowledgementHours: z.number().int().min(1).max(72).describe('An urgent referral must be acknowledged within this many hours, any day'),
    normalAcknowledgementWorkingDays: z.number().int().min(1).max(30).describe('A normal referral must be acknowledged within this many working days (Serbian holidays excluded)'),
    outcomeReminderDays: z.number().int().min(1).max(365).describe('Remind an institution of the outcome this many days after it acknowledged'),
    csamDailyLimitMinutes: z.number().int().min(30).max(480).describe('Warn an analyst after this much time on abuse-material reports in a day (INHOPE: 240)'),
    chatOpensAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM').describe('Live chat opens at (Belgrade time)'),
    chatClosesAt: z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'HH:MM').describe('Live chat closes at (Belgrade time)'),
    chatOnWeekends: z.boolean().describe('Live chat is open on Saturdays, Sundays and public holidays too'),
    chatTranscriptRetentionDays: z.number().int().min(1).max(3650).describe('Chat transcripts are deleted this many days after the chat ended'),
  })
  .meta({ id: 'Settings' });
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  helplinePhone: '19833',
  centreEmail: 'kontakt@bezbedno.example',
  quickExitUrl: 'https://www.google.com/',
  sessionIdleMinutes: 30,
  loginMaxFailures: 5,
  loginLockMinutes: 15,
  receiptInactivityDays: 180,
  csamDailyLimitMinutes: 240,
  referralsNeedApproval: false,
  urgentAcknowledgementHours: 4,
  normalAcknowledgementWorkingDays: 3,
  outcomeReminderDays: 30,
  chatOpensAt: '08:00',
  chatClosesAt: '20:00',
  chatOnWeekends: false,
  chatTranscriptRetentionDays: 365,
};

export const updateSettingsRequestSchema = settingsSchema.partial().strict();
export const settingsResponseSchema = z.object({ settings: settingsSchema });
