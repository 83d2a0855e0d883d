// What a parked scholarship evaluates. Each cached workflow evaluates, for itself, every module its workflow type
// loads (workflows/index.ts loads the claim, accident and reconciliation code only on their first call), and zod alone
// is about 770 KB of that: with zod, a parked scholarship cost 1.4 MB against a no-op's 265 KB, and 5,000 of them ran
// the worker out of heap (npm run bench: bench/scholarships). So the scholarship's modules must not reach zod.
import { bundleWorkflowCode } from '@temporalio/worker';

const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} };

/** The node_modules packages a bundle of `workflowsPath` holds (webpack names each module by its path). */
async function packagesIn(workflowsPath: string): Promise<Set<string>> {
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve(workflowsPath), logger: quiet });
  return new Set([...code.matchAll(/"\.\/node_modules\/((?:@[^/"]+\/)?[^/"]+)\//g)].map((m) => m[1]!));
}

describe('the modules a workflow type loads', () => {
  it('a scholarship does not load zod; a claim, which validates its input with the API schema, does', async () => {
    const scholarship = await packagesIn('../../workflows/scholarship');
    expect(scholarship).toContain('@temporalio/workflow');
    expect(scholarship).not.toContain('zod');
    // The check can fail: the claim's own modules reach zod.
    expect(await packagesIn('../../workflows/claim')).toContain('zod');
  });
});
