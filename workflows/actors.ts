// Which actors may act on a workflow, and how a validator refuses someone who may not: a non-retryable
// ApplicationFailure with a FailureType the API maps to an HTTP status, thrown before anything enters the history.
import { ApplicationFailure } from '@temporalio/workflow';
import { CASE_STAFF, type Actor, type CaseStaffRole } from '../vocabulary/actors';
import type { DecisionRefusal } from '../rules/maker-checker';
import { FailureType } from '../vocabulary/failures';

export function refuse(message: string, type: FailureType): never {
  throw ApplicationFailure.create({ message, type, nonRetryable: true });
}

const REFUSAL_TYPES: Record<DecisionRefusal['rule'], FailureType> = {
  'maker-checker': FailureType.MakerChecker,
  'supervisor-required': FailureType.SupervisorRequired,
};

/** Refuses by a maker-checker rule (rules/maker-checker.ts): the API answers 403 with the rule's name. */
export function refuseBy(refusal: DecisionRefusal): never {
  refuse(refusal.message, REFUSAL_TYPES[refusal.rule]);
}

export function isOfficerOrSupervisor(
  actor: Actor,
): actor is { kind: 'staff'; id: string; role: CaseStaffRole } {
  return actor.kind === 'staff' && (CASE_STAFF as readonly string[]).includes(actor.role);
}

export function isAuditor(actor: Actor): boolean {
  return actor.kind === 'staff' && actor.role === 'auditor';
}
