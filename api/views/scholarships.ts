// Each child's scholarship plan as the family and staff read it: past years (paid with a reference, lapsed, or
// not payable), this school year's window and deadline, and the projected years still to come.
import type { ScholarshipChoiceRow, ScholarshipsOfClaim } from '../../db/stores';
import { isScholarshipYearOutcome, scholarshipStatusText } from '../../vocabulary/status';

/** The scholarships of a claim; `staff` adds who submitted each proof and the officer's choice of children. */
export function scholarshipViews({ scholarships, years }: ScholarshipsOfClaim, audience: 'staff' | 'family') {
  return scholarships.map((s) => {
    const own = years.filter((y) => y.workflow_id === s.workflow_id);
    const current = own.find((y) => y.school_year === s.school_year && !isScholarshipYearOutcome(y.status));
    const ended = s.status === 'ended';
    return {
      id: s.workflow_id,
      childNumber: s.child_number,
      childPosition: s.child_position,
      status: s.status,
      statusText: scholarshipStatusText(s.status),
      endReason: s.end_reason,
      endMessage: s.end_message,
      totalPaid: s.total_paid,
      yearsPaid: s.years_paid,
      pastYears: own
        .filter((y) => isScholarshipYearOutcome(y.status))
        .map((y) => ({
          schoolYear: y.school_year,
          status: y.status,
          level: y.level,
          grade: y.grade,
          amount: y.amount,
          reference: y.gateway_reference,
          idempotencyKey: y.idempotency_key,
          reason: y.reason,
          institution: y.institution,
          ...(audience === 'staff'
            ? { submittedBy: y.submitted_by, reviewedBy: y.reviewed_by, decidedAt: y.decided_at }
            : {}),
        })),
      currentYear: ended
        ? null
        : {
            schoolYear: s.school_year,
            status:
              current?.status ??
              (s.status === 'waiting_for_school_start' ? ('not_started' as const) : ('not_open' as const)),
            windowOpensOn: s.window_opens_on,
            deadline: s.deadline,
            expected: { level: s.expected_level, grade: s.expected_grade },
            expectedAmount: s.projected.find((p) => p.schoolYear === s.school_year)?.amount ?? null,
            ...(current && current.status !== 'window_open'
              ? {
                  submitted: {
                    level: current.level,
                    grade: current.grade,
                    institution: current.institution,
                    ...(audience === 'staff' ? { submittedBy: current.submitted_by } : {}),
                  },
                }
              : {}),
            // The review of the proof: the family reads why a proof was rejected; staff also read who reviewed it.
            ...(current?.review_decision
              ? {
                  review: {
                    decision: current.review_decision,
                    reason: current.review_reason,
                    ...(audience === 'staff'
                      ? { reviewedBy: current.reviewed_by, at: current.reviewed_at }
                      : {}),
                  },
                }
              : {}),
          },
      projectedYears: ended ? [] : s.projected.filter((p) => p.schoolYear > s.school_year),
    };
  });
}

/** Who chose which children, when an officer had to (staff only). */
export function scholarshipChoiceView(choice: ScholarshipChoiceRow | undefined) {
  return choice
    ? {
        children: choice.children,
        chosenBy: choice.chosen_by,
        reason: choice.reason,
        at: choice.created_at,
      }
    : null;
}
