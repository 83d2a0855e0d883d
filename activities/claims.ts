import type { Db } from '../db/config';
import type { BankAccount, ClaimInput } from '../vocabulary/claim';
import type { ClaimStatus } from '../vocabulary/status';
import type { DocumentCode } from '../vocabulary/documents';
import { appendEvent, type StepEvent } from './events';

export interface MembershipFacts {
  membershipStartDate: string;
  monthlyWage: number;
  employerId: string;
  employerName: string;
  /** Whole months of unpaid contributions at the event date (0 when current). */
  arrearsMonths: number;
}

export type MembershipCheck =
  { eligible: true; facts: MembershipFacts } | { eligible: false; reason: string };

export interface AssessmentRecord {
  regulation: string;
  inputs: Record<string, unknown>;
  components: { code: string; amount: number; basis: string; explanation: string }[];
  total: number;
  employerLiability?: { amount: number; reason: string };
  scholarship?: unknown;
  notes: string[];
}

function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

export function createClaimActivities(db: Db) {
  return {
    /** The claim, its heirs and children; idempotent on the claim number. */
    async recordClaim(input: ClaimInput, event: StepEvent): Promise<{ created: boolean }> {
      return db.transaction(async (trx) => {
        const inserted = await trx('claims')
          .insert({
            claim_number: input.claimNumber,
            program: input.program,
            event: input.event,
            participant_nik: input.participantNik,
            event_date: input.eventDate,
            claim_date: input.claimDate,
            status: 'received' satisfies ClaimStatus,
            tracking_code_hash: input.trackingCodeHash,
            created_by: input.createdBy,
            bank_code: input.bankAccount.bankCode,
            account_number: input.bankAccount.accountNumber,
            account_name: input.bankAccount.accountName,
          })
          .onConflict('claim_number')
          .ignore()
          .returning('claim_number');
        if (inserted.length === 0) return { created: false };
        if (input.heirs.length > 0) {
          await trx('heirs').insert(
            input.heirs.map((h, i) => ({
              claim_number: input.claimNumber,
              position: i + 1,
              name: h.name,
              relationship: h.relationship,
              nik: h.nik ?? null,
              date_of_birth: h.dateOfBirth ?? null,
              recipient: i === 0,
            })),
          );
        }
        if (input.children.length > 0) {
          await trx('children').insert(
            input.children.map((c, i) => ({
              claim_number: input.claimNumber,
              position: i + 1,
              name: c.name ?? null,
              date_of_birth: c.dateOfBirth,
              registered: c.registered ?? false,
              school_level: c.schooling?.level ?? null,
              school_grade: c.schooling?.grade ?? null,
              married: c.married ?? false,
              working: c.working ?? false,
            })),
          );
        }
        await appendEvent(trx, input.claimNumber, event);
        return { created: true };
      });
    },

    /** The participant in the registry at the date of death. */
    async checkMembership(nik: string, eventDate: string): Promise<MembershipCheck> {
      const row = await db('participants as p')
        .join('employers as e', 'e.id', 'p.employer_id')
        .where('p.nik', nik)
        .first(
          'p.membership_start_date',
          'p.membership_end_date',
          'p.monthly_wage',
          'p.employer_id',
          'e.name as employer_name',
          'e.arrears_since',
        );
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
      const arrearsSince: string | null = row.arrears_since;
      return {
        eligible: true,
        facts: {
          membershipStartDate: row.membership_start_date,
          monthlyWage: Number(row.monthly_wage),
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
      await db.transaction(async (trx) => {
        const claim: Record<string, unknown> = {};
        if (status) claim.status = status;
        if (reason !== undefined) claim.status_reason = reason;
        if (status === 'ineligible' || status === 'rejected' || status === 'paid')
          claim.closed_at = trx.fn.now();
        await appendEvent(trx, claimNumber, event, claim as { status?: ClaimStatus });
      });
    },

    async recordVerification(
      claimNumber: string,
      event: StepEvent,
      verification: {
        verifiedBy: string;
        checklist: Partial<Record<DocumentCode, boolean>>;
        complete: boolean;
      },
    ): Promise<void> {
      await db.transaction(async (trx) => {
        const now = new Date();
        const fresh = await appendEvent(
          trx,
          claimNumber,
          event,
          // The status moves on with the assessment (recordAssessment), once there is an amount to decide on.
          verification.complete ? { verified_by: verification.verifiedBy, verified_at: now } : {},
        );
        if (!fresh) return;
        const rows = Object.entries(verification.checklist).map(([code, received]) => ({
          claim_number: claimNumber,
          code,
          received: Boolean(received),
          checked_by: verification.verifiedBy,
          checked_at: now,
        }));
        if (rows.length > 0) {
          await trx('documents')
            .insert(rows)
            .onConflict(['claim_number', 'code'])
            .merge(['received', 'checked_by', 'checked_at']);
        }
      });
    },

    async recordAssessment(
      claimNumber: string,
      event: StepEvent,
      assessment: AssessmentRecord,
    ): Promise<void> {
      await db.transaction(async (trx) => {
        // The workflow accepts decisions from before this activity runs, so a claim the API shows as waiting for
        // a decision always takes one.
        const fresh = await appendEvent(trx, claimNumber, event, { status: 'waiting_for_decision' });
        if (!fresh) return;
        await trx('assessments')
          .insert({
            claim_number: claimNumber,
            regulation: assessment.regulation,
            inputs: JSON.stringify(assessment.inputs),
            components: JSON.stringify(assessment.components),
            total: assessment.total,
            employer_liability: assessment.employerLiability
              ? JSON.stringify(assessment.employerLiability)
              : null,
            scholarship: assessment.scholarship === undefined ? null : JSON.stringify(assessment.scholarship),
            notes: JSON.stringify(assessment.notes),
          })
          .onConflict('claim_number')
          .ignore();
      });
    },

    async recordDecision(
      claimNumber: string,
      event: StepEvent,
      decision: { decision: 'approve' | 'reject'; decidedBy: string; reason: string },
    ): Promise<void> {
      await db.transaction(async (trx) => {
        const approved = decision.decision === 'approve';
        await appendEvent(trx, claimNumber, event, {
          status: approved ? 'paying' : 'rejected',
          status_reason: approved ? null : decision.reason,
          decision: decision.decision,
          decided_by: decision.decidedBy,
          decision_reason: decision.reason,
          decided_at: new Date(),
          ...(approved ? {} : { closed_at: trx.fn.now() }),
        });
      });
    },

    /** Verification is late: flag the claim and tell the supervisors (once). */
    async escalate(claimNumber: string, event: StepEvent, dueDate: string): Promise<void> {
      await db.transaction(async (trx) => {
        await appendEvent(trx, claimNumber, event, { escalated: true, escalated_at: new Date() });
        await trx('notifications')
          .insert({
            dedup_key: `${claimNumber}:escalation:verification`,
            claim_number: claimNumber,
            audience: 'supervisors',
            kind: 'verification_overdue',
            message: `Claim ${claimNumber}: documents not verified by the service-level date ${dueDate}.`,
          })
          .onConflict('dedup_key')
          .ignore();
      });
    },

    async recordVerificationDue(claimNumber: string, dueDate: string): Promise<void> {
      await db('claims').where({ claim_number: claimNumber }).update({ verification_due: dueDate });
    },

    async recordBankAccount(
      claimNumber: string,
      event: StepEvent,
      account: BankAccount & { revision: number },
    ): Promise<void> {
      await db.transaction(async (trx) => {
        await appendEvent(trx, claimNumber, event, {
          status: 'paying',
          bank_code: account.bankCode,
          account_number: account.accountNumber,
          account_name: account.accountName,
          account_revision: account.revision,
        });
      });
    },

    /** A message for the family, kept in the outbox (dedup key: claim number + kind). */
    async notifyFamily(claimNumber: string, kind: string, message: string): Promise<void> {
      await db('notifications')
        .insert({
          dedup_key: `${claimNumber}:${kind}`,
          claim_number: claimNumber,
          audience: 'family',
          kind,
          message,
        })
        .onConflict('dedup_key')
        .ignore();
    },
  };
}
