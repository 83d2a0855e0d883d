// A claim's state in one object: how far the main path has come, what the officers did, and what is left to pay.
// The main path (claim.ts), the handlers (claim-handlers.ts) and the payouts (claim-payouts.ts) share it.
import type { FamilyWait } from '../rules';
import type { StepEvent } from '../vocabulary/activities';
import type { BankAccount, ClaimInput, EmployerSettlement } from '../vocabulary/claim';
import type { AccountReviewState, ClaimState, DecideRequest } from '../vocabulary/messages/claim';
import type { ClaimStatus } from '../vocabulary/status';

export type Decision = Pick<DecideRequest, 'decision' | 'reason'>;

/** A new account proposed after a refusal, waiting for a second person's review (a change of payee). */
export interface AccountProposal extends AccountReviewState {
  /** The proposing step's seq: the change's key in PostgreSQL. */
  seq: number;
  account: BankAccount;
  /** The status the claim goes back to if the account is rejected (waiting for an account, or payout failed). */
  resumeStatus: ClaimStatus;
}

export class ClaimCase {
  status: ClaimStatus = 'received';
  /** Last claim event number: makes the activities' appends idempotent. */
  seq = 0;
  /** One officer action at a time: a second concurrent one gets WrongState (409). */
  busy = false;
  /** The officer whose verification completed the checklist. */
  verifiedBy: string | undefined = undefined;
  /** Set by the assessment; read by the decide validator. */
  total: number | undefined = undefined;
  decision: Decision | undefined = undefined;
  escalated = false;
  account: BankAccount;
  /** 0 for the claim's account; +1 for each replacement after a refusal. */
  accountRevision = 0;
  readonly pendingComponents: string[] = [];
  /** A backdated claim date was approved or refused (the claim date in `input` is then the decided one). */
  backdatingDecided = false;
  /** Set when the employer pays the heirs first (JKK arrears beyond 3 months): the reimbursement the claim holds. */
  employerFirst: { amount: number; employerId: string; accountRevision: number } | undefined = undefined;
  /** The employer's settlement an officer recorded, awaiting (or holding) a supervisor's approval. */
  settlement: (EmployerSettlement & { recordedBy: string; approved: boolean }) | undefined = undefined;
  /** The waits on the family since the file was complete (late compensation stops its clock); the last may be open. */
  readonly familyWaits: (Omit<FamilyWait, 'to'> & { to?: string })[] = [];
  /** A proposed account waiting for review: nothing is paid to it before a second person approves it. */
  proposal: AccountProposal | undefined = undefined;
  /** The run took patch 'claim-shape-fewer-round-trips' (claim-shape.ts): set once, at its start. */
  fewerRoundTrips = false;

  /** heirsByRank: the run took patch 'heirs-by-rank'; runs started before it keep their checklist and payouts. */
  constructor(
    public input: ClaimInput,
    readonly heirsByRank = false,
  ) {
    this.account = input.bankAccount;
  }

  get claimNumber(): string {
    return this.input.claimNumber;
  }

  /** The claim's next event, numbered (an arrow: the scholarship starter numbers its events with it too). */
  readonly step = (type: string, actor?: string, data?: Record<string, unknown>): StepEvent => ({
    seq: ++this.seq,
    type,
    actor,
    data,
  });

  /** The event `step` would make next, without numbering it: recorded by an activity only if the step happens. */
  nextStep(type: string, actor?: string, data?: Record<string, unknown>): StepEvent {
    return { seq: this.seq + 1, type, actor, data };
  }

  /** The family delivered what the claim waited for: the open wait ends on `date`. */
  endFamilyWait(date: string): void {
    const open = this.familyWaits.find((wait) => wait.to === undefined);
    if (open) open.to = date;
  }

  /** The family's waits up to `date`, a wait still open ending then. */
  familyWaitsUntil(date: string): FamilyWait[] {
    return this.familyWaits.map((wait) => ({ ...wait, to: wait.to ?? date }));
  }

  /** The answer to the claimState query. */
  state(): ClaimState {
    return {
      claimNumber: this.claimNumber,
      status: this.status,
      verifiedBy: this.verifiedBy,
      total: this.total,
      escalated: this.escalated,
      pendingComponents: [...this.pendingComponents],
      ...(this.proposal
        ? {
            accountReview: {
              proposedBy: this.proposal.proposedBy,
              proposedAt: this.proposal.proposedAt,
              holderMatches: this.proposal.holderMatches,
            },
          }
        : {}),
    };
  }
}

/** Marks the claim busy while `act` records an officer's action, and frees it however the action ends. */
export async function whileBusy<T>(claim: ClaimCase, act: () => Promise<T>): Promise<T> {
  claim.busy = true;
  try {
    return await act();
  } finally {
    claim.busy = false;
  }
}
