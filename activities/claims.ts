import type { Db } from '../db/config';
import { claimNotice, createStores } from '../db/stores';
import type {
  AccountRevision,
  AssessmentRecord,
  ClaimRecorded,
  ClosingRecord,
  NoticeRecorded,
  DecisionRecord,
  EmployerSettlementRecord,
  MembershipCheck,
  ReimbursementDecisionRecord,
  StepEvent,
  VerificationRecord,
} from '../vocabulary/activities';
import type { ClaimInput } from '../vocabulary/claim';
import { isClosedStatus, type ClaimStatus } from '../vocabulary/status';

function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

export function createClaimActivities(db: Db) {
  const stores = createStores(db);
  return {
    /**
     * The claim, its heirs and children, and the participant's death held for it; idempotent on the claim number.
     * The API holds the death before it starts the workflow; this holds it again for a start whose hold was rolled
     * back (an answer lost on the way from Temporal), and says which claim holds it when another one does.
     */
    async recordClaim(input: ClaimInput, event: StepEvent): Promise<ClaimRecorded> {
      return stores.transaction(async (tx) => {
        const created = await tx.claims.create(input, event);
        const hold = await tx.claimedDeaths.hold({
          claimNumber: input.claimNumber,
          participantNik: input.participantNik,
          program: input.program,
        });
        return { created, ...('heldBy' in hold ? { duplicateOf: hold.heldBy } : {}) };
      });
    },

    /** The participant in the registry at the date of death. */
    async checkMembership(nik: string, eventDate: string): Promise<MembershipCheck> {
      const row = await stores.registry.membership(nik);
      if (!row) {
        return {
          eligible: false,
          reason: 'The national ID on the claim is not registered as a BPJS Ketenagakerjaan participant.',
        };
      }
      if (row.membership_start_date > eventDate) {
        return {
          eligible: false,
          reason: `The membership started on ${row.membership_start_date}, after the date of death (${eventDate}).`,
        };
      }
      if (row.membership_end_date && row.membership_end_date < eventDate) {
        return {
          eligible: false,
          reason: `The membership ended on ${row.membership_end_date}, before the date of death (${eventDate}).`,
        };
      }
      const arrearsSince = row.arrears_since;
      return {
        eligible: true,
        facts: {
          membershipStartDate: row.membership_start_date,
          monthlyWage: row.monthly_wage,
          employerId: row.employer_id,
          employerName: row.employer_name,
          arrearsMonths:
            arrearsSince && arrearsSince <= eventDate
              ? Math.max(0, wholeMonthsBetween(arrearsSince, eventDate))
              : 0,
        },
      };
    },

    /** A step with no records of its own: a status change and its event. */
    async recordStep(
      claimNumber: string,
      event: StepEvent,
      status?: ClaimStatus,
      reason?: string,
    ): Promise<void> {
      await stores.claims.appendEvent(claimNumber, event, {
        ...(status ? { status } : {}),
        ...(reason !== undefined ? { statusReason: reason } : {}),
        closed: status !== undefined && isClosedStatus(status),
      });
    },

    async recordVerification(
      claimNumber: string,
      event: StepEvent,
      verification: VerificationRecord,
    ): Promise<void> {
      await stores.transaction(async (tx) => {
        const now = new Date();
        const fresh = await tx.claims.appendEvent(
          claimNumber,
          event,
          // The status moves on with the assessment (recordAssessment), once there is an amount to decide on.
          verification.complete ? { verified: { by: verification.verifiedBy, at: now } } : {},
        );
        if (!fresh) return;
        await tx.claims.recordDocuments(claimNumber, verification.checklist, {
          by: verification.verifiedBy,
          at: now,
        });
      });
    },

    /**
     * Answers with the assessment it recorded: run as a local activity (patch claim-shape-fewer-round-trips), its
     * marker in the history keeps the result but not the arguments, and the decision trail reads it there.
     */
    async recordAssessment(
      claimNumber: string,
      event: StepEvent,
      assessment: AssessmentRecord,
    ): Promise<AssessmentRecord> {
      await stores.transaction(async (tx) => {
        // The workflow accepts decisions from before this activity runs, so a claim the API shows as waiting for
        // a decision always takes one.
        const fresh = await tx.claims.appendEvent(claimNumber, event, { status: 'waiting_for_decision' });
        if (!fresh) return;
        await tx.claims.recordAssessment(claimNumber, assessment);
      });
      return assessment;
    },

    async recordDecision(claimNumber: string, event: StepEvent, decision: DecisionRecord): Promise<void> {
      const approved = decision.decision === 'approve';
      await stores.claims.appendEvent(claimNumber, event, {
        status: approved ? 'paying' : 'rejected',
        statusReason: approved ? null : decision.reason,
        decision: {
          decision: decision.decision,
          decidedBy: decision.decidedBy,
          reason: decision.reason,
          at: new Date(),
        },
        closed: !approved,
      });
    },

    /** The employer's settlement and proof of payment to the heirs, recorded by an officer: awaits a supervisor. */
    async recordEmployerSettlement(
      claimNumber: string,
      event: StepEvent,
      settlement: EmployerSettlementRecord,
    ): Promise<void> {
      await stores.transaction(async (tx) => {
        const fresh = await tx.claims.appendEvent(claimNumber, event, {
          status: 'waiting_for_reimbursement_approval',
          statusReason: null,
        });
        if (fresh) await tx.employerReimbursements.record(claimNumber, settlement);
      });
    },

    /** A supervisor's decision on reimbursing the employer: approved, it is paid; rejected, a new record is awaited. */
    async recordReimbursementDecision(
      claimNumber: string,
      event: StepEvent,
      decision: ReimbursementDecisionRecord,
    ): Promise<void> {
      const approved = decision.decision === 'approve';
      await stores.transaction(async (tx) => {
        const fresh = await tx.claims.appendEvent(claimNumber, event, {
          status: approved ? 'paying' : 'waiting_for_employer_payment',
          statusReason: approved ? null : decision.reason,
        });
        if (fresh) await tx.employerReimbursements.decide(claimNumber, decision);
      });
    },

    /** The bank refused the employer's account: the claim waits for a new record with another account. */
    async recordReimbursementRefused(claimNumber: string, event: StepEvent, reason: string): Promise<void> {
      await stores.transaction(async (tx) => {
        const fresh = await tx.claims.appendEvent(claimNumber, event, {
          status: 'waiting_for_employer_payment',
          statusReason: reason,
        });
        if (fresh) await tx.employerReimbursements.markRefused(claimNumber);
      });
    },

    /** Verification is late: flag the claim and tell the supervisors (once). */
    async escalate(claimNumber: string, event: StepEvent, dueDate: string): Promise<void> {
      await stores.transaction(async (tx) => {
        await tx.claims.appendEvent(claimNumber, event, { escalatedAt: new Date() });
        await tx.notifications.add({
          dedupKey: `${claimNumber}:escalation:verification`,
          claimNumber,
          audience: 'supervisors',
          kind: 'verification_overdue',
          message: `Claim ${claimNumber}: documents not verified by the service-level date ${dueDate}.`,
        });
      });
    },

    /**
     * Membership confirmed in one write: its event, the status and the verification's due date (patch
     * claim-shape-fewer-round-trips; before it, recordStep then recordVerificationDue).
     */
    async recordMembershipConfirmed(claimNumber: string, event: StepEvent, dueDate: string): Promise<void> {
      await stores.claims.appendEvent(claimNumber, event, {
        status: 'waiting_for_documents',
        verificationDue: dueDate,
      });
    },

    /**
     * The claim closed with its outcome and the family's notice, in one transaction (patch
     * claim-shape-fewer-round-trips; before it, recordStep then notifyFamily). A retry writes neither twice.
     */
    async recordClosing(
      claimNumber: string,
      event: StepEvent,
      closing: ClosingRecord,
    ): Promise<NoticeRecorded> {
      await stores.transaction(async (tx) => {
        await tx.claims.appendEvent(claimNumber, event, {
          status: closing.status,
          ...(closing.reason !== undefined ? { statusReason: closing.reason } : {}),
          closed: isClosedStatus(closing.status),
        });
        await tx.notifications.add(
          claimNotice(claimNumber, 'family', closing.notice.kind, closing.notice.message),
        );
      });
      return { kind: closing.notice.kind };
    },

    async recordVerificationDue(claimNumber: string, dueDate: string): Promise<void> {
      await stores.claims.setVerificationDue(claimNumber, dueDate);
    },

    /** A backdated claim date decided: the claim goes on (received) with the claim date the supervisor decided. */
    async recordClaimDateDecision(claimNumber: string, event: StepEvent, claimDate: string): Promise<void> {
      await stores.claims.appendEvent(claimNumber, event, { status: 'received', claimDate });
    },

    async recordBankAccount(claimNumber: string, event: StepEvent, account: AccountRevision): Promise<void> {
      await stores.claims.appendEvent(claimNumber, event, { status: 'paying', bankAccount: account });
    },

    /** A message for the family, kept in the outbox (dedup key: claim number + kind); answers with its kind (see recordAssessment). */
    async notifyFamily(claimNumber: string, kind: string, message: string): Promise<NoticeRecorded> {
      await stores.notifications.add(claimNotice(claimNumber, 'family', kind, message));
      return { kind };
    },
  };
}
