// Staff passwords: argon2id (the library's default parameters follow OWASP's advice).
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash of a random password: checked when the username does not exist, so a wrong
// username takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
}

// No 0/o, 1/l/i: a temporary password is read out or copied by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function randomCode(groups: number, groupLength = 4): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) {
    let part = '';
    for (let i = 0; i < groupLength; i++) part += ALPHABET[crypto.randomInt(ALPHABET.length)];
    parts.push(part);
  }
  return parts.join('-');
}

/** 16 random characters (about 79 bits), in four groups. */
export const generateTemporaryPassword = () => randomCode(4);
