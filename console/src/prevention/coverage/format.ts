// Numbers, shares and periods on the coverage screen, in the interface's language; the quick
// periods are Belgrade calendar days.
import type { Language } from '../../../../common/i18n';
import { belgradeToday } from '../../helpline/format';
import type { Period } from './api';

export { formatCount } from '../format';

/** A share (0–1) as a percentage with at most one decimal; a dash when there is none. */
export const formatShare = (value: number | null, language: Language) =>
  value === null ? '—' : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);

export function thisYear(today = belgradeToday()): Period {
  const year = today.slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function lastYear(today = belgradeToday()): Period {
  const year = String(Number(today.slice(0, 4)) - 1);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** From the same day a year ago (as the list of municipalities with no activity counts) to today. */
export function lastTwelveMonths(today = belgradeToday()): Period {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return { from: date.toISOString().slice(0, 10), to: today };
}

export const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
