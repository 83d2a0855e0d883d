// The family's tracking code: random, shown once, stored as an scrypt hash, compared in constant time.
import { randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L: easy to read out over the phone. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const TRACKING_CODE_LENGTH = 12;

export function randomCode(length: number, alphabet = ALPHABET): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function newTrackingCode(): string {
  return randomCode(TRACKING_CODE_LENGTH);
}

const KEY_LENGTH = 32;
const COST = { N: 16384, r: 8, p: 1 };

export function hashTrackingCode(code: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(code, salt, KEY_LENGTH, COST);
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

let decoy: string | undefined;

/** A hash no code matches, checked when there is no claim: an unknown claim takes as long as a wrong code. */
export function decoyTrackingCodeHash(): string {
  decoy ??= hashTrackingCode(newTrackingCode());
  return decoy;
}

export function verifyTrackingCode(code: string, stored: string): boolean {
  const [scheme, salt, expected] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !expected) return false;
  const wanted = Buffer.from(expected, 'base64url');
  const actual = scryptSync(code, Buffer.from(salt, 'base64url'), wanted.length, COST);
  return timingSafeEqual(actual, wanted);
}
