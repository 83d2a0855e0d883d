// Once per `jest` run: Temporal binaries located, the web pages built when stale (for test/web), the test database
// template migrated, workflows bundled.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createDb, dropDatabase, ensureDatabase } from '../../db/config';
import { bundlePath, templateUrl } from './paths';

export default async function globalSetup(): Promise<void> {
  execFileSync(process.execPath, ['scripts/temporal-binaries.mjs'], { stdio: 'ignore' });
  execFileSync(process.execPath, ['scripts/web-build.mjs'], { stdio: 'inherit' });

  await dropDatabase(templateUrl());
  await ensureDatabase(templateUrl());
  const db = createDb(templateUrl());
  try {
    await db.migrate.latest();
  } finally {
    await db.destroy();
  }

  // The production bundler (`npm run build`), failure converter included.
  const { buildWorkflowBundle } = await import('../../workflow-bundle');
  const code = await buildWorkflowBundle();
  mkdirSync(dirname(bundlePath), { recursive: true });
  writeFileSync(bundlePath, code);
}
