// The hotline's codes: stable (the API and stored records use them), shown translated.
export const REPORT_CATEGORIES = ['csam', 'grooming', 'sextortion', 'cyberbullying', 'hate-speech', 'harmful-content', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const PLATFORMS = ['social-network', 'messaging', 'game', 'website', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const CHILD_AGE_GROUPS = ['under-6', '6-9', '10-12', '13-15', '16-17'] as const;
export type ChildAgeGroup = (typeof CHILD_AGE_GROUPS)[number];

/** Screenshots help only where the harm is in messages or posts, never for abuse material. */
export const ATTACHMENT_CATEGORIES: readonly ReportCategory[] = ['cyberbullying', 'hate-speech', 'sextortion'];
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;
export const ATTACHMENT_MAX_COUNT = 3;

/** Categories where a link is the report itself. */
export const LINK_REQUIRED_CATEGORIES: readonly ReportCategory[] = ['csam'];

export const REPORT_STATUSES = ['new', 'in-review', 'waiting-reporter', 'forwarded', 'closed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What the reporter sees of the status, in plain words. */
export const PUBLIC_STATUSES = ['received', 'being-reviewed', 'forwarded', 'closed'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];
export const publicStatus = (status: ReportStatus): PublicStatus =>
  status === 'new' ? 'received' : status === 'forwarded' ? 'forwarded' : status === 'closed' ? 'closed' : 'being-reviewed';

export const CLASSIFICATIONS = [
  'csam-baseline',
  'csam-national',
  'csam-not-illegal',
  'grooming',
  'sextortion',
  'cyberbullying',
  'hate-speech',
  'harmful-content',
  'not-harmful',
] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const VICTIM_AGE_GROUPS = ['infant-toddler', 'pre-pubescent', 'pubescent', 'unknown'] as const;
export const VICTIM_GENDERS = ['female', 'male', 'both', 'unknown'] as const;
export const SITE_TYPES = ['website', 'image-host', 'file-host', 'social-network', 'forum', 'chat', 'p2p', 'other'] as const;

export const CLOSE_REASONS = ['not-harmful', 'out-of-scope', 'duplicate', 'no-content-found', 'content-removed', 'forwarded-elsewhere', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** The 16-digit receipt, shown in groups of four; spaces and dashes are ignored when typed back. */
export const normalizeReceipt = (typed: string) => typed.replace(/[\s-]/g, '');
export const RECEIPT_PATTERN = /^\d{16}$/;
