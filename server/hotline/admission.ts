// Public submissions may use only part of the database connections, so a flood of reports
// (from many addresses, past the per-address limit) cannot starve the staff console: the
// rest of the pool stays free for staff. Past a short queue, a submission is refused with a
// 429 that says when to retry, instead of waiting without end.
import pLimit, { type LimitFunction } from 'p-limit';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';

export interface Admission {
  run<T>(work: () => Promise<T>): Promise<T>;
}

const admissions = new WeakMap<AppContext, Admission>();

/** The one admission of this process: the JSON API and the HTML form share it. */
export function publicAdmission(ctx: AppContext): Admission {
  let admission = admissions.get(ctx);
  if (!admission) {
    admission = createAdmission(ctx);
    admissions.set(ctx, admission);
  }
  return admission;
}

function createAdmission(ctx: AppContext): Admission {
  // PGlite has one connection for everything: there a single slot keeps the queue fair.
  const slots = ctx.database.kind === 'pglite' ? 1 : Math.max(1, Math.floor(ctx.config.databasePoolSize / 2));
  const limit: LimitFunction = pLimit(slots);
  const maxWaiting = slots * 20;
  return {
    run(work) {
      if (limit.pendingCount >= maxWaiting) {
        return Promise.reject(new HttpError(429, 'busy', 'Many reports are arriving right now. Please try again in a minute.', undefined, 30));
      }
      return limit(work);
    },
  };
}
