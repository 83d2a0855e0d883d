// The ceiling of bench/claims.ts: a workflow that does nothing but take a claim's shape, the same activities (regular
// or local) at the same places around the same two updates (verify, decide), each activity a no-op. What it reaches
// on a dev server is what that shape allows, whatever the code inside the activities.
import {
  condition,
  defineUpdate,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';

/** One activity of the shape: a regular activity (a task on the queue) or a local one (run inside the workflow task). */
export type Call = 'activity' | 'local';

/** Where a claim's activities fall: before the documents, in the verify update, before the decision, in the decide update, after it. */
export interface ClaimShape {
  intake: Call[];
  verify: Call[];
  assess: Call[];
  decide: Call[];
  pay: Call[];
}

export const verifyNoop = defineUpdate<void>('verify');
export const decideNoop = defineUpdate<void>('decide');

const regular = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '30s' });
const local = proxyLocalActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '30s' });

async function run(calls: Call[]): Promise<void> {
  for (const call of calls) await (call === 'local' ? local : regular).noop();
}

export async function claimShapedNoop(shape: ClaimShape): Promise<void> {
  let stage: 'intake' | 'documents' | 'verified' | 'decision' | 'decided' = 'intake';
  // As the claim's validators do, an update sent too early is refused before it enters the history (the driver retries).
  setHandler(
    verifyNoop,
    async () => {
      await run(shape.verify);
      stage = 'verified';
    },
    { validator: () => void (stage !== 'documents' && refuse()) },
  );
  setHandler(
    decideNoop,
    async () => {
      await run(shape.decide);
      stage = 'decided';
    },
    { validator: () => void (stage !== 'decision' && refuse()) },
  );
  await run(shape.intake);
  stage = 'documents';
  await condition(() => stage === 'verified');
  await run(shape.assess);
  stage = 'decision';
  await condition(() => stage === 'decided');
  await run(shape.pay);
}

function refuse(): never {
  throw new Error('not yet');
}
