// Generates claims in PostgreSQL with set-based SQL (generate_series, one statement per table), not one request per
// row: each claim with 2 heirs, 3 checked documents, an event log, and (when assessed) an assessment; paid claims
// with 2 payouts; every tenth claim with a scholarship and 3 school years; 2 audit-log rows per claim. One day
// (RECONCILIATION_DAY, Asia/Jakarta) holds `dayPayouts` paid payouts, for the reconciliation of a busy day.
import type { Knex } from 'knex';
import { hashTrackingCode, DEV_TRACKING_CODE_SECRET } from '../../api/middleware/tracking-code';

/** Every generated claim opens with this tracking code (the bench's family requests send it). */
export const BENCH_TRACKING_CODE = 'BENCHCODE234';
export const RECONCILIATION_DAY = '2026-06-15';

/** The claim number of the i-th generated claim (1-based): the same formula as the SQL below. */
export function benchClaimNumber(i: number): string {
  return `JKM-20260101-${String(i).padStart(8, '0')}`;
}

/** Status by i % 10: six in ten paid, the rest spread over the open and closed states. */
const STATUS_BY_REMAINDER = `(array['paid','paid','paid','paid','paid','paid',
  'waiting_for_documents','waiting_for_decision','rejected','paying'])[i % 10 + 1]`;
/** How many events each status has recorded (the claim's steps so far). */
const EVENTS_BY_REMAINDER = `(array[9,9,9,9,9,9,2,5,6,7])[i % 10 + 1]`;
const EVENT_TYPES = `array['claim_received','membership_checked','verification_due','documents_verified',
  'benefit_assessed','decision_recorded','family_notified','payout_paid','claim_paid']`;

export interface GenerateOptions {
  claims: number;
  /** Paid payouts placed on RECONCILIATION_DAY (at most the number of paid claims × 2). */
  dayPayouts: number;
  /** Progress, one line per table. */
  log?: (line: string) => void;
}

/** Inserts `claims` claims and everything recorded on them into an empty, migrated database. */
export async function generateClaims(db: Knex, o: GenerateOptions): Promise<void> {
  const log = o.log ?? (() => undefined);
  const n = o.claims;
  const hash = hashTrackingCode(BENCH_TRACKING_CODE, DEV_TRACKING_CODE_SECRET);
  // Which payouts land on the busy day: the first `dayPayouts` of the paid claims' payouts (2 per claim).
  const dayClaims = Math.ceil(o.dayPayouts / 2);
  const steps: [string, string, unknown[]][] = [
    [
      'claims',
      `insert into claims (claim_number, program, event, participant_nik, event_date, claim_date, status,
         tracking_code_hash, created_by, escalated, verification_due, verified_by, verified_at, decision, decided_by,
         decision_reason, decided_at, bank_code, account_number, account_name, closed_at, created_at, updated_at)
       select 'JKM-20260101-' || lpad(i::text, 8, '0'), case when i % 3 = 0 then 'JKK' else 'JKM' end, 'death',
         lpad((3171000000000000 + i)::text, 16, '0'), (t - interval '10 days')::date, t::date, s,
         ?, 'officer-' || (i % 50), i % 17 = 0, (t + interval '3 days')::date,
         case when s <> 'waiting_for_documents' then 'officer-' || (i % 50) end,
         case when s <> 'waiting_for_documents' then t + interval '1 day' end,
         case when s in ('paid','paying') then 'approve' when s = 'rejected' then 'reject' end,
         case when s in ('paid','paying','rejected') then 'officer-' || ((i + 1) % 50) end,
         case when s in ('paid','paying','rejected') then 'Complete file' end,
         case when s in ('paid','paying','rejected') then t + interval '2 days' end,
         'BRI', lpad((1000000000 + i)::text, 10, '0'), 'Heir ' || i,
         case when s in ('paid','rejected') then t + interval '3 days' end, t, t
       from (select i, timestamptz '2026-11-30 00:00+07' - i * interval '30 seconds' as t,
                    ${STATUS_BY_REMAINDER} as s
             from generate_series(1, ?) as i) g`,
      [hash, n],
    ],
    [
      'heirs',
      `insert into heirs (claim_number, position, name, relationship, nik, date_of_birth, recipient)
       select 'JKM-20260101-' || lpad(i::text, 8, '0'), p, 'Heir ' || i || '-' || p,
         case when p = 1 then 'spouse' else 'child' end, null, date '1990-01-01' + (i % 5000), p = 1
       from generate_series(1, ?) as i, generate_series(1, 2) as p`,
      [n],
    ],
    [
      'documents',
      `insert into documents (claim_number, code, received, checked_by, checked_at)
       select 'JKM-20260101-' || lpad(i::text, 8, '0'),
         (array['death_certificate','family_card','heir_statement'])[p], not (i % 10 = 6 and p = 3),
         'officer-' || (i % 50), timestamptz '2026-11-30 00:00+07' - i * interval '30 seconds' + interval '1 day'
       from generate_series(1, ?) as i, generate_series(1, 3) as p`,
      [n],
    ],
    [
      'assessments',
      `insert into assessments (claim_number, regulation, inputs, components, total, notes, created_at)
       select 'JKM-20260101-' || lpad(i::text, 8, '0'), 'PP82-2019', '{"monthlyWage":3500000}',
         '[{"code":"death_benefit","amount":20000000,"basis":"PP 82/2019","explanation":"Lump sum"},
           {"code":"periodic_benefit","amount":12000000,"basis":"PP 82/2019","explanation":"24 months"}]',
         32000000, '[]', timestamptz '2026-11-30 00:00+07' - i * interval '30 seconds' + interval '1 day'
       from generate_series(1, ?) as i where i % 10 not in (6)`,
      [n],
    ],
    [
      'payouts',
      // Paid claims (i % 10 < 6) have two paid payouts; the first dayClaims of them were paid on the busy day.
      `insert into payouts (idempotency_key, claim_number, component, amount, status, gateway_key, account_revision,
         bank_code, account_number, gateway_reference, paid_at, created_at, updated_at)
       select c || ':' || comp, c, comp, amt, 'paid', c || ':' || comp, 0, 'BRI', lpad((1000000000 + i)::text, 10, '0'),
         'GW-' || i || '-' || p, paid, paid, paid
       from (select *,
               -- Only the chosen payouts on the busy day: the others that would fall on it move a day on.
               case when rn > ? and (t at time zone 'Asia/Jakarta')::date = date '${RECONCILIATION_DAY}'
                    then t + interval '1 day' else t end as paid
             from (select i, p, 'JKM-20260101-' || lpad(i::text, 8, '0') as c,
                    (array['death_benefit','periodic_benefit'])[p] as comp,
                    (array[20000000,12000000])[p] as amt,
                    row_number() over (order by i, p) as rn,
                    case when row_number() over (order by i, p) <= ?
                         then timestamptz '${RECONCILIATION_DAY} 08:00+07' + (i % 28800) * interval '1 second'
                         else timestamptz '2026-11-30 00:00+07' - i * interval '30 seconds' + interval '3 days' end as t
             from generate_series(1, ?) as i, generate_series(1, 2) as p where i % 10 < 6) g) h`,
      [dayClaims * 2, dayClaims * 2, n],
    ],
    [
      'claim_events',
      `insert into claim_events (claim_number, seq, type, actor, data, created_at)
       select 'JKM-20260101-' || lpad(i::text, 8, '0'), e, (${EVENT_TYPES})[e],
         case when e in (4, 6) then 'officer-' || (i % 50) end, '{}',
         timestamptz '2026-11-30 00:00+07' - i * interval '30 seconds' + e * interval '6 hours'
       from generate_series(1, ?) as i, generate_series(1, ${EVENTS_BY_REMAINDER}) as e`,
      [n],
    ],
    [
      'scholarships',
      `insert into scholarships (workflow_id, claim_number, child_number, child_position, status, school_year,
         expected_level, expected_grade, window_opens_on, deadline, total_paid, years_paid, projected, last_seq)
       select 'JKM-20260101-' || lpad(i::text, 8, '0') || '-S1', 'JKM-20260101-' || lpad(i::text, 8, '0'), 1, 2,
         'waiting_for_proof', '2026/2027', 'SD', 3, date '2026-07-01', date '2026-12-31', 3000000, '{"SD":2}',
         '[{"schoolYear":"2027/2028","level":"SD","grade":4,"amount":1500000}]', 5
       from generate_series(10, ?, 10) as i`,
      [n],
    ],
    [
      'scholarship_years',
      `insert into scholarship_years (workflow_id, claim_number, school_year, status, level, grade, amount,
         idempotency_key, gateway_reference, window_opens_on, deadline)
       select c || '-S1', c, y, case when k < 3 then 'paid' else 'window_open' end, 'SD', k,
         case when k < 3 then 1500000 else 0 end, case when k < 3 then c || '-S1:' || y end,
         case when k < 3 then 'GW-S-' || i || '-' || k end,
         make_date(2023 + k, 7, 1), make_date(2023 + k, 12, 31)
       from (select i, 'JKM-20260101-' || lpad(i::text, 8, '0') as c from generate_series(10, ?, 10) as i) g,
         generate_series(1, 3) as k, lateral (select (2023 + k) || '/' || (2024 + k) as y) yy`,
      [n],
    ],
    [
      'audit_log',
      `insert into audit_log (at, actor_kind, actor_id, actor_role, method, route, path, claim_number, status,
         client_address)
       select timestamptz '2026-11-30 00:00+07' - i * interval '30 seconds' + p * interval '1 hour',
         'staff', 'officer-' || (i % 50), 'officer', 'GET', '/claims/:claimNumber',
         '/api/v1/claims/JKM-20260101-' || lpad(i::text, 8, '0'), 'JKM-20260101-' || lpad(i::text, 8, '0'), 200,
         '10.0.0.' || (i % 200)
       from generate_series(1, ?) as i, generate_series(1, 2) as p order by 1`,
      [n],
    ],
  ];
  await db.raw('set synchronous_commit = off');
  for (const [table, sql, bindings] of steps) {
    const started = process.hrtime.bigint();
    await db.raw(sql, bindings as Knex.RawBinding[]);
    log(`  ${table}: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
  }
  const started = process.hrtime.bigint();
  await db.raw('vacuum analyze');
  // Written out now rather than by a checkpoint in the middle of the first measurement.
  await db.raw('checkpoint');
  log(`  vacuum analyze, checkpoint: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
}
