// The scholarship bench's bundle: the application's workflows plus the ceiling, a workflow that does nothing but
// wait for a signal. Both live in one bundle, so the comparison is of the workflows, not of the bundles.
import { condition, defineSignal, setHandler } from '@temporalio/workflow';

export * from '../../workflows';

export const releaseSignal = defineSignal('release');

export async function parkedWorkflow(): Promise<void> {
  let released = false;
  setHandler(releaseSignal, () => {
    released = true;
  });
  await condition(() => released);
}
