// When the live chat is open: settings give the daily hours (Belgrade time) and whether it
// opens on weekends and public holidays. Outside the hours the page says when to come back.
import type { Settings } from '../../common/schemas/settings';
import { isWorkingDay } from '../referrals/calendar';
import { localToUtc, wallClock } from '../../common/belgrade-time';

const TIME_ZONE = 'Europe/Belgrade';
const DAY_MS = 86_400_000;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export interface ChatHours {
  isOpen: boolean;
  /** The next time it opens, when closed now (within two weeks). */
  opensAt: Date | null;
  /** When it closes, when open now. */
  closesAt: Date | null;
}

export function chatHours(settings: Pick<Settings, 'chatOpensAt' | 'chatClosesAt' | 'chatOnWeekends'>, now = new Date()): ChatHours {
  const open = minutesOf(settings.chatOpensAt);
  const close = minutesOf(settings.chatClosesAt);
  const wall = wallClock(now.getTime(), TIME_ZONE);
  const dayStart = wall - (wall % DAY_MS);
  const isOpenDay = (ms: number) => settings.chatOnWeekends || isWorkingDay(new Date(ms).toISOString().slice(0, 10));
  const minutes = (wall - dayStart) / 60_000;
  if (open < close && isOpenDay(dayStart) && minutes >= open && minutes < close) {
    return { isOpen: true, opensAt: null, closesAt: localToUtc(dayStart + close * 60_000, TIME_ZONE) };
  }
  if (open >= close) return { isOpen: false, opensAt: null, closesAt: null };
  for (let d = 0; d <= 14; d++) {
    const day = dayStart + d * DAY_MS;
    if (!isOpenDay(day) || (d === 0 && minutes >= open)) continue;
    return { isOpen: false, opensAt: localToUtc(day + open * 60_000, TIME_ZONE), closesAt: null };
  }
  return { isOpen: false, opensAt: null, closesAt: null };
}
