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

  const { bundleWorkflowCode } = await import('@temporalio/worker');
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    // Workflow failures encode their messages, as in production (codec/failure-converter.ts).
    failureConverterPath: require.resolve('../../codec/failure-converter'),
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
  });
  mkdirSync(dirname(bundlePath), { recursive: true });
  writeFileSync(bundlePath, code);
}
