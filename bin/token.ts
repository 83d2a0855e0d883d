// Mints a development staff token: npm run token -- --role officer --sub officer-1 [--expires 8h]
import { parseArgs } from 'node:util';
import { signStaffToken } from '../api/middleware/auth';
import { loadEntryPointConfig } from '../config';
import { STAFF_ROLES } from '../vocabulary/actors';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'officer' },
    sub: { type: 'string' },
    expires: { type: 'string', default: '8h' },
  },
});
const role = STAFF_ROLES.find((r) => r === values.role);
if (!role) {
  console.error(`--role must be one of ${STAFF_ROLES.join(', ')}`);
  process.exit(2);
}
// A development tool: development unless NODE_ENV says otherwise, and then it refuses (config names NODE_ENV).
const config = loadEntryPointConfig('token', { NODE_ENV: 'development', ...process.env });
const sub = values.sub ?? `${role}-1`;
console.log(
  signStaffToken(config.DEVELOPMENT_AUTH_SECRET, { id: sub, role }, values.expires as `${number}h`),
);
