// An accident case's state in one object: the facts found at intake, the finding, each item and its review, the
// closing, and the return-to-work record. The main path (accident.ts), the handlers (accident-handlers.ts) and the
// closing (accident-closing.ts) share it.
import { ApplicationFailure } from '@temporalio/workflow';
import { jakartaDate } from '../rules';
import type { AccidentItemRow } from '../db/stores/accidents';
import type { BenefitComponent, QuoteResponse, Regulation } from '../rules';
import type { RuleError } from '../rules/errors';
import type {
  AccidentInput,
  ClosingBody,
  Finding,
  ItemKind,
  ItemStatus,
  Payee,
} from '../vocabulary/accident';
import type { MembershipFacts, StepEvent } from '../vocabulary/activities';
import type { BankAccount } from '../vocabulary/claim';
import { EMPLOYER_PROOF_MISSING, type EmployerPayment } from '../vocabulary/employer-payment';
import { FailureType } from '../vocabulary/failures';
import type { AccidentState } from '../vocabulary/messages/accident';
import type { ClaimStatus } from '../vocabulary/status';
import type { Actor } from '../vocabulary/actors';
import { isOfficerOrSupervisor, refuse } from './actors';

export interface AccidentItem {
  itemNumber: number;
  kind: ItemKind;
  provider?: string;
  mode?: string;
  from: string;
  to: string;
  documentRef: string;
  claimed: number;
  amount: number;
  explanation: string;
  payTo: Payee;
  account: BankAccount;
  /** 0 for the account first given; +1 for each replacement after a refusal (its own gateway transfer key). */
  accountRevision?: number;
  status: ItemStatus;
  reason?: string;
  recordedBy: string;
  verifiedBy?: string;
  decidedBy?: string;
  idempotencyKey?: string;
  /** Employer liable: the employer's proof it paid first; the payment to the employer is its reimbursement. */
  employerPayment?: EmployerPayment;
}

export interface Closing {
  request: ClosingBody;
  submittedBy: string;
  /** Employer liable: the employer's proof it paid the worker the closing's benefit first. */
  employerPayment?: EmployerPayment;
  components: BenefitComponent[];
  total: number;
  benefit?: QuoteResponse;
}

export interface ReturnToWorkStep {
  step: string;
  note: string;
  outcome?: string;
  by: string;
  on: string;
}

export class AccidentCase {
  status: ClaimStatus = 'received';
  seq = 0;
  busy = false;
  facts: (MembershipFacts & { wageWorker: boolean }) | undefined = undefined;
  /** The employer pays first and is reimbursed: a late stage-I report, or JKK arrears beyond the limit. */
  employerFirst: string | undefined = undefined;
  finding: { finding: Finding; reasons: string; by: string } | undefined = undefined;
  findingConfirmed = false;
  readonly items: AccidentItem[] = [];
  /** Items approved by a second person, waiting for the main path to pay them, in order. */
  readonly payQueue: number[] = [];
  closing: Closing | undefined = undefined;
  closingApproved = false;
  readonly returnToWork: ReturnToWorkStep[] = [];
  paid = 0;
  deathClaimNumber: string | undefined = undefined;

  constructor(
    readonly input: AccidentInput,
    /** The accident date, or the diagnosis date of an occupational disease: sets the regulation and expiry. */
    readonly eventDate: string,
    readonly regulation: Regulation,
  ) {}

  get claimNumber(): string {
    return this.input.claimNumber;
  }

  readonly step = (type: string, actor?: string, data?: Record<string, unknown>): StepEvent => ({
    seq: ++this.seq,
    type,
    actor,
    data,
  });

  item(itemNumber: number): AccidentItem | undefined {
    return this.items.find((i) => i.itemNumber === itemNumber);
  }

  /** Items recorded but not yet decided by two people. */
  undecided(): AccidentItem[] {
    return this.items.filter(
      (i) => i.status === 'waiting_for_verification' || i.status === 'waiting_for_approval',
    );
  }

  /** The item as its row in PostgreSQL. */
  row(item: AccidentItem): AccidentItemRow {
    return {
      claim_number: this.claimNumber,
      item_number: item.itemNumber,
      kind: item.kind,
      provider: item.provider ?? null,
      mode: item.mode ?? null,
      period_from: item.from,
      period_to: item.to,
      document_ref: item.documentRef,
      claimed: item.claimed,
      amount: item.amount,
      explanation: item.explanation,
      pay_to: item.payTo,
      status: item.status,
      reason: item.reason ?? null,
      recorded_by: item.recordedBy,
      verified_by: item.verifiedBy ?? null,
      decided_by: item.decidedBy ?? null,
      idempotency_key: item.idempotencyKey ?? null,
      employer_payment_ref: item.employerPayment?.ref ?? null,
      employer_paid_on: item.employerPayment?.paidOn ?? null,
      employer_payment_by: item.employerPayment?.recordedBy ?? null,
    };
  }

  /** A payment to the employer of an employer-liable case is a reimbursement: it needs the employer's proof. */
  needsEmployerProof(payTo: Payee): boolean {
    return this.employerFirst !== undefined && payTo === 'employer';
  }

  state(): AccidentState {
    return {
      claimNumber: this.claimNumber,
      status: this.status,
      ...(this.finding && this.findingConfirmed ? { finding: this.finding.finding } : {}),
      items: this.items.map((i) => ({
        itemNumber: i.itemNumber,
        kind: i.kind,
        status: i.status,
        amount: i.amount,
      })),
      ...(this.closing ? { closingTotal: this.closing.total } : {}),
      ...(this.deathClaimNumber ? { deathClaimNumber: this.deathClaimNumber } : {}),
    };
  }
}

export async function whileBusy<T>(c: AccidentCase, act: () => Promise<T>): Promise<T> {
  c.busy = true;
  try {
    return await act();
  } finally {
    c.busy = false;
  }
}

/** Refuses a request naming the field: the API answers 422 with it (api/temporal/accident-updates.ts). */
export function refuseField(field: string, message: string): never {
  throw ApplicationFailure.create({
    message: `${field}: ${message}`,
    type: FailureType.InvalidInput,
    nonRetryable: true,
  });
}

export function refuseRule(err: RuleError, prefix = ''): never {
  refuseField(`${prefix}${err.field}`, err.message);
}

/**
 * The employer's proof of payment as given (both fields, or neither), checked against the case: a day not in the
 * future nor before the accident, and only for a payment that goes to the employer.
 */
export function employerProof(
  c: AccidentCase,
  given: { employerPaymentRef?: string | undefined; employerPaidOn?: string | undefined },
  toEmployer: boolean,
  recordedBy: string,
): EmployerPayment | undefined {
  const { employerPaymentRef: ref, employerPaidOn: paidOn } = given;
  if (ref === undefined && paidOn === undefined) return undefined;
  if (ref === undefined) refuseField('employerPaymentRef', 'is required with employerPaidOn');
  if (paidOn === undefined) refuseField('employerPaidOn', 'is required with employerPaymentRef');
  if (!toEmployer)
    refuseField('employerPaymentRef', 'is only for a payment to the employer (a reimbursement)');
  if (paidOn < c.input.accidentDate)
    refuseField('employerPaidOn', `must not be before the accident date ${c.input.accidentDate}`);
  if (paidOn > jakartaDate(Date.now())) refuseField('employerPaidOn', 'must not be in the future');
  return { ref, paidOn, recordedBy };
}

/**
 * Approving a payment to a liable employer: its proof must be on record, recorded by someone other than the approver
 * (the approval is the second person's check of it).
 */
export function requireEmployerProof(proof: EmployerPayment | undefined, approverId: string): void {
  if (!proof) refuseField(EMPLOYER_PROOF_MISSING.field, EMPLOYER_PROOF_MISSING.message);
  if (proof.recordedBy === approverId)
    refuse(
      "The person who recorded the employer's proof of payment may not also approve its reimbursement.",
      FailureType.MakerChecker,
    );
}

export function staffOnly(
  actor: Actor,
  what: string,
): asserts actor is { kind: 'staff'; id: string; role: 'officer' | 'supervisor' } {
  if (!isOfficerOrSupervisor(actor))
    refuse(`Only an officer or a supervisor may ${what}.`, FailureType.Forbidden);
}

export function notBusy(c: AccidentCase): void {
  if (c.busy) refuse('Another action on this case is being recorded; try again.', FailureType.WrongState);
}
