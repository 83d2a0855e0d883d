// Staff: bearer JWT (HS256, AUTH_SECRET) with sub and role. Families: claim number + tracking code.
import { createSecretKey, type KeyObject } from 'node:crypto';
import type { Request } from 'express';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { STAFF_ROLES, type StaffRole } from '../../vocabulary/actors';
import { staffId } from '../../vocabulary/primitives';
import { problems } from './problem';

export interface Staff {
  id: string;
  role: StaffRole;
}

const claimsSchema = z.object({
  sub: staffId,
  role: z.enum(STAFF_ROLES),
  // A token without an expiry would be valid for ever: refused like an expired one.
  exp: z.number(),
});

export function signStaffToken(
  secret: string,
  staff: Staff,
  expiresIn: jwt.SignOptions['expiresIn'] = '8h',
): string {
  return jwt.sign({ role: staff.role }, secret, { algorithm: 'HS256', subject: staff.id, expiresIn });
}

const secretKeys = new Map<string, KeyObject>();

/**
 * The secret as a KeyObject, made once: given a string, jsonwebtoken first tries it as a PEM public key, which throws,
 * on every verify (bench/status: a third of the staff view's CPU time).
 */
function secretKey(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    secretKeys.set(secret, key);
  }
  return key;
}

export function staffFromRequest(req: Request, secret: string): Staff | undefined {
  const header = req.get('authorization');
  if (!header) return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
  if (!match) throw problems.unauthorized('The Authorization header must be "Bearer <token>".');
  let payload: unknown;
  try {
    payload = jwt.verify(match[1]!, secretKey(secret), { algorithms: ['HS256'] });
  } catch {
    throw problems.unauthorized('The token is invalid or expired.');
  }
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) throw problems.unauthorized('The token has no valid sub, role and expiry.');
  return { id: parsed.data.sub, role: parsed.data.role };
}

declare module 'express-serve-static-core' {
  interface Request {
    staff?: Staff;
  }
}

/** The staff member, if the token carries one of the roles: 401 without a valid token, 403 for another role. */
export function authorizeStaff(req: Request, secret: string, roles: readonly StaffRole[]): Staff {
  const staff = staffFromRequest(req, secret);
  if (!staff) throw problems.unauthorized('A staff bearer token is required.');
  if (!roles.includes(staff.role)) throw problems.forbidden(`This needs the role ${roles.join(' or ')}.`);
  return staff;
}
