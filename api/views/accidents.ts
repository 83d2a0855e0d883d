// An accident case as the worker reads it (plain words, nothing personal unmasked) and as staff read it.
import type { AccidentCaseRow, AccidentItemRow, ClaimRow, Stores } from '../../db/stores';
import type { ClosingOutcome } from '../../vocabulary/accident';
import {
  accidentNextTexts,
  closingText,
  itemDescription,
  itemStatusText,
} from '../../vocabulary/accident-texts';
import { employerPaymentView, type EmployerPayment } from '../../vocabulary/employer-proof';
import { maskDigits } from '../../vocabulary/masking';
import { claimStatusText } from '../../vocabulary/status';
import { problems } from '../middleware/problem';

type ViewStores = Pick<Stores, 'accidents'>;

interface ClosingRecord {
  outcome: ClosingOutcome;
  closedOn: string;
  total: number;
  components: { code: string; amount: number; explanation: string }[];
  employerPayment?: EmployerPayment;
}

function itemView(item: AccidentItemRow) {
  const what = itemDescription({
    kind: item.kind,
    provider: item.provider,
    mode: item.mode,
    from: item.period_from,
    to: item.period_to,
  });
  return {
    itemNumber: item.item_number,
    kind: item.kind,
    what,
    claimed: item.claimed,
    amount: item.amount,
    explanation: item.explanation,
    paidTo: item.pay_to,
    status: item.status,
    statusText: itemStatusText(item.status),
    ...(item.reason && item.status !== 'paid' ? { reason: item.reason } : {}),
    ...(item.employer_payment_ref && item.employer_paid_on
      ? { employerPayment: employerPaymentView(item.employer_payment_ref, item.employer_paid_on, item.kind) }
      : {}),
  };
}

async function read(stores: ViewStores, claimNumber: string) {
  const [row, items] = await Promise.all([
    stores.accidents.find(claimNumber),
    stores.accidents.items(claimNumber),
  ]);
  if (!row) throw problems.notFound();
  return { row, items };
}

function common(claim: ClaimRow, row: AccidentCaseRow, items: AccidentItemRow[]) {
  const closing = row.closing as ClosingRecord | null;
  const refused = items.some((i) => i.status === 'payment_refused');
  const next = accidentNextTexts(claim.status, refused);
  return {
    claimNumber: claim.claim_number,
    program: claim.program,
    event: 'accident',
    status: claim.status,
    statusText: claimStatusText(claim.status),
    statusReason: claim.status_reason,
    accident: {
      date: row.accident_date,
      kind: row.accident_kind,
      ...(row.diagnosis_date ? { diagnosisDate: row.diagnosis_date } : {}),
      place: row.accident_place,
      reportedAt: row.reported_at,
      regulation: row.regulation,
      expiresAfter: row.expiry_date,
      employerLiable: row.employer_liable ? row.employer_liable_reason : (row.employer_pays_first ?? null),
    },
    finding: row.finding
      ? {
          finding: row.finding,
          reasons: row.finding_reasons,
          confirmed: row.finding_confirmed_by !== null,
          due: row.finding_due,
        }
      : { finding: null, due: row.finding_due },
    items: items.map(itemView),
    totalPaid: items.filter((i) => i.status === 'paid').reduce((s, i) => s + i.amount, 0),
    closing: closing
      ? {
          outcome: closing.outcome,
          text: closingText(closing.outcome),
          closedOn: closing.closedOn,
          total: closing.total,
          components: closing.components,
          decided: row.closing_decided_by !== null,
          ...(closing.employerPayment
            ? {
                employerPayment: employerPaymentView(
                  closing.employerPayment.ref,
                  closing.employerPayment.paidOn,
                  'closing',
                ),
              }
            : {}),
        }
      : null,
    ...(row.death_claim_number ? { deathClaimNumber: row.death_claim_number } : {}),
    returnToWork: (row.return_to_work as unknown[] | null) ?? [],
    next,
  };
}

/** The worker's view: GET /track/{claimNumber} for an accident case. */
export async function familyAccidentView(stores: ViewStores, claim: ClaimRow) {
  const { row, items } = await read(stores, claim.claim_number);
  return {
    ...common(claim, row, items),
    participantNik: maskDigits(claim.participant_nik),
    bankAccount: { bankCode: claim.bank_code, accountNumber: maskDigits(claim.account_number) },
  };
}

/** Staff's view: who recorded, verified and decided each step. */
export async function staffAccidentView(stores: ViewStores, claim: ClaimRow) {
  const { row, items } = await read(stores, claim.claim_number);
  const view = common(claim, row, items);
  return {
    ...view,
    participantNik: claim.participant_nik,
    monthlyWage: row.monthly_wage,
    wageWorker: row.wage_worker,
    finding: { ...view.finding, by: row.finding_by, confirmedBy: row.finding_confirmed_by },
    items: items.map((i) => ({
      ...itemView(i),
      recordedBy: i.recorded_by,
      verifiedBy: i.verified_by,
      decidedBy: i.decided_by,
      idempotencyKey: i.idempotency_key,
      ...(i.employer_payment_by ? { employerPaymentRecordedBy: i.employer_payment_by } : {}),
    })),
    closing: view.closing
      ? { ...view.closing, decidedBy: row.closing_decided_by, record: row.closing }
      : null,
  };
}
