// One school-year run of a scholarship in one object: the state carried from run to run (continueAsNew), this
// run's window and proof, and a life event that ends the scholarship. The main path (scholarship.ts) and the
// handlers (scholarship-handlers.ts) share it.
import { workflowInfo } from '@temporalio/workflow';
import type { ScholarshipProjection, ScholarshipRef } from '../vocabulary/activities';
import type { StagedScholarship } from '../rules/regulations/types';
import type { BankAccount } from '../vocabulary/claim';
import type { AccountReviewState } from '../vocabulary/messages/claim';
import type {
  EnrollmentRequest,
  EnrollmentResult,
  ScholarshipCarried,
  ScholarshipInput,
  ScholarshipOptions,
  ScholarshipState,
} from '../vocabulary/messages/scholarship';
import type { ScholarshipEndReason, ScholarshipStatus } from '../vocabulary/status';
import {
  deadlineDate,
  freshCarried,
  projectedYears,
  schoolYearFirstDay,
  schoolYearName,
  withDefaults,
} from './scholarship-year';
import { jakartaDate } from '../rules/jakarta-time';

export interface Stop {
  reason: ScholarshipEndReason;
  message: string;
}

/** A new account proposed after a refusal, waiting for a second person's review (a change of payee). */
export interface ScholarshipAccountProposal extends AccountReviewState {
  seq: number;
  account: BankAccount;
  /** Who filed and who verified the claim: they may not review it either. */
  filedBy: string | undefined;
  verifiedBy: string | undefined;
}

export interface AcceptedProof {
  request: EnrollmentRequest;
  result: EnrollmentResult;
}

/** A proof waiting for review, and who sent it ("family" or a staff id). */
interface ProofUnderReview extends AcceptedProof {
  submittedBy: string;
}

/** The carried state of a scholarship whose child reaches the age limit before any school year begins. */
export function noSchoolYear(input: ScholarshipInput): ScholarshipCarried {
  return freshCarried(input, Number(input.eventDate.slice(0, 4)), { level: 'TK', grade: 1 });
}

export class ScholarshipRun {
  readonly ref: ScholarshipRef;
  readonly options: Required<ScholarshipOptions>;
  readonly firstRun: boolean;
  status: ScholarshipStatus;
  /** When this year's enrolment window opened, once it has. */
  windowOpensAt: number | undefined = undefined;
  /** The instant proof is no longer accepted (the end of the deadline's Jakarta day). */
  deadlineAt: number | undefined = undefined;
  /** A proof is being recorded: a second submission is a duplicate. */
  proofPending = false;
  accepted: AcceptedProof | undefined = undefined;
  /** Patch enrolment-proof-reviewed: a proof is paid only once a staff member other than its sender confirms it. */
  proofsReviewed = false;
  /** A proof sent and not yet reviewed. */
  underReview: ProofUnderReview | undefined = undefined;
  /** A review is being recorded: a second one is refused. */
  reviewing = false;
  /** A life event that ends the scholarship is being recorded. */
  stopping = false;
  /** A recorded life event that ends the scholarship. */
  stop: Stop | undefined = undefined;
  ended: Stop | undefined = undefined;
  /** A proposed account waiting for review: nothing is paid to it before a second person approves it. */
  proposal: ScholarshipAccountProposal | undefined = undefined;

  constructor(
    readonly input: ScholarshipInput,
    readonly rule: StagedScholarship,
    /** Carried from run to run, and mutated as the year is decided. */
    readonly c: ScholarshipCarried,
  ) {
    this.options = withDefaults(input.options);
    this.ref = {
      workflowId: workflowInfo().workflowId,
      claimNumber: input.claimNumber,
      childNumber: input.childNumber,
      childPosition: input.childPosition,
    };
    this.firstRun = input.carried === undefined;
    this.status = this.reported() ? 'waiting_for_school_year' : 'waiting_for_school_start';
  }

  /** A school year is reported: the child's schooling at intake, or a proof accepted in an earlier year. */
  reported(): boolean {
    return this.input.schooling !== undefined || this.c.last !== undefined;
  }

  /** This run's school year, "2027/2028". */
  get schoolYear(): string {
    return schoolYearName(this.c.schoolYear);
  }

  /** Proof was accepted (or waits for review), or a life event ends the scholarship: nothing more from the family. */
  answered(): boolean {
    return this.accepted !== undefined || this.underReview !== undefined || this.stop !== undefined;
  }

  /** A proof, its review or a life event that ends the scholarship is being recorded. */
  recording(): boolean {
    return this.proofPending || this.reviewing || this.stopping;
  }

  /** The scholarship's next event, numbered on from the previous runs. */
  event(type: string, actor?: string, data?: Record<string, unknown>) {
    return { seq: ++this.c.seq, type, actor, data };
  }

  /** What the family and staff read, for this run's state or for `s`, the state the year is about to leave. */
  projectionOf(s: ScholarshipCarried, status: ScholarshipStatus, end?: Stop): ScholarshipProjection {
    return {
      status,
      schoolYear: schoolYearName(s.schoolYear),
      expected: s.expected,
      totalPaid: s.totalPaid,
      yearsPaid: s.yearsPaid,
      windowOpensOn:
        s === this.c && this.windowOpensAt !== undefined
          ? jakartaDate(this.windowOpensAt)
          : schoolYearFirstDay(s.schoolYear),
      deadline:
        s === this.c && this.deadlineAt !== undefined
          ? jakartaDate(this.deadlineAt - 1)
          : deadlineDate(s.schoolYear, this.options.deadline),
      projected: end ? [] : projectedYears(s, this.input.dateOfBirth, this.rule),
      ...(end ? { endReason: end.reason, endMessage: end.message } : {}),
    };
  }

  projection(): ScholarshipProjection {
    return this.projectionOf(this.c, this.status, this.ended);
  }

  /** The answer to the scholarshipState query. */
  state(): ScholarshipState {
    return {
      workflowId: this.ref.workflowId,
      claimNumber: this.input.claimNumber,
      childNumber: this.input.childNumber,
      status: this.status,
      schoolYear: this.schoolYear,
      expected: this.c.expected,
      ...(this.windowOpensAt !== undefined ? { windowOpensAt: jakartaDate(this.windowOpensAt) } : {}),
      ...(this.deadlineAt !== undefined ? { deadline: jakartaDate(this.deadlineAt - 1) } : {}),
      proofAccepted: this.accepted !== undefined,
      ...(this.underReview
        ? {
            proofUnderReview: {
              submittedBy: this.underReview.submittedBy,
              level: this.underReview.request.level,
              grade: this.underReview.request.grade,
            },
          }
        : {}),
      yearsPaid: { ...this.c.yearsPaid },
      totalPaid: this.c.totalPaid,
      consecutiveLapses: this.c.consecutiveLapses,
      years: [...this.c.years],
      ...(this.ended ? { endReason: this.ended.reason } : {}),
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
