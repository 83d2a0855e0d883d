// The claim's part in scholarships: which children receive one (at most two; an officer chooses when more
// qualify and the registrations do not settle it), and starting one ScholarshipWorkflow per child that outlives
// the claim. PP 44/2015 claims start none: their lump sum is a payout component of the claim.
import {
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
import {
  chooseScholarshipChildrenUpdate,
  type ScholarshipChoiceRequest,
  type ScholarshipChoiceResult,
} from '../vocabulary/messages/scholarship';
import { FailureType } from '../vocabulary/failures';
import { scholarshipWorkflowId } from '../vocabulary/ids';
import type { BankAccount, ClaimInput } from '../vocabulary/claim';
import type { ClaimStatus } from '../vocabulary/status';
import { isOfficerOrSupervisor, refuse } from './actors';
import { actorId } from '../vocabulary/actors';
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
function scholarshipSelection(input: ClaimInput, benefit: QuoteResponse): ScholarshipSelection | undefined {
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

type Step = (type: string, actor?: string, data?: Record<string, unknown>) => StepEvent;

/** The claim's part in scholarships: who qualifies, the officer's choice when one is needed, and the start. */
export class ScholarshipStarter {
  private selection: ScholarshipSelection | undefined = undefined;
  private isAssessed = false;
  /** A choice is being recorded: a second one is refused. */
  private choosing = false;
  private chosen: number[] | undefined = undefined;

  constructor(
    private readonly input: ClaimInput,
    /** Numbers the claim's events. */
    private readonly step: Step,
    /** Read by the validator. */
    private readonly claimStatus: () => ClaimStatus,
  ) {}

  /** After the assessment: who qualifies, and whether an officer must choose. */
  assessed(benefit: QuoteResponse): void {
    this.selection = scholarshipSelection(this.input, benefit);
    this.isAssessed = true;
  }

  /** After the payouts: waits for the officer's choice if needed, then starts the children's workflows. */
  async start(account: BankAccount, setStatus: (status: ClaimStatus) => void): Promise<string[]> {
    const { input, selection } = this;
    if (!selection || selection.candidates.length === 0) return [];
    if (selection.officerMustChoose && !this.chosen) {
      setStatus('waiting_for_scholarship_choice');
      await records.recordStep(
        input.claimNumber,
        this.step('scholarship_choice_needed', undefined, {
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
      await condition(() => this.chosen !== undefined);
    }
    const positions = this.chosen ?? selection.selected;
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
      this.step('scholarships_started', undefined, { children: positions, workflowIds }),
      'paying',
    );
    return workflowIds;
  }

  /** The chooseScholarshipChildren update: records the officer's choice. */
  async choose({ actor, children, reason }: ScholarshipChoiceRequest): Promise<ScholarshipChoiceResult> {
    this.choosing = true;
    try {
      const sorted = [...children].sort((a, b) => a - b);
      const chosenBy = actorId(actor);
      await records.recordScholarshipChoice(
        this.input.claimNumber,
        this.step('scholarship_children_chosen', chosenBy, { children: sorted, reason }),
        { children: sorted, chosenBy, ...(reason ? { reason } : {}) },
      );
      this.chosen = sorted;
      return { children: sorted };
    } finally {
      this.choosing = false;
    }
  }

  validateChoice({ actor, children }: ScholarshipChoiceRequest): void {
    if (!isOfficerOrSupervisor(actor)) {
      refuse(
        'Only an officer or a supervisor may choose the children for the scholarships.',
        FailureType.Forbidden,
      );
    }
    const status = this.claimStatus();
    if (status === 'rejected' || status === 'ineligible')
      refuse(`The claim is ${status}.`, FailureType.WrongState);
    if (!this.isAssessed) refuse('The claim has not been assessed yet.', FailureType.WrongState);
    const selection = this.selection;
    if (!selection?.officerMustChoose) {
      refuse(
        'No choice is needed: the regulation and the registrations settle the scholarships.',
        FailureType.WrongState,
      );
    }
    if (this.choosing || this.chosen) {
      refuse('The children for the scholarships were already chosen.', FailureType.WrongState);
    }
    const count = Math.min(selection.max, selection.candidates.length);
    if (new Set(children).size !== children.length || children.length !== count) {
      refuse(`Choose exactly ${count} different children.`, FailureType.InvalidInput);
    }
    const outside = children.filter((position) => !selection.candidates.includes(position));
    if (outside.length > 0) {
      refuse(
        `Children ${outside.join(', ')} do not qualify; choose among ${selection.candidates.join(', ')}.`,
        FailureType.InvalidInput,
      );
    }
  }
}

/**
 * Registers the officer-choice update on the claim (call before the claim's first await) and returns the
 * starter. `step` numbers the claim's events; `claimStatus` is read by the validator.
 */
export function scholarshipStarter(
  input: ClaimInput,
  step: Step,
  claimStatus: () => ClaimStatus,
): ScholarshipStarter {
  const starter = new ScholarshipStarter(input, step, claimStatus);
  // An update: the officer learns at once whether the children chosen may receive a scholarship.
  setHandler(chooseScholarshipChildrenUpdate, (request) => starter.choose(request), {
    validator: (request) => starter.validateChoice(request),
  });
  return starter;
}
