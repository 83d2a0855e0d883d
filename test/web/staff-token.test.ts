// The sign-in page's reading of a staff token (web/src/staff/token.ts): the role shown comes from the token's claims,
// the development token's and an identity provider's alike; a malformed, role-less or expired token is named as such.
import { generateKeyPair, SignJWT } from 'jose';
import { signStaffToken } from '../../api/middleware/auth';
import { readToken } from '../../web/src/staff/token';

const SECRET = 'test-secret-at-least-16-chars';

it('reads the id, role and expiry of an `npm run token` development token', () => {
  const session = readToken(`  ${signStaffToken(SECRET, { id: 'officer-7', role: 'officer' }, '1h')}\n`);
  expect(session).toMatchObject({ id: 'officer-7', role: 'officer' });
  expect(typeof session !== 'string' && session.expires * 1000).toBeGreaterThan(Date.now());
  expect(typeof session !== 'string' && session.token).not.toMatch(/\s/);
});

it("reads the role from an identity provider's roles claim (realm_access.roles), as one staff role among others", async () => {
  const { privateKey } = await generateKeyPair('RS256');
  const token = await new SignJWT({ realm_access: { roles: ['offline_access', 'auditor'] } })
    .setProtectedHeader({ alg: 'RS256' })
    .setSubject('a.auditor')
    .setExpirationTime('1h')
    .sign(privateKey);
  expect(readToken(token)).toMatchObject({ id: 'a.auditor', role: 'auditor' });
});

it('names what is wrong: not a JWT, no single staff role, or expired', () => {
  expect(readToken('not-a-token')).toBe('malformed');
  expect(readToken('a.b.c')).toBe('malformed');
  const twoRoles = `x.${Buffer.from(JSON.stringify({ sub: 's', roles: ['officer', 'supervisor'], exp: 4102444800 })).toString('base64url')}.y`;
  expect(readToken(twoRoles)).toBe('no-role');
  const expired = signStaffToken(SECRET, { id: 'officer-1', role: 'officer' }, '1h');
  expect(readToken(expired, Date.now() + 2 * 3600 * 1000)).toBe('expired');
});
