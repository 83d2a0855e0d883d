// Every string column in the migrations against what can reach it: the longest value each request schema accepts
// fits its column, each enum's longest member fits, each derived key fits, and the API accepts nothing the payment
// gateway or the rules would refuse. A new varchar column must be classified here.
import type { z } from 'zod';
import { auditLogQuery } from '../../api/schemas/audit-log';
import { createClaimBody, idempotencyKeyHeader } from '../../api/schemas/claims';
import { REIMBURSEMENT_STATUSES } from '../../db/stores';
import { enrollmentBody } from '../../api/schemas/scholarships';
import { disbursementRequestSchema } from '../../gateway/types';
import { COMPONENT_CODES, MAX_RUPIAH, REGULATION_IDS } from '../../rules';
import { quoteRequestSchema } from '../../rules/schema';
import { HEIR_RELATIONSHIPS } from '../../rules/heirs';
import { SCHOOL_LEVELS } from '../../rules/school';
import { PROGRAMS } from '../../rules/programs';
import { STAFF_ROLES } from '../../vocabulary/actors';
import {
  bankAccountSchema,
  childSchema,
  CLAIM_EVENTS,
  claimInputSchema,
  employerSettlementSchema,
  heirSchema,
} from '../../vocabulary/claim';
import { DOCUMENT_CODES } from '../../vocabulary/documents';
import { CLAIM_NUMBER_MAX } from '../../vocabulary/limits';
import { DECISIONS } from '../../vocabulary/messages/claim';
import { PROOF_REVIEW_DECISIONS } from '../../vocabulary/messages/scholarship';
import { RECONCILIATION_OUTCOMES } from '../../vocabulary/messages/reconciliation';
import { claimNumber, nik, scholarshipId, staffId } from '../../vocabulary/primitives';
import {
  CLAIM_STATUSES,
  SCHOLARSHIP_END_REASONS,
  SCHOLARSHIP_STATUSES,
  SCHOLARSHIP_YEAR_STATUSES,
} from '../../vocabulary/status';
import { createTestDb, type TestDb } from '../helpers/db';
import {
  ACCIDENT_KINDS,
  accidentInputSchema,
  accidentIntakeBody,
  FINDINGS,
  incapacityBody,
  ITEM_KINDS,
  ITEM_STATUSES,
  PAYEES,
  treatmentBody,
} from '../../vocabulary/accident';
import { TRANSPORT_MODES } from '../../rules/regulations/types';
import { employerProofFields } from '../../vocabulary/employer-proof';

let t: TestDb;
const columns = new Map<string, number | null>();
beforeAll(async () => {
  t = await createTestDb();
  const rows: { table_name: string; column_name: string; character_maximum_length: number | null }[] = await t
    .db('information_schema.columns')
    .where({ table_schema: 'public' })
    .whereIn('data_type', ['character varying', 'text'])
    .whereNot('table_name', 'like', 'knex%');
  for (const r of rows) columns.set(`${r.table_name}.${r.column_name}`, r.character_maximum_length);
});
afterAll(async () => {
  await t?.drop();
});

/** The longest value of `make(n)` the schema accepts, n up to 5000. */
function longest(schema: z.ZodType, make: (n: number) => string): number {
  let best = -1;
  for (let n = 0; n <= 5000; n++) if (schema.safeParse(make(n)).success) best = make(n).length;
  if (best < 0) throw new Error('the schema accepts none of the values');
  return best;
}
const letters = (n: number) => 'a'.repeat(n);
const digits = (n: number) => '1'.repeat(n);
const upper = (n: number) => 'A'.repeat(n);
const claim = (n: number) => `JKM-20261124-${'A'.repeat(Math.max(0, n - 13))}`;
const maxOf = (values: readonly string[]) => Math.max(...values.map((v) => v.length));

const CLAIM_NUMBER = longest(claimNumber, claim);
const SCHOLARSHIP_ID = longest(scholarshipId, (n) => `${claim(n - 3)}-S1`);
const STAFF_ID = longest(staffId, letters);
const COMPONENT = maxOf([
  ...COMPONENT_CODES,
  ...COMPONENT_CODES.map((code) => `closing-${code}`),
  'item-100000',
  'late_compensation',
  'employer_reimbursement',
]);
/** A ledger key: <claimNumber>:<component>, or a scholarship year's <workflowId>:<schoolYear>. */
const LEDGER_KEY = Math.max(CLAIM_NUMBER + 1 + COMPONENT, SCHOLARSHIP_ID + 1 + '2027/2028'.length);
/** The gateway's key: the ledger key, then :r<revision> (up to 9999 replacement accounts). */
const TRANSFER_KEY = LEDGER_KEY + ':r9999'.length;
const shape = <S extends z.ZodObject>(s: S) => s.shape;

/** What can reach each request-fed or enumerated column, at its longest. */
const REACHES: Record<string, number> = {
  'claims.claim_number': CLAIM_NUMBER,
  'scholarships.workflow_id': SCHOLARSHIP_ID,
  'heirs.name': longest(shape(heirSchema).name, letters),
  'children.name': longest(shape(childSchema).name, letters),
  'claims.account_name': longest(shape(bankAccountSchema).accountName, letters),
  'claims.account_number': longest(shape(bankAccountSchema).accountNumber, digits),
  'claims.bank_code': longest(shape(bankAccountSchema).bankCode, upper),
  'claims.participant_nik': longest(nik, digits),
  'heirs.nik': longest(nik, digits),
  'claims.created_by': STAFF_ID,
  'claims.tracking_code_hash': longest(shape(claimInputSchema).trackingCodeHash, letters),
  'intake_requests.idempotency_key': longest(idempotencyKeyHeader, letters),
  'scholarship_years.institution': longest(shape(enrollmentBody).institution, letters),
  'scholarship_years.document_reference': longest(shape(enrollmentBody).documentReference, letters),
  'scholarship_years.school_year': '2027/2028'.length,
  'claims.program': maxOf(PROGRAMS),
  'claims.event': maxOf(CLAIM_EVENTS),
  'claims.status': maxOf(CLAIM_STATUSES),
  'claims.decision': maxOf(DECISIONS),
  'heirs.relationship': maxOf(HEIR_RELATIONSHIPS),
  'documents.code': maxOf(DOCUMENT_CODES),
  'children.school_level': maxOf(SCHOOL_LEVELS),
  'assessments.regulation': maxOf(REGULATION_IDS),
  'scholarships.status': maxOf(SCHOLARSHIP_STATUSES),
  'scholarships.end_reason': maxOf(SCHOLARSHIP_END_REASONS),
  'scholarship_years.status': maxOf(SCHOLARSHIP_YEAR_STATUSES),
  'scholarship_years.review_decision': maxOf(PROOF_REVIEW_DECISIONS),
  'payouts.status': maxOf(['pending', 'paid', 'refused', 'failed']),
  'payouts.component': COMPONENT,
  'payouts.idempotency_key': LEDGER_KEY,
  'payouts.gateway_key': TRANSFER_KEY,
  'reconciliation_items.transfer_key': TRANSFER_KEY,
  'reconciliation_items.outcome': maxOf(RECONCILIATION_OUTCOMES),
  'audit_log.actor_role': maxOf(STAFF_ROLES),
  'rate_limit_counters.key': 'family:claim:'.length + CLAIM_NUMBER,
  'employer_reimbursements.status': maxOf(REIMBURSEMENT_STATUSES),
  'employer_reimbursements.arrears_settlement_reference': longest(
    shape(employerSettlementSchema).arrearsSettlementReference,
    letters,
  ),
  'employer_reimbursements.proof_of_payment_reference': longest(
    shape(employerSettlementSchema).proofOfPaymentReference,
    letters,
  ),
  // The history archive: workflow ids of claims and scholarships only (claimNumberOfWorkflowId), one per claim.
  'history_archive.workflow_id': SCHOLARSHIP_ID,
  'history_digests.workflow_id': SCHOLARSHIP_ID,
  'history_archive.claim_number': CLAIM_NUMBER,
  'history_digests.claim_number': CLAIM_NUMBER,
  'supervisor_tasks.dedup_key':
    'reconciliation:2026-11-24:'.length + TRANSFER_KEY + ':amount_mismatch'.length,
};
// The same value in other tables.
for (const table of [
  'heirs',
  'children',
  'documents',
  'assessments',
  'payouts',
  'claim_events',
  'notifications',
]) {
  REACHES[`${table}.claim_number`] = CLAIM_NUMBER;
}
for (const table of ['claimed_deaths', 'tracking_code_reissues']) {
  REACHES[`${table}.claim_number`] = CLAIM_NUMBER;
}
for (const table of ['intake_requests', 'scholarships', 'scholarship_years', 'scholarship_events']) {
  REACHES[`${table}.claim_number`] = CLAIM_NUMBER;
}
for (const table of [
  'scholarship_choices',
  'audit_log',
  'reconciliation_items',
  'supervisor_tasks',
  'employer_reimbursements',
]) {
  REACHES[`${table}.claim_number`] = CLAIM_NUMBER;
}
for (const column of ['scholarship_years.workflow_id', 'scholarship_events.workflow_id']) {
  REACHES[column] = SCHOLARSHIP_ID;
}
for (const column of [
  'claims.verified_by',
  'claims.decided_by',
  'documents.checked_by',
  'claim_events.actor',
  'intake_requests.created_by',
  'tracking_code_reissues.issued_by',
  'scholarship_choices.chosen_by',
  'scholarship_events.actor',
  'scholarship_years.submitted_by',
  'scholarship_years.reviewed_by',
  'audit_log.actor_id',
  'employer_reimbursements.recorded_by',
  'employer_reimbursements.decided_by',
]) {
  REACHES[column] = STAFF_ID;
}
Object.assign(REACHES, {
  'payouts.account_number': REACHES['claims.account_number'],
  'payouts.bank_code': REACHES['claims.bank_code'],
  'employer_reimbursements.account_number': REACHES['claims.account_number'],
  'employer_reimbursements.bank_code': REACHES['claims.bank_code'],
  'employer_reimbursements.account_name': REACHES['claims.account_name'],
  'intake_requests.tracking_code_hash': REACHES['claims.tracking_code_hash'],
  'claimed_deaths.participant_nik': REACHES['claims.participant_nik'],
  'claimed_deaths.program': REACHES['claims.program'],
  'claimed_deaths.released_because': REACHES['claims.status'],
  'scholarships.school_year': REACHES['scholarship_years.school_year'],
  'scholarships.expected_level': REACHES['children.school_level'],
  'scholarship_years.level': REACHES['children.school_level'],
  'reconciliation_items.component': COMPONENT,
  'scholarship_years.idempotency_key': LEDGER_KEY,
  // A change of payee: the account as the bank-account routes take it, proposed and reviewed by staff (or "family").
  'account_changes.workflow_id': SCHOLARSHIP_ID,
  'account_changes.claim_number': CLAIM_NUMBER,
  'account_changes.bank_code': REACHES['claims.bank_code'],
  'account_changes.account_number': REACHES['claims.account_number'],
  'account_changes.account_name': REACHES['claims.account_name'],
  'account_changes.proposed_by': STAFF_ID,
  'account_changes.reviewed_by': STAFF_ID,
  'account_changes.reviewer_role': maxOf(STAFF_ROLES),
  'account_changes.status': maxOf(['pending', 'approved', 'rejected']),
});

/** Columns no request reaches, and why their length holds. */
// Accident cases (vocabulary/accident.ts).
for (const table of ['accident_holds', 'accident_cases', 'accident_items']) {
  REACHES[`${table}.claim_number`] = CLAIM_NUMBER;
}
for (const column of [
  'accident_cases.finding_by',
  'accident_cases.finding_confirmed_by',
  'accident_cases.closing_decided_by',
  'accident_items.recorded_by',
  'accident_items.verified_by',
  'accident_items.decided_by',
  'accident_items.employer_payment_by',
]) {
  REACHES[column] = STAFF_ID;
}
Object.assign(REACHES, {
  'accident_holds.participant_nik': REACHES['claims.participant_nik'],
  'accident_holds.released_because': REACHES['claims.status'],
  'accident_cases.accident_kind': maxOf(ACCIDENT_KINDS),
  'accident_cases.accident_place': longest(accidentIntakeBody.shape.accidentPlace, letters),
  'accident_cases.regulation': maxOf(REGULATION_IDS),
  'accident_cases.finding': maxOf(FINDINGS),
  // <claimNumber>D: the accident case's claim number is one character short of the longest.
  'accident_cases.death_claim_number': longest(accidentInputSchema.shape.claimNumber, claim) + 1,
  'accident_items.kind': maxOf(ITEM_KINDS),
  'accident_items.provider': longest(treatmentBody.shape.provider, letters),
  'accident_items.mode': maxOf(TRANSPORT_MODES),
  'accident_items.document_ref': longest(incapacityBody.shape.documentRef, letters),
  'accident_items.employer_payment_ref': longest(employerProofFields.employerPaymentRef, letters),
  'accident_items.pay_to': maxOf(PAYEES),
  'accident_items.status': maxOf(ITEM_STATUSES),
  'accident_items.idempotency_key': LEDGER_KEY,
});

const INTERNAL: Record<string, string> = {
  'employers.id': 'the registry (seeded)',
  'employers.name': 'the registry (seeded)',
  'participants.nik': 'the registry (seeded)',
  'participants.kpj_number': 'the registry (seeded)',
  'participants.name': 'the registry (seeded)',
  'participants.employer_id': 'the registry (seeded)',
  'employer_reimbursements.employer_id': "the registry's employers.id, copied",
  'intake_requests.request_hash': 'a sha256 in hex: 64',
  'claim_events.type': 'step names written in the workflows',
  'scholarship_events.type': 'step names written in the workflows',
  'notifications.dedup_key': '<claimNumber>:<kind>, kinds written in the code',
  'notifications.kind': 'written in the code',
  'notifications.audience': 'written in the code',
  'payouts.failure_code': 'the gateway code or the failure type, cut to 40 (PayoutStore)',
  'payouts.gateway_reference': "the gateway's disbursement id",
  'scholarship_years.gateway_reference': "the gateway's disbursement id",
  'reconciliation_items.gateway_reference': "the gateway's disbursement id",
  'reconciliation_reports.status': 'balanced or mismatched',
  'supervisor_tasks.kind': 'written in the code',
  'supervisor_tasks.status': 'open or closed',
  'audit_log.actor_kind': 'staff, family or anonymous',
  'audit_log.method': 'cut to 10 (AuditWriter)',
  'audit_log.route': 'a declared route pattern, cut to 200',
  'audit_log.path': 'cut to 300',
  'audit_log.problem_type': 'cut to 60',
  'audit_log.client_address': 'cut to 100',
  'claim_totals.program': 'copied by a trigger from claims.program (the same width)',
  'claim_totals.status': 'copied by a trigger from claims.status (the same width)',
  'payout_totals.status': 'copied by a trigger from payouts.status (the same width)',
  'history_archive.run_id': 'a Temporal run id (a UUID: 36)',
  'history_archive.previous_run_id': 'a Temporal run id (a UUID: 36)',
  'history_digests.run_id': 'a Temporal run id (a UUID: 36)',
  'history_archive.namespace': "TEMPORAL_NAMESPACE (Temporal's own limit on a namespace name is 255)",
  'history_archive.workflow_type': 'ARCHIVED_WORKFLOW_TYPES, written in the code',
  'history_archive.close_status': "Temporal's execution status names (CONTINUED_AS_NEW the longest)",
  'history_digests.algorithm': 'sha256 (replay/hash-chain.ts)',
  'history_digests.canonicalization': 'json-sorted-keys (replay/hash-chain.ts)',
  'history_archive_progress.archiver': 'HISTORY_ARCHIVE_SCHEDULE_ID',
};

describe('string columns', () => {
  it('are each classified: reached by a request or an enum, or internal', () => {
    const unknown = [...columns].filter(
      ([name, length]) => length !== null && !(name in REACHES) && !(name in INTERNAL),
    );
    expect(unknown).toEqual([]);
  });

  it('hold the longest value that can reach them', () => {
    const tooShort = Object.entries(REACHES)
      .filter(([name, reach]) => (columns.get(name) ?? Infinity) < reach)
      .map(([name, reach]) => `${name}: ${reach} into ${columns.get(name)}`);
    expect(tooShort).toEqual([]);
    expect(Object.keys(REACHES).filter((name) => !columns.has(name))).toEqual([]);
  });
});

describe('limits downstream of the database', () => {
  it('accept no account the payment gateway would refuse', () => {
    const gateway = disbursementRequestSchema.shape;
    const account = shape(bankAccountSchema);
    expect(longest(account.accountName, letters)).toBe(longest(gateway.accountName, letters));
    expect(longest(account.accountNumber, digits)).toBeLessThanOrEqual(
      longest(gateway.accountNumber, digits),
    );
    expect(longest(account.bankCode, upper)).toBeLessThanOrEqual(longest(gateway.bankCode, upper));
    expect(LEDGER_KEY).toBeLessThanOrEqual(longest(gateway.reference, letters));
    expect(CLAIM_NUMBER).toBe(CLAIM_NUMBER_MAX);
  });

  it('accept no wage the benefit rules would refuse', () => {
    const wages = [
      shape(createClaimBody).actualMonthlyWage,
      shape(claimInputSchema).actualMonthlyWage,
      shape(quoteRequestSchema).actualMonthlyWage,
    ];
    for (const wage of wages) {
      expect(wage.safeParse(MAX_RUPIAH).success).toBe(true);
      expect(wage.safeParse(MAX_RUPIAH + 1).success).toBe(false);
    }
  });

  it('read an audit-log actor as long as the column that holds it', () => {
    expect(longest(shape(auditLogQuery).actor, letters)).toBe(columns.get('audit_log.actor_id'));
  });
});
