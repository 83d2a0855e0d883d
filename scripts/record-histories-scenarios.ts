// The scenarios scripts/record-histories.ts records: every claim path, and claims with scholarships run to each
// of their ends. Each drives real workflows on the time-skipping server through the same updates as the API.
import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { type Db } from '../db/config';
import { scholarshipPlan } from '../rules';
import { addDays, addMonths, addYears } from '../rules/dates';
import type { claimWorkflow } from '../workflows/claim';
import {
  claimStateQuery,
  decideReimbursementUpdate,
  decideUpdate,
  recordEmployerSettlementUpdate,
  reviewAccountChangeUpdate,
  updateBankAccountUpdate,
  verifyUpdate,
} from '../vocabulary/messages/claim';
import {
  reportLifeEventUpdate,
  submitEnrollmentUpdate,
  type LifeEventKind,
  type LifeEventRequest,
  type SchoolLevel,
} from '../vocabulary/messages/scholarship';
import { scholarshipWorkflowId } from '../vocabulary/ids';
import type { Actor } from '../vocabulary/actors';
import type { Child, ClaimInput } from '../vocabulary/claim';
import type { ClaimStatus } from '../vocabulary/status';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../test/helpers/factories';
import {
  approvedClaim,
  bornYearsBefore,
  proof,
  proveYear,
  reviewProof,
  skipTo,
  waitingForProof,
  yearDecided,
} from '../test/helpers/scholarship';

interface PlanRow {
  schoolYear: string;
  level: SchoolLevel;
  grade: number;
}

/** Scholarship workflows the claim started as its children. */

const officer1: Actor = { kind: 'staff', id: 'officer-1', role: 'officer' };
const officer2: Actor = { kind: 'staff', id: 'officer-2', role: 'officer' };
const supervisor: Actor = { kind: 'staff', id: 'supervisor-1', role: 'supervisor' };
const officer3: Actor = { kind: 'staff', id: 'officer-3', role: 'officer' };

export interface Context {
  env: TestWorkflowEnvironment;
  db: Db;
  taskQueue: string;
  today(): Promise<string>;
  start(input: ClaimInput): Promise<WorkflowHandle<typeof claimWorkflow>>;
}

export type Handle = WorkflowHandle<typeof claimWorkflow>;

async function waitFor(
  handle: Handle,
  ok: (s: { status: ClaimStatus; escalated: boolean }) => boolean,
  what: string,
) {
  for (let i = 0; i < 1200; i++) {
    if (ok(await handle.query(claimStateQuery))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  const state = await handle.query(claimStateQuery);
  const outcome = ['ineligible', 'rejected', 'paid'].includes(state.status)
    ? await handle.result()
    : undefined;
  throw new Error(`${handle.workflowId} never reached ${what}: ${JSON.stringify({ state, outcome })}`);
}
const waitForStatus = (handle: Handle, status: ClaimStatus) =>
  waitFor(handle, (s) => s.status === status, status);

/** A change of payee takes two people: officer-3 (neither filer, verifier nor proposer) reviews the proposed account. */
async function reviewAccount(handle: Handle, decision: 'approve' | 'reject', reason: string) {
  await waitForStatus(handle, 'waiting_for_account_review');
  await handle.executeUpdate(reviewAccountChangeUpdate, {
    args: [{ actor: officer3, decision, identityCheck: 'KTP seen at the branch', reason }],
  });
}

/**
 * Polls until the run closes. Not handle.result(): on the time-skipping server that unlocks time skipping,
 * and the clock can jump years ahead, which would date the next fixtures in the future.
 */
export async function waitClosed(handle: Handle): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if ((await handle.describe()).status.name !== 'RUNNING') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${handle.workflowId} never closed`);
}

async function verifyAndDecide(handle: Handle, decision: 'approve' | 'reject', by: Actor, reason: string) {
  await waitForStatus(handle, 'waiting_for_documents');
  await handle.executeUpdate(verifyUpdate, { args: [{ actor: officer1, checklist: FULL_CHECKLIST }] });
  await waitForStatus(handle, 'waiting_for_decision');
  await handle.executeUpdate(decideUpdate, { args: [{ actor: by, decision, reason }] });
}

/** Every claim path, each a real run. The names are the fixture file names. */
export const SCENARIOS: Record<string, (ctx: Context) => Promise<Handle>> = {
  // JKM: verified by officer-1, approved by officer-2, three components paid.
  'happy-path': async (ctx) => {
    const { nik } = await createParticipant(ctx.db, {
      membershipStartDate: '2018-01-01',
      monthlyWage: 6_000_000,
    });
    const handle = await ctx.start(claimInput({ participantNik: nik, claimDate: await ctx.today() }));
    await verifyAndDecide(handle, 'approve', officer2, 'Documents complete');
    return handle;
  },
  rejection: async (ctx) => {
    const { nik } = await createParticipant(ctx.db);
    const handle = await ctx.start(claimInput({ participantNik: nik, claimDate: await ctx.today() }));
    await verifyAndDecide(handle, 'reject', officer2, 'The death certificate is forged.');
    return handle;
  },
  // JKK above Rp 200,000,000: the service level (7 working days) runs out, supervisors are told, a supervisor approves.
  'escalation-supervisor-approval': async (ctx) => {
    const { nik } = await createParticipant(ctx.db, { monthlyWage: 25_000_000 });
    const handle = await ctx.start(
      claimInput({ participantNik: nik, program: 'JKK', claimDate: await ctx.today() }),
    );
    await waitForStatus(handle, 'waiting_for_documents');
    await ctx.env.sleep('20 days');
    await waitFor(handle, (s) => s.escalated, 'escalation');
    await verifyAndDecide(handle, 'approve', supervisor, 'Accident report and medical statement in order');
    return handle;
  },
  'incomplete-documents': async (ctx) => {
    const { nik } = await createParticipant(ctx.db);
    const handle = await ctx.start(claimInput({ participantNik: nik, claimDate: await ctx.today() }));
    await waitForStatus(handle, 'waiting_for_documents');
    await handle.executeUpdate(verifyUpdate, {
      args: [
        {
          actor: officer1,
          checklist: { ...FULL_CHECKLIST, death_certificate: false },
          note: 'No certificate yet',
        },
      ],
    });
    await verifyAndDecide(handle, 'approve', officer2, 'Certificate received');
    return handle;
  },
  // The bank refuses the account; the family gives another one; each component is paid once.
  'refused-account': async (ctx) => {
    const { nik } = await createParticipant(ctx.db);
    const input = claimInput({
      participantNik: nik,
      claimDate: await ctx.today(),
      bankAccount: { bankCode: 'BNI', accountNumber: '0001112223', accountName: 'Sri Wahyuni' },
    });
    const handle = await ctx.start(input);
    await verifyAndDecide(handle, 'approve', officer2, 'ok');
    await waitForStatus(handle, 'waiting_for_bank_account');
    await handle.executeUpdate(updateBankAccountUpdate, {
      args: [
        {
          actor: { kind: 'family' },
          bankAccount: { bankCode: 'BNI', accountNumber: '9876543210', accountName: 'Sri Wahyuni' },
        },
      ],
    });
    await reviewAccount(handle, 'approve', "The widow's own account");
    return handle;
  },
  // A change of payee takes two people: a stranger's account is rejected, the widow's approved by a third officer.
  'reviewed-account': async (ctx) => {
    const { nik } = await createParticipant(ctx.db);
    const input = claimInput({
      participantNik: nik,
      claimDate: await ctx.today(),
      bankAccount: { bankCode: 'BNI', accountNumber: '0001112224', accountName: 'Sri Wahyuni' },
    });
    const handle = await ctx.start(input);
    await verifyAndDecide(handle, 'approve', officer2, 'ok');
    const family: Actor = { kind: 'family' };
    await waitForStatus(handle, 'waiting_for_bank_account');
    await handle.executeUpdate(updateBankAccountUpdate, {
      args: [
        { actor: family, bankAccount: { bankCode: 'BCA', accountNumber: '5550001111', accountName: 'Budi' } },
      ],
    });
    await reviewAccount(handle, 'reject', 'Not an heir');
    await waitForStatus(handle, 'waiting_for_bank_account');
    await handle.executeUpdate(updateBankAccountUpdate, {
      args: [
        {
          actor: family,
          bankAccount: { bankCode: 'BNI', accountNumber: '9876543210', accountName: 'Ibu Sri Wahyuni' },
        },
      ],
    });
    await reviewAccount(handle, 'approve', "The widow's own account");
    return handle;
  },
  // The longest claim path: three refused accounts in a row before one is paid.
  'repeated-refusals': async (ctx) => {
    const { nik } = await createParticipant(ctx.db);
    const refused = (n: number) => ({
      bankCode: 'BRI',
      accountNumber: `000555000${n}`,
      accountName: 'Sri Wahyuni',
    });
    const handle = await ctx.start(
      claimInput({ participantNik: nik, claimDate: await ctx.today(), bankAccount: refused(0) }),
    );
    await verifyAndDecide(handle, 'approve', officer2, 'ok');
    for (const account of [refused(1), refused(2), { ...refused(3), accountNumber: '5550001113' }]) {
      await waitForStatus(handle, 'waiting_for_bank_account');
      await handle.executeUpdate(updateBankAccountUpdate, {
        args: [{ actor: officer1, bankAccount: account }],
      });
      await reviewAccount(handle, 'approve', "The widow's account");
    }
    return handle;
  },
  // JKK, the employer 5 months in arrears: held as "the employer pays first"; officer-1 records the settlement and
  // the employer's proof of payment, supervisor-1 approves, and the employer's account is reimbursed.
  'employer-pays-first': async (ctx) => {
    const today = await ctx.today();
    const eventDate = addDays(today, -3);
    const { nik } = await createParticipant(ctx.db, {
      membershipStartDate: '2018-01-01',
      monthlyWage: 3_500_000,
      arrearsSince: addMonths(eventDate, -5),
    });
    const handle = await ctx.start(
      claimInput({ participantNik: nik, program: 'JKK', eventDate, claimDate: today }),
    );
    await verifyAndDecide(handle, 'approve', officer2, 'Accident report and medical statement in order');
    await waitForStatus(handle, 'waiting_for_employer_payment');
    await handle.executeUpdate(recordEmployerSettlementUpdate, {
      args: [
        {
          actor: officer1,
          arrearsSettlementReference: 'SETL-2026-0042',
          proofOfPaymentReference: 'TRF-BCA-778812',
          amountPaidToHeirs: 190_000_000,
          paidToHeirsOn: today,
          employerAccount: { bankCode: 'BCA', accountNumber: '5550001111', accountName: 'PT Uji' },
        },
      ],
    });
    await handle.executeUpdate(decideReimbursementUpdate, {
      args: [{ actor: supervisor, decision: 'approve', reason: 'Settlement and proof checked' }],
    });
    return handle;
  },
  'ineligible-unregistered': async (ctx) =>
    ctx.start(claimInput({ participantNik: '3299999999999999', claimDate: await ctx.today() })),
  'ineligible-membership-ended': async (ctx) => {
    const { nik } = await createParticipant(ctx.db, { membershipEndDate: '2025-06-30' });
    return ctx.start(
      claimInput({ participantNik: nik, eventDate: '2026-10-01', claimDate: await ctx.today() }),
    );
  },
};

const childOf = (dateOfBirth: string, schooling?: Child['schooling']): Child => ({
  name: 'Putri',
  dateOfBirth,
  ...(schooling ? { schooling } : {}),
});

/** The first `count` years of the plan: the window opens, the family sends proof, an officer confirms it, it is paid. */
async function payYears(
  ctx: Context,
  workflowId: string,
  plan: PlanRow[],
  count = plan.length,
  graduate = false,
) {
  for (const [i, row] of plan.slice(0, count).entries()) {
    await skipTo(ctx.env, `${row.schoolYear.slice(0, 4)}-07-01`);
    await waitingForProof(ctx.env.client, workflowId, row.schoolYear);
    await proveYear(
      ctx.env.client,
      workflowId,
      proof(row.schoolYear, row.level, row.grade, { graduated: graduate && i === plan.length - 1 }),
    );
    await yearDecided(ctx.env.client, workflowId, row.schoolYear);
  }
}

/**
 * Lets the year's enrolment window pass without proof: the year lapses. When that lapse ends the scholarship,
 * wait for its result instead: the test server does not skip time past the last timer, so a sleep beyond it
 * would last as long in real time.
 */
async function lapseYear(ctx: Context, workflowId: string, row: PlanRow, ends = false) {
  await skipTo(ctx.env, `${row.schoolYear.slice(0, 4)}-07-01`);
  await waitingForProof(ctx.env.client, workflowId, row.schoolYear);
  if (ends) await ctx.env.client.workflow.getHandle(workflowId).result();
  else await skipTo(ctx.env, `${Number(row.schoolYear.slice(0, 4)) + 1}-01-02`);
  await yearDecided(ctx.env.client, workflowId, row.schoolYear);
}

async function lifeEvent(
  ctx: Context,
  workflowId: string,
  kind: LifeEventKind,
  work?: LifeEventRequest['work'],
) {
  await ctx.env.client.workflow.getHandle(workflowId).executeUpdate(reportLifeEventUpdate, {
    args: [{ actor: officer1, kind, date: await ctx.today(), ...(work ? { work } : {}) }],
  });
}

async function approvedWithChildren(ctx: Context, children: Child[]) {
  const { input, handle } = await approvedClaim(ctx.env, ctx.db, ctx.taskQueue, children);
  await waitForStatus(handle, 'paid');
  const plans = children.map((c) => scholarshipPlan(c, input.eventDate).plan as PlanRow[]);
  return { input, handle, plans, id: (n: number) => scholarshipWorkflowId(input.claimNumber, n) };
}

/**
 * Scholarships (one ScholarshipWorkflow per child, one run per school year) to their end. Each is written as a
 * folder: the claim's history and every run of every scholarship.
 */
export const SCHOLARSHIP_SCENARIOS: Record<string, (ctx: Context) => Promise<Handle>> = {
  // A child aged 2: deferred until TK, then 19 school years to a bachelor's degree ("graduated").
  'scholarship-full': async (ctx) => {
    const c = await approvedWithChildren(ctx, [childOf(bornYearsBefore(await ctx.today(), 2))]);
    await payYears(ctx, c.id(1), c.plans[0]!, c.plans[0]!.length, true);
    return c.handle;
  },
  // A year paid, then two lapsed in a row: "no_longer_enrolled".
  'scholarship-lapses': async (ctx) => {
    const child = childOf(bornYearsBefore(await ctx.today(), 9), { level: 'SD', grade: 3 });
    const c = await approvedWithChildren(ctx, [child]);
    const plan = c.plans[0]!;
    await payYears(ctx, c.id(1), plan, 1);
    await lapseYear(ctx, c.id(1), plan[1]!);
    await lapseYear(ctx, c.id(1), plan[2]!, true);
    return c.handle;
  },
  // Two children, a year paid each; then one marries and the other starts wage work for good.
  'scholarship-married-working': async (ctx) => {
    const today = await ctx.today();
    const c = await approvedWithChildren(ctx, [
      childOf(bornYearsBefore(today, 17), { level: 'SMA', grade: 11 }),
      childOf(bornYearsBefore(today, 16), { level: 'SMA', grade: 10 }),
    ]);
    await payYears(ctx, c.id(1), c.plans[0]!, 1);
    await payYears(ctx, c.id(2), c.plans[1]!, 1);
    await lifeEvent(ctx, c.id(1), 'married');
    await lifeEvent(ctx, c.id(2), 'working', { type: 'wage', consecutiveMonths: 12 });
    return c.handle;
  },
  // A year paid, then the child dies.
  'scholarship-died': async (ctx) => {
    const c = await approvedWithChildren(ctx, [
      childOf(bornYearsBefore(await ctx.today(), 12), { level: 'SMP', grade: 7 }),
    ]);
    await payYears(ctx, c.id(1), c.plans[0]!, 1);
    await lifeEvent(ctx, c.id(1), 'died');
    return c.handle;
  },
  // The last school year that starts before the 23rd birthday (tomorrow) paid; the scholarship then ends on the
  // birthday, before the next school year: "age_limit".
  'scholarship-age-limit': async (ctx) => {
    const birthday = addDays(await ctx.today(), 1);
    const c = await approvedWithChildren(ctx, [childOf(addYears(birthday, -23), { level: 'PT', grade: 3 })]);
    await payYears(ctx, c.id(1), c.plans[0]!, 1);
    await ctx.env.client.workflow.getHandle(c.id(1)).result(); // the server skips to the birthday
    return c.handle;
  },
  // Deferred (patch scholarship-start-on-first-school-year): a child aged 2; the windows at 4 and 5 pass without
  // proof and do not lapse; the child starts straight at SD 1, paid; then the child dies.
  'scholarship-deferred-sd': async (ctx) => {
    const c = await approvedWithChildren(ctx, [childOf(bornYearsBefore(await ctx.today(), 2))]);
    const plan = c.plans[0]!;
    await lapseYear(ctx, c.id(1), plan[0]!);
    await lapseYear(ctx, c.id(1), plan[1]!);
    await payYears(ctx, c.id(1), [{ ...plan[2]!, level: 'SD', grade: 1 }]);
    await lifeEvent(ctx, c.id(1), 'died');
    return c.handle;
  },
  // Reviewed proof (patch enrolment-proof-reviewed): an officer's proof, rejected by a second officer; the family's
  // proof, confirmed by the officer who sent the first; the year paid; then the child dies.
  'scholarship-proof-review': async (ctx) => {
    const child = childOf(bornYearsBefore(await ctx.today(), 9), { level: 'SD', grade: 3 });
    const c = await approvedWithChildren(ctx, [child]);
    const row = c.plans[0]![0]!;
    const handle = ctx.env.client.workflow.getHandle(c.id(1));
    await waitingForProof(ctx.env.client, c.id(1), row.schoolYear);
    await handle.executeUpdate(submitEnrollmentUpdate, {
      args: [proof(row.schoolYear, row.level, row.grade, { actor: officer1 })],
    });
    await reviewProof(ctx.env.client, c.id(1), row.schoolYear, 'reject', officer2, 'Unreadable scan.');
    await handle.executeUpdate(submitEnrollmentUpdate, {
      args: [proof(row.schoolYear, row.level, row.grade)],
    });
    await reviewProof(ctx.env.client, c.id(1), row.schoolYear, 'confirm', officer1);
    await yearDecided(ctx.env.client, c.id(1), row.schoolYear);
    await lifeEvent(ctx, c.id(1), 'died');
    return c.handle;
  },
};
