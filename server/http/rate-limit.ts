// Rate limits keep addresses in this process's memory only, as keyed hashes, for the length
// of the window; nothing about the address is stored or logged. One store serves every route
// (the plugin's default gives each route its own), so a limit named by `purpose` counts the
// JSON API and the HTML form together.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { keyedHash } from '../security/keys';
import { HttpError } from './errors';

interface Window {
  current: number;
  resetAt: number;
}

export class MemoryRateStore {
  private readonly windows = new Map<string, Window>();

  incr(key: string, callback: (error: Error | null, result: { current: number; ttl: number }) => void, timeWindow: number): void {
    const now = Date.now();
    if (this.windows.size > 50_000) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { current: 0, resetAt: now + timeWindow };
      this.windows.set(key, window);
    }
    window.current++;
    callback(null, { current: window.current, ttl: window.resetAt - now });
  }

  child(): MemoryRateStore {
    return this;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

/** At most `max` requests per address per window for one purpose (a minute unless given). */
export function perAddressLimit(ctx: AppContext, purpose: string, max: number, windowMs = 60_000) {
  return {
    max,
    timeWindow: windowMs,
    keyGenerator: (request: FastifyRequest) => `${purpose}:${keyedHash(ctx.keys, 'rate-limit', request.ip)}`,
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HttpError(429, 'rate_limited', `Too many attempts. Try again in ${seconds} seconds.`, undefined, seconds);
    },
  };
}
