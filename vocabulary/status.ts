// Every status a claim or a scholarship can be in, with what the family is told about it. A status is added
// here or nowhere: the lists, the closed ones and the texts are derived, and a text cannot be forgotten.
// No zod here: workflow code imports the types (vocabulary/primitives.ts makes the request enums).

/**
 * A claim's statuses: whether the claim is closed in it, whether it was refused (rejected or ineligible: the death
 * may then be claimed again, README "One death, one claim"), and what the family reads.
 */
const CLAIM_STATUS = {
  received: {
    closed: false,
    family: 'Your claim has been received and is being checked against the participant registry.',
  },
  waiting_for_backdating_approval: {
    closed: false,
    family:
      'The claim date given is earlier than the day your claim reached us: a supervisor is checking the paper file.',
  },
  ineligible: {
    closed: true,
    refused: true,
    family: 'Your claim cannot be paid. The reason is given below.',
  },
  waiting_for_documents: {
    closed: false,
    family: 'Waiting for the documents to be verified by a claims officer.',
  },
  waiting_for_decision: {
    closed: false,
    family: 'The documents are complete; the benefit has been calculated and awaits approval.',
  },
  rejected: { closed: true, refused: true, family: 'Your claim was rejected. The reason is given below.' },
  paying: { closed: false, family: 'Your claim was approved and is being paid.' },
  waiting_for_bank_account: {
    closed: false,
    family: 'The bank refused the account. Please give the claims officer another account.',
  },
  // JKK with the employer more than 3 months in arrears: the employer pays the family first (rules/employer-pays-first.ts).
  waiting_for_employer_payment: {
    closed: false,
    family:
      'Your claim was approved. The employer was more than 3 months behind on its contributions at the accident, so by regulation the employer pays you the benefit first and the agency reimburses the employer after it settles its arrears. Please contact the employer; the claims officer can help.',
  },
  waiting_for_reimbursement_approval: {
    closed: false,
    family:
      "The employer's payment to you and the settlement of its arrears are on record; a supervisor is checking them before the agency reimburses the employer.",
  },
  // Rekening baru sedang diperiksa: a second staff member checks a new account before anything is paid to it.
  waiting_for_account_review: {
    closed: false,
    family:
      'A new bank account was given. A second staff member is checking it before anything is paid to it; the account holder on record is told.',
  },
  payout_failed: {
    closed: false,
    family:
      'A payment could not be made. A supervisor has been told and will contact you; nothing was paid twice.',
  },
  waiting_for_scholarship_choice: {
    closed: false,
    family:
      'Your claim has been paid. More children qualify for a scholarship than may receive one: a claims officer is choosing.',
  },
  paid: { closed: true, family: 'Your claim has been paid.' },
  // Accident cases (JKK, the worker lives): workflows/accident.ts.
  waiting_for_finding: {
    closed: false,
    family: 'The accident was reported. An officer is investigating whether it was a work accident.',
  },
  waiting_for_finding_confirmation: {
    closed: false,
    family: "The investigation's finding is recorded and waits for a second staff member to confirm it.",
  },
  not_work_accident: {
    closed: true,
    refused: true,
    family: 'The investigation found it was not a work accident, so JKK does not pay. The reason is given below.',
  },
  under_care: {
    closed: false,
    family:
      "It is a work accident. Send treatment bills, transport receipts and the doctor's certificates of time off work; each is paid once two staff members have checked it. The case stays open until the doctor's closing statement.",
  },
  waiting_for_closing_decision: {
    closed: false,
    family: "The doctor's closing statement is recorded; the benefit awaits a decision by a second staff member.",
  },
  closed: { closed: true, family: 'The case is closed. What was paid is listed below.' },
  became_death_claim: {
    closed: true,
    family: 'The worker died of the accident: the case continues as a death claim for the heirs, named below.',
  },
} as const satisfies Record<string, { closed: boolean; refused?: true; family: string }>;

export type ClaimStatus = keyof typeof CLAIM_STATUS;
export const CLAIM_STATUSES = Object.keys(CLAIM_STATUS) as [ClaimStatus, ...ClaimStatus[]];

export function isClosedStatus(status: ClaimStatus): boolean {
  return CLAIM_STATUS[status].closed;
}

/** A claim closed without payment: it no longer holds the participant's death, which may be claimed again. */
export function isRefusedStatus(status: ClaimStatus): boolean {
  return 'refused' in CLAIM_STATUS[status];
}

/** The statuses in which a claim was refused (rejected, ineligible). */
export const REFUSED_CLAIM_STATUSES = CLAIM_STATUSES.filter(isRefusedStatus);

/** What the family reads for a claim's status. */
export function claimStatusText(status: ClaimStatus): string {
  return CLAIM_STATUS[status].family;
}

/** A scholarship's statuses (one child's ScholarshipWorkflow), and what the family reads. */
const SCHOLARSHIP_STATUS = {
  waiting_for_school_start:
    'The scholarship starts when the child starts school: the first window opens on 1 July.',
  waiting_for_school_year:
    'Waiting for the next school year: the window for proof of enrolment opens on 1 July.',
  waiting_for_proof: 'Waiting for proof of enrolment for this school year.',
  // bukti pendaftaran sedang diperiksa: paid only once a staff member other than the sender confirms it
  proof_under_review:
    'The proof of enrolment was received and is waiting for a claims officer to check it; the year is paid once it is confirmed.',
  paying: 'The proof was accepted and the school year is being paid.',
  waiting_for_bank_account: 'The bank refused the account. Please give the claims officer another account.',
  waiting_for_account_review:
    'A new bank account was given. A second staff member is checking it before anything is paid to it; the account holder on record is told.',
  ended: 'The scholarship has ended. The reason is given below.',
} as const satisfies Record<string, string>;

export type ScholarshipStatus = keyof typeof SCHOLARSHIP_STATUS;
export const SCHOLARSHIP_STATUSES = Object.keys(SCHOLARSHIP_STATUS) as [
  ScholarshipStatus,
  ...ScholarshipStatus[],
];

export function scholarshipStatusText(status: ScholarshipStatus): string {
  return SCHOLARSHIP_STATUS[status];
}

/** Why a scholarship ended. */
export const SCHOLARSHIP_END_REASONS = [
  'age_limit',
  'married',
  'working',
  'died',
  'no_longer_enrolled',
  'graduated',
  'higher_education_cap',
  'total_cap',
  'no_school_year',
] as const;
export type ScholarshipEndReason = (typeof SCHOLARSHIP_END_REASONS)[number];

/**
 * A school year once decided: paid (with the ledger reference), lapsed, not payable, or passed without proof before
 * the child started school (not_yet_at_school: not a lapse, rules/scholarship-lapse.ts).
 */
const SCHOLARSHIP_YEAR_OUTCOMES = ['paid', 'lapsed', 'not_payable', 'not_yet_at_school'] as const;
export type ScholarshipYearOutcome = (typeof SCHOLARSHIP_YEAR_OUTCOMES)[number];

/**
 * A school year's row: its window open, a proof waiting for review (or rejected by the reviewer, the window still
 * open), a proof received (confirmed), a payment refused, or decided.
 */
export const SCHOLARSHIP_YEAR_STATUSES = [
  'window_open',
  'proof_under_review',
  'proof_rejected',
  'proof_received',
  'payment_refused',
  ...SCHOLARSHIP_YEAR_OUTCOMES,
] as const;
export type ScholarshipYearStatus = (typeof SCHOLARSHIP_YEAR_STATUSES)[number];

/** Whether a school year's recorded status is a decision (and not an open window). */
export function isScholarshipYearOutcome(status: string): status is ScholarshipYearOutcome {
  return (SCHOLARSHIP_YEAR_OUTCOMES as readonly string[]).includes(status);
}
