// ReconciliationWorkflow: one Jakarta day of the payout ledger against the gateway's statement. A Temporal
// Schedule starts it every night for the day before; an operator may start it for any day.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { type ActivityOptions, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { z } from 'zod';
import type { Activities } from '../activities';
import { jakartaDate } from '../rules';
import { FailureType } from '../vocabulary/failures';
import type { ReconciliationInput, ReconciliationSummary } from '../vocabulary/messages/reconciliation';
import { parseWorkflowInput } from './input';
import { isoDate } from '../vocabulary/primitives';

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

const reconciliationInputSchema = z.strictObject({ date: isoDate.optional() });

/** Fails the workflow at once (not retried) when started with input that is not a reconciliation request. */
export function validateReconciliationInput(input: unknown): ReconciliationInput {
  return parseWorkflowInput(reconciliationInputSchema, input ?? {}, 'reconciliation');
}

export async function reconciliationWorkflow(rawInput?: ReconciliationInput): Promise<ReconciliationSummary> {
  const input = validateReconciliationInput(rawInput);
  // A scheduled run (even one caught up late) reconciles the day before the time it was scheduled for.
  const startedFor = workflowInfo().typedSearchAttributes.get(scheduledStartTime)?.getTime() ?? Date.now();
  const date = input.date ?? jakartaDate(startedFor - 24 * 60 * 60 * 1000);
  return reconcileDay(date);
}
