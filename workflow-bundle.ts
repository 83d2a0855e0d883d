// The workflow bundle: built once by `npm run build` (bin/bundle.ts) and loaded by workers and the replayer, so no
// production process runs webpack at start-up. Bundling from source remains for development and tests only.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleOption } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from './codec/data-converter';
import { isDevelopment, type Settings } from './config';

/**
 * Where `npm run build` writes the bundle: dist/workflows.bundle.js, beside this file compiled. Run from source (tsx)
 * the path is <root>/workflows.bundle.js, which nothing writes, so a source run bundles its own current workflow code
 * rather than an older build.
 */
export const BUILT_BUNDLE_PATH = join(__dirname, 'workflows.bundle.js');

const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} };

/** Bundles the workflows with the production failure converter (workflow failures encode their messages). */
export async function buildWorkflowBundle(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('./workflows'),
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: quiet,
  });
  return code;
}

export type BundleSettings = Pick<Settings, 'NODE_ENV' | 'WORKFLOW_BUNDLE_PATH'>;

/**
 * The prebuilt bundle (WORKFLOW_BUNDLE_PATH, else BUILT_BUNDLE_PATH). Without one, development and tests bundle from
 * source, and anything else stops, saying how to build it.
 */
export async function loadWorkflowBundle(settings: BundleSettings): Promise<WorkflowBundleOption> {
  const path = settings.WORKFLOW_BUNDLE_PATH ?? BUILT_BUNDLE_PATH;
  if (existsSync(path)) return { codePath: path };
  if (settings.WORKFLOW_BUNDLE_PATH !== undefined)
    throw new Error(`WORKFLOW_BUNDLE_PATH: no workflow bundle at ${settings.WORKFLOW_BUNDLE_PATH}`);
  if (isDevelopment(settings)) return { code: await buildWorkflowBundle() };
  throw new Error(
    `No workflow bundle at ${path}: run \`npm run build\` and start the compiled code (node dist/bin/worker.js), ` +
      'or set WORKFLOW_BUNDLE_PATH; bundling from source is for NODE_ENV=development or test only',
  );
}
