// ReconciliationWorkflow: one Jakarta day of the payout ledger against the gateway's statement. A Temporal
// Schedule starts it every night for the day before; an operator may start it for any day.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { type ActivityOptions, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { jakartaDate } from '../rules';
import { FailureType } from '../vocabulary/failures';
import type { ReconciliationInput, ReconciliationSummary } from '../vocabulary/messages/reconciliation';
import { inOrder, isRealDate, isRecordOf, optional } from '../rules/checks';
import { parseWorkflowInput } from './input';
import type * as InputSchemas from './input-schemas';

// Reading a day's statement and ledger and writing the report: retried until the gateway and PostgreSQL answer.
const reconciling: ActivityOptions = {
  startToCloseTimeout: '5m',
  retry: {
    initialInterval: '10s',
    maximumInterval: '10m',
    nonRetryableErrorTypes: [FailureType.InvalidInput],
  },
};

const { reconcileDay } = proxyActivities<Activities>(reconciling);

const scheduledStartTime = defineSearchAttributeKey(
  'TemporalScheduledStartTime',
  SearchAttributeType.DATETIME,
);

/**
 * Fails the workflow at once (not retried) when started with input that is not a reconciliation request. Checked
 * without zod; the schema (./input-schemas) is loaded only to refuse, naming the field.
 */
export function validateReconciliationInput(input: unknown): ReconciliationInput {
  const value = input ?? {};
  if (isRecordOf(value, ['date']) && optional(value.date, isRealDate)) return inOrder(value, ['date']);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { reconciliationInputSchema } = require('./input-schemas') as typeof InputSchemas;
  return parseWorkflowInput(reconciliationInputSchema, value, 'reconciliation');
}

export async function reconciliationWorkflow(rawInput?: ReconciliationInput): Promise<ReconciliationSummary> {
  const input = validateReconciliationInput(rawInput);
  // A scheduled run (even one caught up late) reconciles the day before the time it was scheduled for.
  const startedFor = workflowInfo().typedSearchAttributes.get(scheduledStartTime)?.getTime() ?? Date.now();
  const date = input.date ?? jakartaDate(startedFor - 24 * 60 * 60 * 1000);
  return reconcileDay(date);
}
