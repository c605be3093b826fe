// Rate limits keep addresses in this process's memory only, as keyed hashes, for the length
// of the window; nothing about the address is stored or logged.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { keyedHash } from '../security/keys';
import { HttpError } from './errors';

export function rateLimitPerMinute(ctx: AppContext, max: number, windowMs = 60_000) {
  return {
    max,
    timeWindow: windowMs,
    keyGenerator: (request: FastifyRequest) => keyedHash(ctx.keys, 'rate-limit', request.ip),
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HttpError(429, 'rate_limited', `Too many attempts. Try again in ${seconds} seconds.`, undefined, seconds);
    },
  };
}
