// Mints a development staff token: npm run token -- --role officer --sub officer-1 [--expires 8h]
import { parseArgs } from 'node:util';
import { signStaffToken } from '../api/middleware/auth';
import { loadConfig } from '../config';
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
const config = loadConfig();
const sub = values.sub ?? `${role}-1`;
console.log(signStaffToken(config.AUTH_SECRET, { id: sub, role }, values.expires as `${number}h`));
