// The accident case aggregate: the case beside its claims row, the hold keeping one case per accident, and the
// case's items (treatments, transport, STMB periods). The only code naming these tables.
import type { Knex } from 'knex';
import type { AccidentInput, ItemKind, ItemStatus, Payee } from '../../vocabulary/accident';
import { atomically } from './atomic';

export interface AccidentCaseRow {
  claim_number: string;
  accident_kind: string;
  accident_date: string;
  diagnosis_date: string | null;
  accident_place: string;
  reported_at: Date;
  report_deadline: Date;
  employer_liable: boolean;
  employer_liable_reason: string | null;
  regulation: string;
  expiry_date: string | null;
  monthly_wage: number | null;
  wage_worker: boolean | null;
  finding_due: string | null;
  finding: string | null;
  finding_reasons: string | null;
  finding_by: string | null;
  finding_confirmed_by: string | null;
  closing: unknown;
  closing_decided_by: string | null;
  return_to_work: unknown;
  death_claim_number: string | null;
  /** Why the employer pays first and is reimbursed (late report, arrears), or null. */
  employer_pays_first: string | null;
}

/** The case's columns a step may change. */
export type AccidentCaseChange = Partial<
  Pick<
    AccidentCaseRow,
    | 'monthly_wage'
    | 'wage_worker'
    | 'finding_due'
    | 'finding'
    | 'finding_reasons'
    | 'finding_by'
    | 'finding_confirmed_by'
    | 'closing_decided_by'
    | 'death_claim_number'
    | 'employer_pays_first'
  > & { closing: unknown; return_to_work: unknown }
>;

export interface AccidentItemRow {
  claim_number: string;
  item_number: number;
  kind: ItemKind;
  provider: string | null;
  mode: string | null;
  period_from: string;
  period_to: string;
  document_ref: string;
  claimed: number;
  amount: number;
  explanation: string;
  pay_to: Payee;
  status: ItemStatus;
  reason: string | null;
  recorded_by: string;
  verified_by: string | null;
  decided_by: string | null;
  idempotency_key: string | null;
  /** Employer liable: its proof that it paid the worker or provider first, and who recorded it. */
  employer_payment_ref?: string | null;
  employer_paid_on?: string | null;
  employer_payment_by?: string | null;
}

/** What the case's record says when it starts: the facts the workflow worked out from the intake. */
export interface AccidentFacts {
  regulation: string;
  expiryDate: string | null;
  reportDeadline: string;
  employerLiable: boolean;
  employerLiableReason?: string;
}

export type AccidentHold = { held: true } | { heldBy: string };

/** Holds the accident (participant + accident date) for the case: of two concurrent holds exactly one wins. */
export async function holdAccident(
  db: Knex,
  hold: { claimNumber: string; participantNik: string; accidentDate: string },
): Promise<AccidentHold> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await db('accident_holds')
      .insert({
        claim_number: hold.claimNumber,
        participant_nik: hold.participantNik,
        accident_date: hold.accidentDate,
      })
      .onConflict()
      .ignore();
    const own = await db('accident_holds').where({ claim_number: hold.claimNumber }).first('claim_number');
    if (own) return { held: true };
    const holder = await db('accident_holds')
      .where({ participant_nik: hold.participantNik, accident_date: hold.accidentDate })
      .whereNull('released_at')
      .first('claim_number');
    if (holder) return { heldBy: holder.claim_number as string };
  }
  throw new Error(`accident_holds: no holder settled for case ${hold.claimNumber}`);
}

export class AccidentStore {
  constructor(private readonly db: Knex) {}

  hold(hold: { claimNumber: string; participantNik: string; accidentDate: string }): Promise<AccidentHold> {
    return holdAccident(this.db, hold);
  }

  /** A refused case frees the accident: it may be filed again. */
  async release(claimNumber: string, because: string): Promise<void> {
    await this.db('accident_holds')
      .where({ claim_number: claimNumber })
      .whereNull('released_at')
      .update({ released_at: this.db.fn.now(), released_because: because });
  }

  /** The claims row (event 'accident') and the case row; false, writing nothing, when the claim number exists. */
  create(input: AccidentInput, facts: AccidentFacts): Promise<boolean> {
    return atomically(this.db, async (db) => {
      const inserted = await db('claims')
        .insert({
          claim_number: input.claimNumber,
          program: 'JKK',
          event: 'accident',
          participant_nik: input.participantNik,
          event_date: input.accidentDate,
          claim_date: input.claimDate,
          status: 'received',
          tracking_code_hash: input.trackingCodeHash,
          created_by: input.createdBy,
          bank_code: input.bankAccount.bankCode,
          account_number: input.bankAccount.accountNumber,
          account_name: input.bankAccount.accountName,
        })
        .onConflict('claim_number')
        .ignore()
        .returning('claim_number');
      if (inserted.length === 0) return false;
      await db('accident_cases').insert({
        claim_number: input.claimNumber,
        accident_kind: input.accidentKind,
        accident_date: input.accidentDate,
        diagnosis_date: input.diagnosisDate ?? null,
        accident_place: input.accidentPlace,
        reported_at: input.reportedAt,
        report_deadline: facts.reportDeadline,
        employer_liable: facts.employerLiable,
        employer_liable_reason: facts.employerLiableReason ?? null,
        regulation: facts.regulation,
        expiry_date: facts.expiryDate,
      });
      return true;
    });
  }

  async update(claimNumber: string, change: AccidentCaseChange): Promise<void> {
    const columns: Record<string, unknown> = { ...change };
    for (const json of ['closing', 'return_to_work'] as const) {
      if (json in change) columns[json] = JSON.stringify(change[json]);
    }
    if (Object.keys(columns).length === 0) return;
    await this.db('accident_cases').where({ claim_number: claimNumber }).update(columns);
  }

  /** Writes an item as the workflow now sees it (insert, or the newer status and reviewers). */
  async saveItem(item: AccidentItemRow): Promise<void> {
    await this.db('accident_items')
      .insert(item)
      .onConflict(['claim_number', 'item_number'])
      .merge([
        'status',
        'reason',
        'verified_by',
        'decided_by',
        'idempotency_key',
        'employer_payment_ref',
        'employer_paid_on',
        'employer_payment_by',
        'amount',
        'explanation',
        'updated_at',
      ]);
  }

  find(claimNumber: string): Promise<AccidentCaseRow | undefined> {
    return this.db<AccidentCaseRow>('accident_cases').where({ claim_number: claimNumber }).first();
  }

  items(claimNumber: string): Promise<AccidentItemRow[]> {
    return this.db<AccidentItemRow>('accident_items')
      .where({ claim_number: claimNumber })
      .orderBy('item_number');
  }

  /** The case holding this accident, if any (open, or closed other than refused). */
  async holder(participantNik: string, accidentDate: string): Promise<string | undefined> {
    const row = await this.db('accident_holds')
      .where({ participant_nik: participantNik, accident_date: accidentDate })
      .whereNull('released_at')
      .first('claim_number');
    return row?.claim_number as string | undefined;
  }

  /** The registry's participant with what an accident case needs, or undefined. */
  participant(nik: string) {
    return this.db('participants as p')
      .join('employers as e', 'e.id', 'p.employer_id')
      .where('p.nik', nik)
      .first<
        | {
            membership_start_date: string;
            membership_end_date: string | null;
            monthly_wage: number;
            employer_id: string;
            employer_name: string;
            arrears_since: string | null;
            wage_worker: boolean;
          }
        | undefined
      >(
        'p.membership_start_date',
        'p.membership_end_date',
        'p.monthly_wage',
        'p.employer_id',
        'e.name as employer_name',
        'e.arrears_since',
        'p.wage_worker',
      );
  }
}
