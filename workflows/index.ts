// The workflow types the worker registers.
//
// Every workflow in a worker evaluates, for itself, the modules its bundle entry loads. A claim runs for days, a
// scholarship parks for a year at a time, thousands at once: so the scholarship is exported directly and the claim
// and reconciliation code are loaded on a workflow's first call only (webpack's require is synchronous and
// deterministic). A parked scholarship then costs about what a no-op workflow costs (npm run bench).
import type * as Accident from './accident';
import type * as Claim from './claim';
import type * as HistoryArchive from './history-archive';
import type * as Reconciliation from './reconciliation';
import type { AccidentInput } from '../vocabulary/accident';
import type { AccidentOutcome } from '../vocabulary/messages/accident';
import type { ClaimInput } from '../vocabulary/claim';
import type { ArchiveSweep } from '../vocabulary/activities';
import type { ClaimOutcome } from '../vocabulary/messages/claim';
import type { ReconciliationInput, ReconciliationSummary } from '../vocabulary/messages/reconciliation';

export { scholarshipWorkflow } from './scholarship';

export function claimWorkflow(input: ClaimInput): Promise<ClaimOutcome> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const claim = require('./claim') as typeof Claim;
  return claim.claimWorkflow(input);
}

export function reconciliationWorkflow(input?: ReconciliationInput): Promise<ReconciliationSummary> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const reconciliation = require('./reconciliation') as typeof Reconciliation;
  return reconciliation.reconciliationWorkflow(input);
}

export function historyArchiveWorkflow(): Promise<ArchiveSweep> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const archive = require('./history-archive') as typeof HistoryArchive;
  return archive.historyArchiveWorkflow();
}

export function accidentWorkflow(input: AccidentInput): Promise<AccidentOutcome> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const accident = require('./accident') as typeof Accident;
  return accident.accidentWorkflow(input);
}
