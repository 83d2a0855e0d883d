// Read models for the API, from the projections the activities write.
import type { Db } from '../../db/config';
import { CLAIM_STATUSES, claimStatusText, type ClaimStatus } from '../../vocabulary/status';
import { encodeCursor } from '../schemas/claims';
import { scholarshipChoiceView, scholarshipViews } from './scholarships';

export function maskDigits(value: string | null | undefined): string | null {
  if (!value) return null;
  return '*'.repeat(Math.max(0, value.length - 4)) + value.slice(-4);
}

export function statusText(status: string): string {
  return (CLAIM_STATUSES as readonly string[]).includes(status)
    ? claimStatusText(status as ClaimStatus)
    : status;
}

export async function findClaim(db: Db, claimNumber: string) {
  return db('claims').where({ claim_number: claimNumber }).first();
}

function payoutView(p: Record<string, unknown>, masked: boolean) {
  return {
    component: p.component,
    amount: p.amount,
    status: p.status,
    idempotencyKey: p.idempotency_key,
    gatewayReference: p.gateway_reference ?? null,
    accountNumber: masked ? maskDigits(p.account_number as string) : p.account_number,
    paidAt: p.paid_at ?? null,
  };
}

function assessmentView(a: Record<string, unknown> | undefined) {
  if (!a) return null;
  return {
    regulation: a.regulation,
    components: a.components,
    total: a.total,
    employerLiability: a.employer_liability ?? null,
    scholarship: a.scholarship ?? null,
    notes: a.notes,
  };
}

/** Everything staff see about one claim. */
export async function staffClaimView(db: Db, claim: Record<string, unknown>) {
  const claimNumber = claim.claim_number as string;
  const [heirs, children, documents, assessment, payouts, events] = await Promise.all([
    db('heirs').where({ claim_number: claimNumber }).orderBy('position'),
    db('children').where({ claim_number: claimNumber }).orderBy('position'),
    db('documents').where({ claim_number: claimNumber }).orderBy('code'),
    db('assessments').where({ claim_number: claimNumber }).first(),
    db('payouts').where({ claim_number: claimNumber }).orderBy('id'),
    db('claim_events').where({ claim_number: claimNumber }).orderBy('seq'),
  ]);
  return {
    claimNumber,
    program: claim.program,
    event: claim.event,
    participantNik: claim.participant_nik,
    eventDate: claim.event_date,
    claimDate: claim.claim_date,
    status: claim.status,
    statusReason: claim.status_reason ?? null,
    escalated: claim.escalated,
    verificationDue: claim.verification_due ?? null,
    createdBy: claim.created_by,
    verifiedBy: claim.verified_by ?? null,
    decision: claim.decision
      ? {
          decision: claim.decision,
          decidedBy: claim.decided_by,
          reason: claim.decision_reason,
          at: claim.decided_at,
        }
      : null,
    bankAccount: {
      bankCode: claim.bank_code,
      accountNumber: claim.account_number,
      accountName: claim.account_name,
    },
    heirs: heirs.map((h) => ({
      name: h.name,
      relationship: h.relationship,
      nik: h.nik,
      dateOfBirth: h.date_of_birth,
      recipient: h.recipient,
    })),
    children: children.map((c) => ({
      name: c.name,
      dateOfBirth: c.date_of_birth,
      registered: c.registered,
      schooling: c.school_level ? { level: c.school_level, grade: c.school_grade } : null,
    })),
    documents: documents.map((d) => ({ code: d.code, received: d.received, checkedBy: d.checked_by })),
    assessment: assessmentView(assessment),
    payouts: payouts.map((p) => payoutView(p, false)),
    events: events.map((e) => ({ seq: e.seq, type: e.type, actor: e.actor, data: e.data, at: e.created_at })),
    scholarships: await scholarshipViews(db, claimNumber, 'staff'),
    scholarshipChoice: await scholarshipChoiceView(db, claimNumber),
  };
}

/** What the family sees: no staff names, national ID and account masked. */
export async function familyClaimView(db: Db, claim: Record<string, unknown>) {
  const claimNumber = claim.claim_number as string;
  const [assessment, payouts, events, documents] = await Promise.all([
    db('assessments').where({ claim_number: claimNumber }).first(),
    db('payouts').where({ claim_number: claimNumber }).orderBy('id'),
    db('claim_events').where({ claim_number: claimNumber }).orderBy('seq').select('type', 'created_at'),
    db('documents').where({ claim_number: claimNumber, received: false }).select('code'),
  ]);
  return {
    claimNumber,
    program: claim.program,
    status: claim.status,
    statusText: statusText(claim.status as string),
    statusReason: claim.status_reason ?? null,
    participantNik: maskDigits(claim.participant_nik as string),
    bankAccount: { bankCode: claim.bank_code, accountNumber: maskDigits(claim.account_number as string) },
    missingDocuments: documents.map((d) => d.code),
    assessment: assessment
      ? {
          regulation: assessment.regulation,
          total: assessment.total,
          components: (assessment.components as { code: string; amount: number; explanation: string }[]).map(
            (c) => ({
              code: c.code,
              amount: c.amount,
              explanation: c.explanation,
            }),
          ),
          scholarship: assessment.scholarship ?? null,
        }
      : null,
    payouts: payouts.map((p) => payoutView(p, true)),
    timeline: events.map((e) => ({ step: e.type, at: e.created_at })),
    scholarships: await scholarshipViews(db, claimNumber, 'family'),
  };
}

export interface ClaimPage {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

/** The work queue: newest first, keyset-paged on (created_at, claim_number). */
export async function listClaims(
  db: Db,
  query: { status?: string; limit: number; after?: [string, string] },
): Promise<ClaimPage> {
  const q = db('claims')
    .select(
      'claim_number',
      'program',
      'status',
      'event_date',
      'claim_date',
      'escalated',
      'verification_due',
      'created_at',
    )
    .select(db.raw(`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at`))
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'claim_number', order: 'desc' },
    ])
    .limit(query.limit + 1);
  if (query.status) q.where('status', query.status);
  if (query.after) q.whereRaw('(created_at, claim_number) < (?::timestamptz, ?)', query.after);
  const rows = await q;
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      claimNumber: r.claim_number,
      program: r.program,
      status: r.status,
      eventDate: r.event_date,
      claimDate: r.claim_date,
      escalated: r.escalated,
      verificationDue: r.verification_due,
      createdAt: r.created_at,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.cursor_at, last.claim_number) : null,
  };
}
