// The accident case's side effects: its record, the registry at the accident date, each step with its status, and
// each item as it is reviewed and paid. Every write is idempotent on the case's event number (claim_events seq).
import type { Db } from '../db/config';
import {
  createStores,
  type AccidentCaseChange,
  type AccidentFacts,
  type AccidentItemRow,
} from '../db/stores';
import type { AccidentInput } from '../vocabulary/accident';
import type { ClaimRecorded, MembershipFacts, StepEvent } from '../vocabulary/activities';
import { isClosedStatus, isRefusedStatus, type ClaimStatus } from '../vocabulary/status';
import { wholeMonthsBetween } from '../rules/dates';

export type AccidentMembership =
  { eligible: true; facts: MembershipFacts & { wageWorker: boolean } } | { eligible: false; reason: string };

export interface AccidentStep {
  status?: ClaimStatus;
  statusReason?: string | null;
  case?: AccidentCaseChange;
  item?: AccidentItemRow;
}

export function createAccidentActivities(db: Db) {
  const stores = createStores(db);
  return {
    /** The case on record and the accident held for it; says which case holds it when another one does. */
    async recordAccident(
      input: AccidentInput,
      facts: AccidentFacts,
      event: StepEvent,
    ): Promise<ClaimRecorded> {
      return stores.transaction(async (tx) => {
        const created = await tx.accidents.create(input, facts);
        if (created) await tx.claims.appendEvent(input.claimNumber, event);
        const hold = await tx.accidents.hold({
          claimNumber: input.claimNumber,
          participantNik: input.participantNik,
          accidentDate: input.accidentDate,
        });
        return { created, ...('heldBy' in hold ? { duplicateOf: hold.heldBy } : {}) };
      });
    },

    /** The participant in the registry on the accident date. */
    async checkAccidentMembership(nik: string, accidentDate: string): Promise<AccidentMembership> {
      const row = await stores.accidents.participant(nik);
      if (!row) {
        return {
          eligible: false,
          reason: 'The national ID is not registered as a BPJS Ketenagakerjaan participant.',
        };
      }
      if (row.membership_start_date > accidentDate) {
        return {
          eligible: false,
          reason: `The membership started on ${row.membership_start_date}, after the accident (${accidentDate}).`,
        };
      }
      if (row.membership_end_date && row.membership_end_date < accidentDate) {
        return {
          eligible: false,
          reason: `The membership ended on ${row.membership_end_date}, before the accident (${accidentDate}).`,
        };
      }
      const since = row.arrears_since;
      return {
        eligible: true,
        facts: {
          membershipStartDate: row.membership_start_date,
          monthlyWage: Number(row.monthly_wage),
          employerId: row.employer_id,
          employerName: row.employer_name,
          arrearsMonths:
            since && since <= accidentDate ? Math.max(0, wholeMonthsBetween(since, accidentDate)) : 0,
          wageWorker: row.wage_worker,
        },
      };
    },

    /** A step of the case: its event, the claim's status, and the case's or an item's changes, in one transaction. */
    async recordAccidentStep(claimNumber: string, event: StepEvent, step: AccidentStep): Promise<void> {
      await stores.transaction(async (tx) => {
        const fresh = await tx.claims.appendEvent(claimNumber, event, {
          ...(step.status ? { status: step.status, closed: isClosedStatus(step.status) } : {}),
          ...(step.statusReason !== undefined ? { statusReason: step.statusReason } : {}),
        });
        if (!fresh) return;
        if (step.case) await tx.accidents.update(claimNumber, step.case);
        if (step.item) await tx.accidents.saveItem(step.item);
        if (step.status && isRefusedStatus(step.status)) await tx.accidents.release(claimNumber, step.status);
      });
    },
  };
}
