// A cheap proof of work for public submissions, so a flood costs the sender CPU time and
// needs no third-party CAPTCHA (which would leak reporters to a third party). Challenges are
// stateless (HMAC-signed, with issue time and difficulty); a solved challenge is spent once.
// Without JavaScript the form cannot compute the work: there, the challenge must simply be
// old enough (a person reading and filling in the form), and the per-address limit applies.
import crypto from 'node:crypto';
import type { Keys } from '../security/keys';
import { keyedHash } from '../security/keys';
import { HttpError } from '../http/errors';

export const CHALLENGE_TTL_SECONDS = 60 * 60;
/** The no-JavaScript form's stand-in for the work: at least this long between page and send. */
export const FORM_MIN_SECONDS = 4;

export function issueChallenge(keys: Keys, difficulty: number, now = Date.now()) {
  const issued = Math.floor(now / 1000);
  const body = `${issued}.${difficulty}.${crypto.randomBytes(12).toString('hex')}`;
  const challenge = `${body}.${keyedHash(keys, 'pow', body).slice(0, 32)}`;
  return { challenge, difficulty, expiresAt: new Date((issued + CHALLENGE_TTL_SECONDS) * 1000).toISOString() };
}

export function leadingZeroBits(hash: Buffer): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export function solve(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    const nonce = n.toString(36);
    if (leadingZeroBits(crypto.createHash('sha256').update(`${challenge}:${nonce}`).digest()) >= difficulty) return nonce;
  }
}

const refused = (message: string) => new HttpError(400, 'pow_invalid', message, { pow: message });

/**
 * Checks a solution and returns the key under which it is spent (the caller inserts it in
 * the submission's transaction, so a challenge works once, across processes).
 */
export function checkSolution(
  keys: Keys,
  required: number,
  pow: { challenge: string; nonce?: string | undefined } | undefined,
  options: { allowWaitInsteadOfWork?: boolean } = {},
  now = Date.now(),
): string | null {
  if (required === 0) return null;
  if (!pow) throw refused('Proof of work missing: get a challenge from GET /api/v1/reports/challenge');
  const parts = pow.challenge.split('.');
  if (parts.length !== 4) throw refused('Malformed challenge');
  const [issued, difficulty, , mac] = parts as [string, string, string, string];
  const body = parts.slice(0, 3).join('.');
  const expected = keyedHash(keys, 'pow', body).slice(0, 32);
  if (mac.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) {
    throw refused('Challenge not issued here');
  }
  const age = now / 1000 - Number(issued);
  if (age > CHALLENGE_TTL_SECONDS || age < -60) throw refused('Challenge expired: get a new one');
  if (Number(difficulty) < required) throw refused('Challenge too easy: get a new one');
  if (pow.nonce) {
    const hash = crypto.createHash('sha256').update(`${pow.challenge}:${pow.nonce}`).digest();
    if (leadingZeroBits(hash) < Number(difficulty)) throw refused('The work does not solve the challenge');
  } else if (!options.allowWaitInsteadOfWork || age < FORM_MIN_SECONDS) {
    throw refused(options.allowWaitInsteadOfWork ? 'Sent too fast: please check the form and send it again' : 'Proof of work missing');
  }
  return keyedHash(keys, 'pow-spent', pow.challenge);
}
