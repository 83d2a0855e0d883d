// The claim's part in scholarships: which children receive one (at most two; an officer chooses when more
// qualify and the registrations do not settle it), and starting one ScholarshipWorkflow per child that outlives
// the claim. PP 44/2015 claims start none: their lump sum is a payout component of the claim.
import {
  ApplicationFailure,
  type ActivityOptions,
  condition,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { StepEvent } from '../vocabulary/activities';
import { childEligibility, selectChildren, type QuoteResponse } from '../rules';
import { chooseScholarshipChildrenUpdate } from '../vocabulary/messages/scholarship';
import { FailureType } from '../vocabulary/failures';
import { scholarshipWorkflowId } from '../vocabulary/ids';
import type { BankAccount, ClaimInput } from '../vocabulary/claim';
import type { ClaimStatus } from '../vocabulary/status';
import { scholarshipWorkflow } from './scholarship';
import { stagedRuleFor } from './scholarship-year';

const records = proxyActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m', nonRetryableErrorTypes: [FailureType.InvalidInput] },
} satisfies ActivityOptions);

/** Who may receive a scholarship: positions on the claim (1-based). */
export interface ScholarshipSelection {
  candidates: number[];
  max: number;
  /** The children the rules take: registered ones first, then in claim order. */
  selected: number[];
  officerMustChoose: boolean;
}

/** From the assessment: none when no staged scholarship is granted (PP 44/2015, or no child qualifies). */
export function scholarshipSelection(
  input: ClaimInput,
  benefit: QuoteResponse,
): ScholarshipSelection | undefined {
  const rule = stagedRuleFor(input.eventDate);
  if (!rule || !benefit.scholarship.eligible) return undefined;
  const candidates = input.children
    .map((child, index) => ({
      index,
      registered: child.registered,
      ...childEligibility(child, input.eventDate, rule.ageLimit),
    }))
    .filter((c) => c.eligible);
  const { selected, officerMustConfirm } = selectChildren(candidates, rule.maxChildren);
  return {
    candidates: candidates.map((c) => c.index + 1),
    max: rule.maxChildren,
    selected: selected.map((i) => i + 1),
    officerMustChoose: officerMustConfirm,
  };
}

function refuse(message: string, type: FailureType): never {
  throw ApplicationFailure.create({ message, type, nonRetryable: true });
}

export interface ScholarshipStarter {
  /** After the assessment: who qualifies, and whether an officer must choose. */
  assessed(benefit: QuoteResponse): void;
  /** After the payouts: waits for the officer's choice if needed, then starts the children's workflows. */
  start(account: BankAccount, setStatus: (status: ClaimStatus) => void): Promise<string[]>;
}

/**
 * Registers the officer-choice update on the claim (call before the claim's first await) and returns the
 * starter. `step` numbers the claim's events; `claimStatus` is read by the validator.
 */
export function scholarshipStarter(
  input: ClaimInput,
  step: (type: string, actor?: string, data?: Record<string, unknown>) => StepEvent,
  claimStatus: () => ClaimStatus,
): ScholarshipStarter {
  let selection: ScholarshipSelection | undefined;
  let assessed = false;
  let choosing = false;
  let chosen: number[] | undefined;

  // An update: the officer learns at once whether the children chosen may receive a scholarship.
  setHandler(
    chooseScholarshipChildrenUpdate,
    async ({ actor, children, reason }) => {
      choosing = true;
      const sorted = [...children].sort((a, b) => a - b);
      const chosenBy = actor.kind === 'staff' ? actor.id : 'family';
      await records.recordScholarshipChoice(
        input.claimNumber,
        step('scholarship_children_chosen', chosenBy, { children: sorted, reason }),
        { children: sorted, chosenBy, ...(reason ? { reason } : {}) },
      );
      chosen = sorted;
      return { children: sorted };
    },
    {
      validator: ({ actor, children }) => {
        if (actor.kind !== 'staff' || (actor.role !== 'officer' && actor.role !== 'supervisor')) {
          refuse(
            'Only an officer or a supervisor may choose the children for the scholarships.',
            FailureType.Forbidden,
          );
        }
        const status = claimStatus();
        if (status === 'rejected' || status === 'ineligible')
          refuse(`The claim is ${status}.`, FailureType.WrongState);
        if (!assessed) refuse('The claim has not been assessed yet.', FailureType.WrongState);
        if (!selection?.officerMustChoose) {
          refuse(
            'No choice is needed: the regulation and the registrations settle the scholarships.',
            FailureType.WrongState,
          );
        }
        if (choosing || chosen)
          refuse('The children for the scholarships were already chosen.', FailureType.WrongState);
        const count = Math.min(selection.max, selection.candidates.length);
        if (new Set(children).size !== children.length || children.length !== count) {
          refuse(`Choose exactly ${count} different children.`, FailureType.InvalidInput);
        }
        const candidates = selection.candidates;
        const outside = children.filter((position: number) => !candidates.includes(position));
        if (outside.length > 0) {
          refuse(
            `Children ${outside.join(', ')} do not qualify; choose among ${selection.candidates.join(', ')}.`,
            FailureType.InvalidInput,
          );
        }
      },
    },
  );

  return {
    assessed(benefit) {
      selection = scholarshipSelection(input, benefit);
      assessed = true;
    },

    async start(account, setStatus) {
      if (!selection || selection.candidates.length === 0) return [];
      if (selection.officerMustChoose && !chosen) {
        setStatus('waiting_for_scholarship_choice');
        await records.recordStep(
          input.claimNumber,
          step('scholarship_choice_needed', undefined, {
            candidates: selection.candidates,
            max: selection.max,
          }),
          'waiting_for_scholarship_choice',
        );
        await records.notifyOfficers(
          input.claimNumber,
          'scholarship_choice_needed',
          `Claim ${input.claimNumber}: ${selection.candidates.length} children qualify for a scholarship; choose ${selection.max}.`,
        );
        await condition(() => chosen !== undefined);
      }
      const positions = chosen ?? selection.selected;
      const workflowIds: string[] = [];
      for (const [i, position] of positions.entries()) {
        const child = input.children[position - 1]!;
        const workflowId = scholarshipWorkflowId(input.claimNumber, i + 1);
        await startChild(scholarshipWorkflow, {
          workflowId,
          // The scholarship runs for years after the claim closes.
          parentClosePolicy: ParentClosePolicy.ABANDON,
          args: [
            {
              claimNumber: input.claimNumber,
              childNumber: i + 1,
              childPosition: position,
              dateOfBirth: child.dateOfBirth,
              ...(child.schooling ? { schooling: child.schooling } : {}),
              eventDate: input.eventDate,
              account,
            },
          ],
        });
        workflowIds.push(workflowId);
      }
      setStatus('paying');
      await records.recordStep(
        input.claimNumber,
        step('scholarships_started', undefined, { children: positions, workflowIds }),
        'paying',
      );
      return workflowIds;
    },
  };
}
