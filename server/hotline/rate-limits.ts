// The public limits, shared by the JSON API and the HTML form (one counter per purpose), so
// neither is a way around the other. Addresses are kept only in memory, as keyed hashes.
import type { AppContext } from '../context';
import { perAddressLimit } from '../http/rate-limit';

const HOUR = 3_600_000;

export function publicRateLimits(ctx: AppContext) {
  return {
    submission: perAddressLimit(ctx, 'public-submission', ctx.config.publicRateLimitPerHour, HOUR),
    followUp: perAddressLimit(ctx, 'public-follow-up', ctx.config.followUpRateLimitPerHour, HOUR),
    challenge: perAddressLimit(ctx, 'public-challenge', Math.max(60, ctx.config.publicRateLimitPerHour * 6), HOUR),
  };
}
