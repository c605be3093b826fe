// The per-address limit on presentation requests, one counter for the JSON API and the HTML
// form together (the shared in-memory store of server/http/rate-limit.ts; addresses only as
// keyed hashes, never stored). Each accepted request sends an e-mail, so the limit also keeps
// the form from being used to flood someone's mailbox.
import type { AppContext } from '../../context';
import { perAddressLimit } from '../../http/rate-limit';

const HOUR = 3_600_000;

export const requestRateLimit = (ctx: AppContext) => perAddressLimit(ctx, 'presentation-request', ctx.config.publicRateLimitPerHour, HOUR);
