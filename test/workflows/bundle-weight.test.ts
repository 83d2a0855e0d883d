// What a workflow evaluates. Each cached workflow evaluates, for itself, every module its workflow type loads
// (workflows/index.ts loads each type's code on its first call), and zod alone is about 770 KB of that: with zod, a
// parked scholarship cost 1.4 MB against a no-op's 265 KB, and 5,000 of them ran the worker out of heap (npm run
// bench: bench/scholarships). So no workflow type loads zod as it starts: the checks of a claim's and an accident
// case's input are zod-free and load their schema only for input they refuse (vocabulary/claim-check.ts,
// vocabulary/accident-check.ts).
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
  it.each(['scholarship', 'claim', 'accident', 'reconciliation', 'history-archive'])(
    'workflows/%s loads no zod as it starts',
    (type) => {
      const packages = packagesLoadedBy(`workflows/${type}`);
      expect(packages).toContain('@temporalio/workflow');
      expect(packages).not.toContain('zod');
    },
  );

  it('the check can fail: the schemas the API validates with load zod', () => {
    expect(packagesLoadedBy('vocabulary/claim')).toContain('zod');
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
