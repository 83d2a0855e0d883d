// ClaimWorkflow: one death claim from intake to payout. Thin and deterministic: rules/ computes, activities record.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { PAYING, RECORDING } from './activity-options';
import type { StepEvent } from '../vocabulary/activities';
import {
  addWorkingDays,
  jakartaDate,
  lateCompensation,
  PUBLIC_HOLIDAYS,
  quote,
  RuleError,
  serviceLevelWorkingDays,
} from '../rules';
import {
  claimStateQuery,
  decideUpdate,
  updateBankAccountUpdate,
  verifyUpdate,
  type ClaimOutcome,
} from '../vocabulary/messages/claim';
import { FailureType } from '../vocabulary/failures';
import { requiredDocuments, DOCUMENTS } from '../vocabulary/documents';
import { SUPERVISOR_APPROVAL_THRESHOLD } from '../rules/maker-checker';
import type { Actor } from '../vocabulary/actors';
import type { BankAccount, ClaimInput } from '../vocabulary/claim';
import type { ClaimStatus } from '../vocabulary/status';
import { validateClaimInput } from './input';
import { scholarshipStarter } from './scholarship-start';

const records = proxyActivities<Activities>(RECORDING);
const payments = proxyActivities<Activities>(PAYING);

const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;
const LATE_COMPENSATION = 'late_compensation';
// Claims started before late-payment compensation existed replay without it.
const LATE_COMPENSATION_PATCH = 'late-payment-compensation';

/** Midnight in Jakarta at the end of the given date: when a service level that ends that day runs out. */
function endOfJakartaDay(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d + 1) - JAKARTA_OFFSET_MS;
}

function staffId(actor: Actor): string {
  return actor.kind === 'staff' ? actor.id : 'family';
}

function refuse(message: string, type: FailureType): never {
  throw ApplicationFailure.create({ message, type, nonRetryable: true });
}

export async function claimWorkflow(rawInput: ClaimInput): Promise<ClaimOutcome> {
  const input = validateClaimInput(rawInput);
  let status: ClaimStatus = 'received';
  let seq = 0;
  let busy = false; // one officer action at a time: a second concurrent one gets WrongState (409)
  let verifiedBy: string | undefined;
  let total: number | undefined = undefined; // set by the assessment; read by the decide validator
  let decision: { decision: 'approve' | 'reject'; reason: string } | undefined;
  let escalated = false;
  let account: BankAccount = input.bankAccount;
  let accountRevision = 0;
  const pendingComponents: string[] = [];

  const step = (type: string, actor?: string, data?: Record<string, unknown>): StepEvent => ({
    seq: ++seq,
    type,
    actor,
    data,
  });

  // Registers the officer's choice of children (an update) before the first await.
  const scholarships = scholarshipStarter(input, step, () => status);

  setHandler(claimStateQuery, () => ({
    claimNumber: input.claimNumber,
    status,
    verifiedBy,
    total,
    escalated,
    pendingComponents: [...pendingComponents],
  }));

  // An update: the officer learns at once whether the checklist was accepted and what is missing.
  setHandler(
    verifyUpdate,
    async ({ actor, checklist, note }) => {
      busy = true;
      try {
        const missing = requiredDocuments(input.program).filter((code) => checklist[code] !== true);
        const complete = missing.length === 0;
        await records.recordVerification(
          input.claimNumber,
          step(complete ? 'documents_verified' : 'documents_incomplete', staffId(actor), { missing, note }),
          { verifiedBy: staffId(actor), checklist, complete },
        );
        if (complete) verifiedBy = staffId(actor);
        return { complete, missing };
      } finally {
        busy = false;
      }
    },
    {
      validator: ({ actor, checklist }) => {
        if (actor.kind !== 'staff' || (actor.role !== 'officer' && actor.role !== 'supervisor')) {
          refuse('Only an officer or a supervisor may verify documents.', FailureType.Forbidden);
        }
        if (status !== 'waiting_for_documents' || verifiedBy !== undefined || busy) {
          refuse(`The claim is not waiting for documents (status: ${status}).`, FailureType.WrongState);
        }
        const unknown = Object.keys(checklist).filter((code) => !(code in DOCUMENTS));
        if (unknown.length > 0)
          refuse(`Unknown document codes: ${unknown.join(', ')}`, FailureType.InvalidInput);
      },
    },
  );

  // An update: the approver must learn at once that they may not approve their own verification.
  setHandler(
    decideUpdate,
    async (req) => {
      busy = true;
      const decidedBy = staffId(req.actor);
      await records.recordDecision(
        input.claimNumber,
        step(req.decision === 'approve' ? 'claim_approved' : 'claim_rejected', decidedBy, {
          reason: req.reason,
          total,
        }),
        { decision: req.decision, decidedBy, reason: req.reason },
      );
      decision = { decision: req.decision, reason: req.reason };
      status = req.decision === 'approve' ? 'paying' : 'rejected';
      busy = false;
      return { decision: req.decision, total: total ?? 0 };
    },
    {
      validator: ({ actor, decision: choice, reason }) => {
        if (actor.kind !== 'staff' || (actor.role !== 'officer' && actor.role !== 'supervisor')) {
          refuse('Only an officer or a supervisor may decide a claim.', FailureType.Forbidden);
        }
        if (status === 'waiting_for_documents' || status === 'received') {
          refuse('The claim cannot be decided before its documents are verified.', FailureType.WrongState);
        }
        if (status !== 'waiting_for_decision' || busy || decision !== undefined) {
          refuse(`The claim is not waiting for a decision (status: ${status}).`, FailureType.WrongState);
        }
        if (actor.id === verifiedBy) {
          refuse(
            'The officer who verified the documents may not also decide the claim.',
            FailureType.MakerChecker,
          );
        }
        if (
          choice === 'approve' &&
          (total ?? 0) > SUPERVISOR_APPROVAL_THRESHOLD &&
          actor.role !== 'supervisor'
        ) {
          refuse(
            `Approving more than Rp ${SUPERVISOR_APPROVAL_THRESHOLD.toLocaleString('en-US')} needs a supervisor.`,
            FailureType.SupervisorRequired,
          );
        }
        if (reason.trim().length === 0) refuse('A decision needs a reason.', FailureType.InvalidInput);
      },
    },
  );

  // An update: the caller learns at once whether the claim was waiting for a new account.
  setHandler(
    updateBankAccountUpdate,
    async ({ actor, bankAccount }) => {
      busy = true;
      const revision = accountRevision + 1;
      await records.recordBankAccount(
        input.claimNumber,
        step('bank_account_replaced', staffId(actor), { revision }),
        { ...bankAccount, revision },
      );
      account = bankAccount;
      accountRevision = revision;
      status = 'paying';
      busy = false;
      return { accountRevision: revision };
    },
    {
      validator: ({ actor }) => {
        if (actor.kind === 'staff' && actor.role === 'auditor') {
          refuse('Auditors may not change a bank account.', FailureType.Forbidden);
        }
        if (status !== 'waiting_for_bank_account' || busy) {
          refuse(`The claim is not waiting for a bank account (status: ${status}).`, FailureType.WrongState);
        }
      },
    },
  );

  const close = async (outcome: ClaimOutcome, type: string): Promise<ClaimOutcome> => {
    status = outcome.status;
    await records.recordStep(
      input.claimNumber,
      step(type, undefined, { reason: outcome.reason }),
      status,
      outcome.reason,
    );
    await records.notifyFamily(
      input.claimNumber,
      `claim_${outcome.status}`,
      outcome.status === 'paid'
        ? `Your claim ${input.claimNumber} has been paid: Rp ${outcome.total.toLocaleString('en-US')}.`
        : `Your claim ${input.claimNumber} was closed: ${outcome.reason ?? outcome.status}`,
    );
    await condition(allHandlersFinished);
    return outcome;
  };

  // 1. The claim on record.
  await records.recordClaim(input, step('claim_received', input.createdBy, { program: input.program }));

  // 2. Membership at the date of death.
  const membership = await records.checkMembership(input.participantNik, input.eventDate);
  if (!membership.eligible) {
    return close({ status: 'ineligible', reason: membership.reason, total: 0 }, 'membership_refused');
  }

  // 3. Documents, within the service level (3 working days for JKM, 7 for JKK), or escalate and keep waiting.
  const due = addWorkingDays(input.claimDate, serviceLevelWorkingDays(input.program), PUBLIC_HOLIDAYS);
  status = 'waiting_for_documents';
  await records.recordStep(
    input.claimNumber,
    step('membership_confirmed', undefined, {
      employerId: membership.facts.employerId,
      verificationDue: due,
    }),
    status,
  );
  await records.recordVerificationDue(input.claimNumber, due);
  const remaining = endOfJakartaDay(due) - Date.now(); // workflow time: the SDK makes Date deterministic
  const inTime = remaining > 0 && (await condition(() => verifiedBy !== undefined, remaining));
  if (!inTime && verifiedBy === undefined) {
    escalated = true;
    await records.escalate(input.claimNumber, step('verification_escalated', undefined, { due }), due);
    await condition(() => verifiedBy !== undefined);
  }
  const completeFileDate = jakartaDate(Date.now()); // the verification that completed the checklist

  // 4. The benefit, under the regulation in force on the date of death.
  let benefit: ReturnType<typeof quote>;
  try {
    benefit = quote({
      program: input.program,
      event: 'death',
      eventDate: input.eventDate,
      membershipStartDate: membership.facts.membershipStartDate,
      claimDate: input.claimDate,
      monthlyWage: membership.facts.monthlyWage,
      ...(input.actualMonthlyWage !== undefined ? { actualMonthlyWage: input.actualMonthlyWage } : {}),
      arrearsMonths: membership.facts.arrearsMonths,
      children: input.children,
    });
  } catch (err) {
    if (err instanceof RuleError)
      return close({ status: 'ineligible', reason: err.message, total: 0 }, 'assessment_refused');
    throw err;
  }
  if (benefit.expired) {
    return close({ status: 'ineligible', reason: benefit.expired.reason, total: 0 }, 'claim_expired');
  }
  total = benefit.total;
  scholarships.assessed(benefit);
  status = 'waiting_for_decision';
  await records.recordAssessment(
    input.claimNumber,
    step('benefit_assessed', undefined, { regulation: benefit.regulation, total: benefit.total }),
    {
      regulation: benefit.regulation,
      inputs: {
        eventDate: input.eventDate,
        monthlyWage: membership.facts.monthlyWage,
        claimDate: input.claimDate,
      },
      components: benefit.components,
      total: benefit.total,
      ...(benefit.employerLiability ? { employerLiability: benefit.employerLiability } : {}),
      scholarship: benefit.scholarship,
      notes: benefit.notes,
    },
  );

  // 5. The decision, by someone other than the verifier.
  await condition(() => decision !== undefined);
  // Tells the family of an approval before the transfers. Added while claims were running, so behind a patch:
  // histories recorded before it replay without this step (README, "Versioning"; test/replay/versioning.test.ts).
  if (decision!.decision === 'approve' && patched('decision-notified')) {
    await records.notifyFamily(
      input.claimNumber,
      'decision_notified',
      `Your claim ${input.claimNumber} has been approved: Rp ${(total ?? 0).toLocaleString('en-US')} will be paid.`,
    );
  }
  if (decision!.decision === 'reject') {
    return close({ status: 'rejected', reason: decision!.reason, total: 0 }, 'claim_closed');
  }

  // 6. Each component paid once; a refused account waits for a new one, then pays that component again.
  const toPay = benefit.components.filter((c) => c.amount > 0);
  pendingComponents.push(...toPay.map((c) => c.code));
  const payComponent = async (code: string, amount: number): Promise<void> => {
    for (;;) {
      const result = await payments.payout({
        claimNumber: input.claimNumber,
        component: code,
        amount,
        account,
        accountRevision,
      });
      if (result.status === 'paid') {
        await records.recordStep(
          input.claimNumber,
          step('payout_paid', undefined, {
            component: code,
            amount,
            idempotencyKey: result.idempotencyKey,
            gatewayReference: result.gatewayReference,
          }),
        );
        pendingComponents.splice(pendingComponents.indexOf(code), 1);
        return;
      }
      status = 'waiting_for_bank_account';
      const revision = accountRevision;
      await records.recordStep(
        input.claimNumber,
        step('payout_refused', undefined, { component: code, failureCode: result.failureCode }),
        status,
        'The bank refused the account. Please provide another bank account.',
      );
      await records.notifyFamily(
        input.claimNumber,
        `account_refused_r${revision}`,
        `The bank refused the account for claim ${input.claimNumber}. Please give the officer another account.`,
      );
      await condition(() => accountRevision > revision);
    }
  };
  for (const component of toPay) await payComponent(component.code, component.amount);

  // 7. Paid after the service level (3 working days from the complete file for JKM, 7 for JKK): 1% of the
  // benefit per working day late, as its own component (own ledger row, key <claimNumber>:late_compensation).
  let compensation = 0;
  if (patched(LATE_COMPENSATION_PATCH)) {
    const paidDate = jakartaDate(Date.now());
    const late = lateCompensation({
      program: input.program,
      benefit: benefit.total,
      completeFileDate,
      paidDate,
    });
    if (late.amount > 0) {
      pendingComponents.push(LATE_COMPENSATION);
      await records.recordStep(
        input.claimNumber,
        step('late_compensation_assessed', undefined, { ...late, completeFileDate, paidDate }),
      );
      await payComponent(LATE_COMPENSATION, late.amount);
      compensation = late.amount;
    }
  }

  // 8. One ScholarshipWorkflow per child receiving a scholarship; it outlives the claim. Claims started
  // before scholarships existed replay without it.
  if (patched('scholarship-workflows')) {
    await scholarships.start(account, (next) => {
      status = next;
    });
  }

  return close(
    {
      status: 'paid',
      total: benefit.total + compensation,
      ...(compensation > 0 ? { lateCompensation: compensation } : {}),
    },
    'claim_paid',
  );
}
