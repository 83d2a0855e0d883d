// Each child's scholarship plan as the family and staff read it: past years (paid with a reference, lapsed, or
// not payable), this school year's window and deadline, and the projected years still to come.
import type { Db } from '../../db/config';

const DECIDED = new Set(['paid', 'lapsed', 'not_payable']);

const STATUS_TEXT: Record<string, string> = {
  waiting_for_school_start:
    'The scholarship starts when the child starts school: the first window opens on 1 July.',
  waiting_for_school_year:
    'Waiting for the next school year: the window for proof of enrolment opens on 1 July.',
  waiting_for_proof: 'Waiting for proof of enrolment for this school year.',
  paying: 'The proof was accepted and the school year is being paid.',
  waiting_for_bank_account: 'The bank refused the account. Please give the claims officer another account.',
  ended: 'The scholarship has ended. The reason is given below.',
};

interface PlanRow {
  schoolYear: string;
  level: string;
  grade: number;
  amount: number;
}

/** The scholarships of a claim; `staff` adds who submitted each proof and the officer's choice of children. */
export async function scholarshipViews(db: Db, claimNumber: string, audience: 'staff' | 'family') {
  const [rows, years] = await Promise.all([
    db('scholarships').where({ claim_number: claimNumber }).orderBy('child_number'),
    db('scholarship_years').where({ claim_number: claimNumber }).orderBy(['workflow_id', 'school_year']),
  ]);
  return rows.map((s) => {
    const own = years.filter((y) => y.workflow_id === s.workflow_id);
    const current = own.find((y) => y.school_year === s.school_year && !DECIDED.has(y.status));
    const projected = (s.projected as PlanRow[]) ?? [];
    const ended = s.status === 'ended';
    return {
      id: s.workflow_id,
      childNumber: s.child_number,
      childPosition: s.child_position,
      status: s.status,
      statusText: STATUS_TEXT[s.status as string] ?? s.status,
      endReason: s.end_reason ?? null,
      endMessage: s.end_message ?? null,
      totalPaid: s.total_paid,
      yearsPaid: s.years_paid,
      pastYears: own
        .filter((y) => DECIDED.has(y.status))
        .map((y) => ({
          schoolYear: y.school_year,
          status: y.status,
          level: y.level,
          grade: y.grade,
          amount: y.amount,
          reference: y.gateway_reference ?? null,
          idempotencyKey: y.idempotency_key ?? null,
          reason: y.reason ?? null,
          institution: y.institution ?? null,
          ...(audience === 'staff'
            ? { submittedBy: y.submitted_by ?? null, decidedAt: y.decided_at ?? null }
            : {}),
        })),
      currentYear: ended
        ? null
        : {
            schoolYear: s.school_year,
            status: current?.status ?? (s.status === 'waiting_for_school_start' ? 'not_started' : 'not_open'),
            windowOpensOn: s.window_opens_on,
            deadline: s.deadline,
            expected: { level: s.expected_level, grade: s.expected_grade },
            expectedAmount: projected.find((p) => p.schoolYear === s.school_year)?.amount ?? null,
            ...(current && current.status !== 'window_open'
              ? {
                  submitted: { level: current.level, grade: current.grade, institution: current.institution },
                }
              : {}),
          },
      projectedYears: ended ? [] : projected.filter((p) => p.schoolYear > s.school_year),
    };
  });
}

/** Who chose which children, when an officer had to (staff only). */
export async function scholarshipChoiceView(db: Db, claimNumber: string) {
  const choice = await db('scholarship_choices').where({ claim_number: claimNumber }).first();
  return choice
    ? {
        children: choice.children,
        chosenBy: choice.chosen_by,
        reason: choice.reason ?? null,
        at: choice.created_at,
      }
    : null;
}
