// Part of `npm run build`: bundles the workflows once, into dist/workflows.bundle.js (or the path given), for the
// workers and the replayer to load instead of bundling at every start.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildWorkflowBundle } from '../workflow-bundle';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'dist/workflows.bundle.js');
  const code = await buildWorkflowBundle();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`workflow bundle: ${out} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
