// TOTP (RFC 6238) for staff sign-in, with replay protection (a code works once) and
// single-use recovery codes stored as keyed hashes.
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Keys } from '../security/keys';
import { keyedHash } from '../security/keys';
import { randomCode } from './passwords';

export const TOTP_ISSUER = 'Bezbedno 19833';

export function newTotpSecret(): string {
  return generateSecret();
}

export async function totpSetupDetails(secret: string, username: string) {
  const otpauthUri = generateURI({ issuer: TOTP_ISSUER, label: username, secret });
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { secret, otpauthUri, qrCodeDataUrl };
}

/**
 * Checks a 6-digit code, allowing one step of clock drift either way. Returns the time step
 * that matched (store it: codes from that step or earlier are refused afterwards), or null.
 */
export async function checkTotp(secret: string, otp: string, lastStep: number | null): Promise<number | null> {
  const result = await verify({
    secret,
    token: otp,
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => randomCode(3));
}

export function recoveryCodeHash(keys: Keys, code: string): string {
  return keyedHash(keys, 'recovery-code', code.trim().toLowerCase());
}

export const isRecoveryCodeFormat = (otp: string) => /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/i.test(otp.trim());
