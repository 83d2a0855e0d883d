// A claim's shape: how many round trips to the Temporal server it costs (issue 14; npm run bench, bench/claims.ts).
// Runs started with patch 'claim-shape-fewer-round-trips' record their steps with local activities (short idempotent
// database writes, inside the workflow task), each step in the write of the activity doing it (membership with its
// due date, a payout with its payout_paid event, the close with the family's notice). Transfers stay regular
// activities with their heartbeats and retries. Runs started before keep their regular activities to the end.
import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { LOCAL_RECORDING, RECORDING } from './activity-options';
import type { ClaimCase } from './claim-case';

export const CLAIM_SHAPE_PATCH = 'claim-shape-fewer-round-trips';

const regular = proxyActivities<Activities>(RECORDING);
const local = proxyLocalActivities<Activities>(LOCAL_RECORDING);

/** Whether this run takes the new shape: evaluated once, at the run's start, before its first await. */
export function takesFewerRoundTrips(): boolean {
  return patched(CLAIM_SHAPE_PATCH);
}

/** The claim's database writes: local activities in the new shape, regular ones in a run started before it. */
export function recorder(claim: ClaimCase): typeof regular {
  return claim.fewerRoundTrips ? local : regular;
}
