// What a workflow evaluates. Each cached workflow evaluates, for itself, every module its workflow type loads
// (workflows/index.ts loads each type's code on its first call), and zod alone is about 770 KB of that: with zod, a
// parked scholarship cost 1.4 MB against a no-op's 265 KB, and 5,000 of them ran the worker out of heap (npm run
// bench: bench/scholarships). So neither a scholarship nor a claim loads zod at start: a claim's checks are zod-free
// and load their schema only for input they do not take (vocabulary/claim-check.ts).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

const root = join(__dirname, '../..');
const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} };

/**
 * The packages loading the module evaluates, in a fresh Node process: what webpack's bundle evaluates too (a
 * top-level import is evaluated at once, a require inside a function only when that function runs).
 */
function packagesLoadedBy(module: string): string[] {
  const script = `require(${JSON.stringify(join(root, module))});
    const names = Object.keys(require.cache).flatMap((path) => {
      const match = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(path);
      return match ? [match[1]] : [];
    });
    console.log(JSON.stringify([...new Set(names)]));`;
  const output = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root });
  return JSON.parse(output.toString()) as string[];
}

describe('the modules a workflow type loads', () => {
  it('neither a scholarship nor a claim loads zod as it starts; an accident case still does', () => {
    const scholarship = packagesLoadedBy('workflows/scholarship');
    expect(scholarship).toContain('@temporalio/workflow');
    expect(scholarship).not.toContain('zod');
    expect(packagesLoadedBy('workflows/claim')).not.toContain('zod');
    // The check can fail: the accident case validates its input with the API's zod schema.
    expect(packagesLoadedBy('workflows/accident')).toContain('zod');
  });

  it("the scholarship's bundle holds no zod at all", async () => {
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../workflows/scholarship'),
      logger: quiet,
    });
    expect(code).toContain('./node_modules/@temporalio/workflow/');
    expect(code).not.toContain('./node_modules/zod/');
  });
});
