// The family's tracking code: random (12 letters from 31, about 59 bits), shown once, stored as HMAC-SHA-256 under
// a server secret and compared in constant time. A keyed fast hash, not a slow KDF: the code is a high-entropy token,
// not a password, and guessing is held back by the rate limits (rate-limit.ts). The one module that hashes and checks.
import { createHmac, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L: easy to read out over the phone. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const TRACKING_CODE_LENGTH = 12;

/** What `npm start` and the tests use when TRACKING_CODE_SECRET is unset; production refuses to start without it. */
export const DEV_TRACKING_CODE_SECRET = 'santunan-dev-tracking-code-secret-change-me';

export function randomCode(length: number, alphabet = ALPHABET): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function newTrackingCode(): string {
  return randomCode(TRACKING_CODE_LENGTH);
}

const HMAC = 'hmac';
/** Hashes written before the HMAC: `scrypt$salt$hash`. Still accepted, and replaced by an HMAC on first use. */
const LEGACY = 'scrypt';
const LEGACY_COST = { N: 16384, r: 8, p: 1 };

function mac(code: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(code, 'utf8').digest();
}

/** `hmac$<base64url of HMAC-SHA-256(secret, code)>`: the same code gives the same hash, so SQL can compare it. */
export function hashTrackingCode(code: string, secret: string): string {
  return `${HMAC}$${mac(code, secret).toString('base64url')}`;
}

/** A hash written before the HMAC (scrypt): verifying it costs one scrypt, after which it should be replaced. */
export function isLegacyTrackingCodeHash(stored: string): boolean {
  return stored.startsWith(`${LEGACY}$`);
}

function scryptAsync(code: string, salt: Buffer, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(code, salt, length, LEGACY_COST, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/**
 * Whether `code` is the one `stored` was made from, in constant time. No stored hash (an unknown claim) costs one
 * HMAC, as a wrong code does; only a legacy scrypt hash costs a scrypt, off the event loop.
 */
export async function verifyTrackingCode(
  code: string,
  stored: string | undefined,
  secret: string,
): Promise<boolean> {
  const actual = mac(code, secret);
  if (stored === undefined || !isLegacyTrackingCodeHash(stored)) {
    const [scheme, expected] = (stored ?? '').split('$');
    const wanted =
      scheme === HMAC && expected ? Buffer.from(expected, 'base64url') : Buffer.alloc(actual.length);
    return wanted.length === actual.length && timingSafeEqual(actual, wanted) && stored !== undefined;
  }
  const [, salt, expected] = stored.split('$');
  if (!salt || !expected) return false;
  const wanted = Buffer.from(expected, 'base64url');
  const legacy = await scryptAsync(code, Buffer.from(salt, 'base64url'), wanted.length);
  return timingSafeEqual(legacy, wanted);
}
