// npm run bench: runs each bench/*.ts in turn, each in its own process; exits non-zero if one fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const benches = readdirSync(__dirname)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .sort();
let failed = 0;
for (const bench of benches) {
  console.log(`\n== bench/${bench}`);
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, bench)], {
    stdio: 'inherit',
  });
  if (status !== 0) failed += 1;
}
process.exitCode = failed > 0 ? 1 : 0;
