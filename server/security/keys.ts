// Keys derived from the one SECRET_KEY: field encryption (AES-256-GCM) for secrets and
// contact details at rest, and keyed hashes (HMAC-SHA-256) for values we must recognise but
// not keep (receipts, callers' phone numbers). Each purpose gets its own derived key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Keys {
  encryption: Buffer;
  hashing: Buffer;
}

export function deriveKeys(secretKeyBase64: string): Keys {
  const secret = Buffer.from(secretKeyBase64, 'base64');
  if (secret.length !== 32) throw new Error('SECRET_KEY must be 32 bytes');
  const derive = (info: string) => Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
  return { encryption: derive('bezbedno field encryption v1'), hashing: derive('bezbedno keyed hash v1') };
}

/** Demo mode keeps its generated key beside the embedded database (mode 600). */
export function loadOrCreateDemoSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = crypto.randomBytes(32).toString('base64');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

const VERSION = 'v1';

export function encryptField(keys: Keys, plaintext: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.encryption, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
}

export function decryptField(keys: Keys, stored: string): string {
  const [version, payload] = stored.split(':', 2);
  if (version !== VERSION || !payload) throw new Error('Unknown field encryption format');
  const raw = Buffer.from(payload, 'base64');
  const decipher = crypto.createDecipheriv('aes-256-gcm', keys.encryption, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** A keyed hash: recognisable with the key, meaningless without it. */
export function keyedHash(keys: Keys, purpose: string, value: string): string {
  return crypto.createHmac('sha256', keys.hashing).update(`${purpose}\u0000${value}`).digest('hex');
}

/** Plain SHA-256, for values that are already random and long (session tokens). */
export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
