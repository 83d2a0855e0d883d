// The read models of one claim, each in one statement: what the staff view and the family view show, read with
// one round trip instead of one query per table (bench/status: the views are read far more often than written).
// Every table is still reached by its key index; each row comes back as JSON and is revived to the row types the
// per-aggregate stores return (timestamps as Dates; dates, bigints and jsonb as those stores give them).
import type { Knex } from 'knex';
import type {
  AssessmentRow,
  ChildRow,
  ClaimEventRow,
  ClaimRow,
  DocumentRow,
  HeirRow,
  TrackingCodeReissueRow,
} from './claim-rows';
import type { AccountChangeRow } from './account-changes';
import type { EmployerReimbursementRow } from './employer-reimbursements';
import type { PayoutRow } from './payouts';
import type { ScholarshipChoiceRow, ScholarshipRow, ScholarshipYearRow } from './scholarship-rows';

type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

/** The named timestamp columns of a JSON row back to Dates (to_json writes them ISO 8601 with the offset). */
export function revive<T>(row: Json<T>, timestamps: readonly (keyof T)[]): T {
  const out = { ...row } as Record<keyof T, unknown>;
  for (const k of timestamps) {
    const v = row[k];
    out[k] = v === null || v === undefined ? v : new Date(v as string);
  }
  return out as T;
}

export const CLAIM_TIMES = [
  'escalated_at',
  'verified_at',
  'decided_at',
  'closed_at',
  'created_at',
  'updated_at',
] as const;
const PAYOUT_TIMES = ['paid_at', 'created_at', 'updated_at'] as const;
const SCHOLARSHIP_TIMES = ['ended_at', 'created_at', 'updated_at'] as const;
const YEAR_TIMES = ['submitted_at', 'decided_at', 'reviewed_at', 'created_at', 'updated_at'] as const;

/** A subquery: the claim's rows of `table` as a JSON array, in `order`. */
const rows = (table: string, order: string) =>
  `(select coalesce(json_agg(r order by ${order}), '[]') from ${table} r where r.claim_number = k.n)`;
/** A subquery: the claim's one row of `table` as JSON, or null. */
const one = (table: string) => `(select to_json(r) from ${table} r where r.claim_number = k.n)`;

const SCHOLARSHIP_PARTS = `${rows('scholarships', 'r.child_number')} as scholarships,
  ${rows('scholarship_years', 'r.workflow_id, r.school_year')} as years`;

/** The family view's columns, of the claim whose number is `k.n`: also read by the family's access statement. */
export const FAMILY_VIEW_COLUMNS = `${one('assessments')} as assessment,
  ${rows('payouts', 'r.id')} as payouts,
  (select coalesce(json_agg(json_build_object('type', r.type, 'created_at', r.created_at) order by r.seq), '[]')
     from claim_events r where r.claim_number = k.n) as timeline,
  (select coalesce(json_agg(r.code order by r.code), '[]')
     from documents r where r.claim_number = k.n and not r.received) as missing_documents,
  ${SCHOLARSHIP_PARTS}`;

const FAMILY = `select ${FAMILY_VIEW_COLUMNS} from (select ?::text as n) k`;

const STAFF = `select (select to_json(r) from claims r where r.claim_number = k.n) as claim,
  ${rows('heirs', 'r.position')} as heirs,
  ${rows('children', 'r.position')} as children,
  ${rows('documents', 'r.code')} as documents,
  ${one('assessments')} as assessment,
  ${rows('payouts', 'r.id')} as payouts,
  ${rows('claim_events', 'r.seq')} as events,
  ${SCHOLARSHIP_PARTS},
  ${one('scholarship_choices')} as choice,
  ${rows('tracking_code_reissues', 'r.id')} as reissues,
  ${one('employer_reimbursements')} as reimbursement,
  ${rows('account_changes', 'r.workflow_id, r.proposal')} as account_changes
  from (select ?::text as n) k`;

export interface ScholarshipsOfClaim {
  scholarships: ScholarshipRow[];
  years: ScholarshipYearRow[];
}

export interface FamilyViewRows extends ScholarshipsOfClaim {
  assessment: AssessmentRow | undefined;
  payouts: PayoutRow[];
  timeline: Pick<ClaimEventRow, 'type' | 'created_at'>[];
  /** The codes of the documents checked and found missing. */
  missingDocuments: string[];
}

export interface StaffViewRows extends ScholarshipsOfClaim {
  claim: ClaimRow;
  heirs: HeirRow[];
  children: ChildRow[];
  documents: DocumentRow[];
  assessment: AssessmentRow | undefined;
  payouts: PayoutRow[];
  events: ClaimEventRow[];
  choice: ScholarshipChoiceRow | undefined;
  reissues: TrackingCodeReissueRow[];
  reimbursement: EmployerReimbursementRow | undefined;
  accountChanges: AccountChangeRow[];
}

interface Raw {
  assessment: Json<AssessmentRow> | null;
  payouts: Json<PayoutRow>[];
  scholarships: Json<ScholarshipRow>[];
  years: Json<ScholarshipYearRow>[];
}

/** A row of FAMILY_VIEW_COLUMNS, as PostgreSQL returns it. */
export interface FamilyViewRaw extends Raw {
  timeline: Json<Pick<ClaimEventRow, 'type' | 'created_at'>>[];
  missing_documents: string[];
}

/** The family view's rows from FAMILY_VIEW_COLUMNS, timestamps revived. */
export function reviveFamilyView(raw: FamilyViewRaw): FamilyViewRows {
  return {
    ...common(raw),
    timeline: raw.timeline.map((e) => revive<Pick<ClaimEventRow, 'type' | 'created_at'>>(e, ['created_at'])),
    missingDocuments: raw.missing_documents,
  };
}

function common(raw: Raw) {
  return {
    assessment: raw.assessment ? revive<AssessmentRow>(raw.assessment, ['created_at']) : undefined,
    payouts: raw.payouts.map((p) => revive<PayoutRow>(p, PAYOUT_TIMES)),
    scholarships: raw.scholarships.map((s) => revive<ScholarshipRow>(s, SCHOLARSHIP_TIMES)),
    years: raw.years.map((y) => revive<ScholarshipYearRow>(y, YEAR_TIMES)),
  };
}

/**
 * A named prepared statement (pg's query `name`, passed through knex's `.options`): PostgreSQL parses and plans the
 * statement once per connection instead of at every request; the views' plans cost more than their execution.
 * The name must be the statement's alone: pg refuses one name for two texts on a connection.
 */
export const prepared = (name: string) => ({ name });

export class ClaimViewStore {
  constructor(private readonly db: Knex) {}

  /** What the family view reads besides the claim row, in one statement. */
  async family(claimNumber: string): Promise<FamilyViewRows> {
    const { rows: found } = await this.db
      .raw<{ rows: FamilyViewRaw[] }>(FAMILY, [claimNumber])
      .options(prepared('claim-view-family'));
    return reviveFamilyView(found[0]!);
  }

  /** What the staff view reads, the claim row included, in one statement; undefined when there is no such claim. */
  async staff(claimNumber: string): Promise<StaffViewRows | undefined> {
    const { rows: found } = await this.db
      .raw<{
        rows: (Raw & {
          claim: Json<ClaimRow> | null;
          heirs: HeirRow[];
          children: ChildRow[];
          documents: Json<DocumentRow>[];
          events: Json<ClaimEventRow>[];
          choice: Json<ScholarshipChoiceRow> | null;
          reissues: Json<TrackingCodeReissueRow>[];
          reimbursement: Json<EmployerReimbursementRow> | null;
          account_changes: Json<AccountChangeRow>[];
        })[];
      }>(STAFF, [claimNumber])
      .options(prepared('claim-view-staff'));
    const raw = found[0]!;
    if (!raw.claim) return undefined;
    return {
      ...common(raw),
      claim: revive<ClaimRow>(raw.claim, CLAIM_TIMES),
      heirs: raw.heirs,
      children: raw.children,
      documents: raw.documents.map((d) => revive<DocumentRow>(d, ['checked_at'])),
      events: raw.events.map((e) => revive<ClaimEventRow>(e, ['created_at'])),
      choice: raw.choice ? revive<ScholarshipChoiceRow>(raw.choice, ['created_at']) : undefined,
      reissues: raw.reissues.map((r) => revive<TrackingCodeReissueRow>(r, ['issued_at'])),
      reimbursement: raw.reimbursement
        ? revive<EmployerReimbursementRow>(raw.reimbursement, ['recorded_at', 'decided_at'])
        : undefined,
      accountChanges: raw.account_changes.map((c) =>
        revive<AccountChangeRow>(c, ['proposed_at', 'reviewed_at']),
      ),
    };
  }
}
