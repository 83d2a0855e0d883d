// ClaimWorkflow: one death claim from intake to payout, step by step as the regulation goes. Thin and deterministic:
// rules/ computes, activities record. Its state is a ClaimCase (claim-case.ts); its messages are in claim-handlers.ts.
import { allHandlersFinished, condition, patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { MembershipFacts } from '../vocabulary/activities';
import {
  addWorkingDays,
  arrearsPayout,
  benefitRecipients,
  jakartaDate,
  jakartaEndOfDay,
  PUBLIC_HOLIDAYS,
  quote,
  regulationFor,
  RuleError,
  serviceLevelWorkingDays,
  type BenefitComponent,
  type BenefitRecipients,
  type QuoteResponse,
} from '../rules';
import { RECORDING } from './activity-options';
import { ClaimCase, type Decision } from './claim-case';
import { EMPLOYER_PAYS_FIRST_PATCH, registerEmployerHandlers, reimburseEmployer } from './claim-employer';
import { registerClaimHandlers } from './claim-handlers';
import { recorder, takesFewerRoundTrips } from './claim-shape';
import {
  CLAIM_DATE_BACKDATING_PATCH,
  registerBackdatingHandler,
  waitForBackdatingDecision,
} from './claim-backdating';
import { LATE_COMPENSATION_PATCH, payComponents, payLateCompensation } from './claim-payouts';
import type { ClaimInput } from '../vocabulary/claim';
import type { ClaimOutcome } from '../vocabulary/messages/claim';
import { validateClaimInput } from './input';
import { scholarshipStarter } from './scholarship-start';

const records = proxyActivities<Activities>(RECORDING);

/** Recipients by legal rank and the court determination on the checklist (README, "Benefit rules"). */
export const HEIRS_BY_RANK_PATCH = 'heirs-by-rank';
/** A claim for a death another claim holds closes at once, paying nothing (README, "One death, one claim"). */
export const ONE_CLAIM_PER_DEATH_PATCH = 'one-claim-per-death';

export async function claimWorkflow(rawInput: ClaimInput): Promise<ClaimOutcome> {
  // Evaluated once, first: a run decides at its start whether heirs are ranked, and keeps that to its end.
  const claim = new ClaimCase(validateClaimInput(rawInput), patched(HEIRS_BY_RANK_PATCH));
  claim.fewerRoundTrips = takesFewerRoundTrips();
  // Registers the officer's choice of children (an update) before the first await.
  const scholarships = scholarshipStarter(claim.input, claim.step, () => claim.status);
  registerClaimHandlers(claim);
  registerBackdatingHandler(claim);
  registerEmployerHandlers(claim);

  // 1. The claim on record, holding the participant's death: one death, one claim, across JKM and JKK.
  const recorded = await recorder(claim).recordClaim(
    claim.input,
    claim.step('claim_received', claim.input.createdBy, { program: claim.input.program }),
  );
  // Only a duplicate takes this branch, so the marker is recorded by duplicates alone; histories before it replay.
  if (recorded.duplicateOf !== undefined && patched(ONE_CLAIM_PER_DEATH_PATCH)) {
    const reason = `This death is already claimed by claim ${recorded.duplicateOf}: one death, one claim.`;
    return close(claim, ineligible(reason), 'duplicate_claim_refused');
  }

  // A claim date earlier than the day the claim reached the system waits for a supervisor who did not file it;
  // expiry and the service level then count to the decided date. Only such claims record the marker.
  if (claim.input.backdating !== undefined && patched(CLAIM_DATE_BACKDATING_PATCH)) {
    await waitForBackdatingDecision(claim);
  }

  // 2. Membership at the date of death.
  const membership = await recorder(claim).checkMembership(claim.input.participantNik, claim.input.eventDate);
  if (!membership.eligible) return close(claim, ineligible(membership.reason), 'membership_refused');
  const due = await confirmMembership(claim, membership.facts);

  // 3. Documents, within the service level (3 working days for JKM, 7 for JKK), or escalate and keep waiting.
  const completeFileDate = await waitForVerification(claim, due);

  // 4. The benefit, under the regulation in force on the date of death, and who receives it by legal rank.
  const assessment = assess(claim.input, membership.facts);
  if ('refusal' in assessment) return close(claim, ineligible(assessment.refusal), assessment.step);
  const { benefit } = assessment;
  const recipients = claim.heirsByRank ? recipientsOf(claim.input, benefit) : undefined;
  const payable = payableOf(benefit, recipients);
  claim.total = benefit.total;
  scholarships.assessed(benefit);
  await recordAssessment(claim, benefit, membership.facts, recipients);

  // 5. The decision, by someone other than the verifier (a supervisor above the threshold).
  const decision = await waitForDecision(claim);
  // JKK with the employer more than 3 months in arrears: the employer pays the heirs first. Claims started before
  // this rule replay paying the heirs.
  const arrears = arrearsPayout(
    regulationFor(claim.input.eventDate),
    claim.input.program,
    membership.facts.arrearsMonths,
  );
  const employerPaysFirst =
    decision.decision === 'approve' &&
    arrears?.employerPaysFirst === true &&
    patched(EMPLOYER_PAYS_FIRST_PATCH);
  // Tells the family of an approval before the transfers. Added while claims were running, so behind a patch:
  // histories recorded before it replay without this step (README, "Versioning"; test/replay/versioning.test.ts).
  if (decision.decision === 'approve' && !employerPaysFirst && patched('decision-notified')) {
    await notifyApproval(claim, payable.total);
  }
  if (decision.decision === 'reject') {
    return close(claim, { status: 'rejected', reason: decision.reason, total: 0 }, 'claim_closed');
  }

  let compensation = 0;
  if (employerPaysFirst) {
    // 6. The employer pays the heirs; the agency reimburses the employer after the settlement, approved by two people.
    await reimburseEmployer(claim, arrears!, membership.facts.employerId, payable.total);
  } else {
    // 6. Each component the recipients receive, paid once; a refused account waits for a new one, then pays it again.
    await payComponents(claim, payable.components);

    // 7. Paid after the service level: 1% of the benefit per working day late, as its own component.
    compensation = patched(LATE_COMPENSATION_PATCH)
      ? await payLateCompensation(claim, payable.total, completeFileDate)
      : 0;
  }

  // 8. One ScholarshipWorkflow per child receiving a scholarship; it outlives the claim. Claims started
  // before scholarships existed replay without it.
  if (patched('scholarship-workflows')) {
    await scholarships.start(claim.account, (next) => {
      claim.status = next;
    });
  }

  // 9. Paid in full (to the employer, as a reimbursement, when it paid the heirs first).
  return close(
    claim,
    {
      status: 'paid',
      total: payable.total + compensation,
      ...(compensation > 0 ? { lateCompensation: compensation } : {}),
      ...(employerPaysFirst ? { reimbursedToEmployer: payable.total } : {}),
    },
    'claim_paid',
  );
}

function ineligible(reason: string): ClaimOutcome {
  return { status: 'ineligible', reason, total: 0 };
}

/** Membership confirmed: the claim now waits for its documents, due within the service level. Returns the due date. */
async function confirmMembership(claim: ClaimCase, facts: MembershipFacts): Promise<string> {
  const due = addWorkingDays(
    claim.input.claimDate,
    serviceLevelWorkingDays(claim.input.program),
    PUBLIC_HOLIDAYS,
  );
  claim.status = 'waiting_for_documents';
  if (claim.fewerRoundTrips) {
    await recorder(claim).recordMembershipConfirmed(
      claim.claimNumber,
      claim.step('membership_confirmed', undefined, { employerId: facts.employerId, verificationDue: due }),
      due,
    );
    return due;
  }
  await records.recordStep(
    claim.claimNumber,
    claim.step('membership_confirmed', undefined, { employerId: facts.employerId, verificationDue: due }),
    claim.status,
  );
  await records.recordVerificationDue(claim.claimNumber, due);
  return due;
}

/** Waits for a complete checklist, escalating to supervisors once `due` has passed. Returns the complete file's date. */
async function waitForVerification(claim: ClaimCase, due: string): Promise<string> {
  const verified = () => claim.verifiedBy !== undefined;
  const remaining = jakartaEndOfDay(due) - Date.now(); // workflow time: the SDK makes Date deterministic
  const inTime = remaining > 0 && (await condition(verified, remaining));
  if (!inTime && !verified()) {
    claim.escalated = true;
    await records.escalate(claim.claimNumber, claim.step('verification_escalated', undefined, { due }), due);
    await condition(verified);
  }
  return jakartaDate(Date.now()); // the verification that completed the checklist
}

type Assessment =
  { benefit: QuoteResponse } | { refusal: string; step: 'assessment_refused' | 'claim_expired' };

/** The benefit under the regulation in force on the date of death, or why none is due (pure: rules/ decides). */
function assess(input: ClaimInput, facts: MembershipFacts): Assessment {
  let benefit: QuoteResponse;
  try {
    benefit = quote({
      program: input.program,
      event: 'death',
      eventDate: input.eventDate,
      membershipStartDate: facts.membershipStartDate,
      claimDate: input.claimDate,
      monthlyWage: facts.monthlyWage,
      ...(input.actualMonthlyWage !== undefined ? { actualMonthlyWage: input.actualMonthlyWage } : {}),
      arrearsMonths: facts.arrearsMonths,
      children: input.children,
    });
  } catch (err) {
    if (err instanceof RuleError) return { refusal: err.message, step: 'assessment_refused' };
    throw err;
  }
  if (benefit.expired) return { refusal: benefit.expired.reason, step: 'claim_expired' };
  return { benefit };
}

/** Who receives each component, by the legal rank of the heirs on the claim (pure: rules/ decides). */
function recipientsOf(input: ClaimInput, benefit: QuoteResponse): BenefitRecipients {
  return benefitRecipients(regulationFor(input.eventDate), input.program, input.heirs, benefit.components);
}

/** What the claim pays: everything, except with no heir of ranks 1–5, where the fund's part is not paid to anyone. */
function payableOf(
  benefit: QuoteResponse,
  recipients: BenefitRecipients | undefined,
): { components: BenefitComponent[]; total: number } {
  if (!recipients?.toFund) return { components: benefit.components, total: benefit.total };
  const theirs = recipients.receives.components;
  return {
    components: benefit.components.filter((c) => theirs.includes(c.code)),
    total: recipients.receives.amount,
  };
}

/** The assessment on record, every component with its legal basis; the claim now waits for a decision. */
async function recordAssessment(
  claim: ClaimCase,
  benefit: QuoteResponse,
  facts: MembershipFacts,
  recipients: BenefitRecipients | undefined,
): Promise<void> {
  claim.status = 'waiting_for_decision';
  await recorder(claim).recordAssessment(
    claim.claimNumber,
    claim.step('benefit_assessed', undefined, { regulation: benefit.regulation, total: benefit.total }),
    {
      regulation: benefit.regulation,
      inputs: {
        eventDate: claim.input.eventDate,
        monthlyWage: facts.monthlyWage,
        claimDate: claim.input.claimDate,
      },
      components: benefit.components,
      total: benefit.total,
      ...(benefit.employerLiability ? { employerLiability: benefit.employerLiability } : {}),
      scholarship: benefit.scholarship,
      notes: benefit.notes,
      ...(recipients ? { recipients } : {}),
    },
  );
}

async function waitForDecision(claim: ClaimCase): Promise<Decision> {
  await condition(() => claim.decision !== undefined);
  return claim.decision!;
}

async function notifyApproval(claim: ClaimCase, paying: number): Promise<void> {
  await recorder(claim).notifyFamily(
    claim.claimNumber,
    'decision_notified',
    `Your claim ${claim.claimNumber} has been approved: Rp ${paying.toLocaleString('en-US')} will be paid.`,
  );
}

/** Closes the claim with its outcome: recorded, the family told, and every update answered first. */
async function close(claim: ClaimCase, outcome: ClaimOutcome, type: string): Promise<ClaimOutcome> {
  claim.status = outcome.status;
  const event = claim.step(type, undefined, { reason: outcome.reason });
  const notice = { kind: `claim_${outcome.status}`, message: closingMessage(claim, outcome) };
  if (claim.fewerRoundTrips) {
    await recorder(claim).recordClosing(claim.claimNumber, event, {
      status: claim.status,
      ...(outcome.reason !== undefined ? { reason: outcome.reason } : {}),
      notice,
    });
  } else {
    await records.recordStep(claim.claimNumber, event, claim.status, outcome.reason);
    await records.notifyFamily(claim.claimNumber, notice.kind, notice.message);
  }
  await condition(allHandlersFinished);
  return outcome;
}

/** What the family reads when the claim closes. */
function closingMessage(claim: ClaimCase, outcome: ClaimOutcome): string {
  return outcome.reimbursedToEmployer !== undefined
    ? `Your claim ${claim.claimNumber} is settled: the employer paid you Rp ${outcome.total.toLocaleString('en-US')} and the agency has reimbursed it.`
    : outcome.status === 'paid'
      ? `Your claim ${claim.claimNumber} has been paid: Rp ${outcome.total.toLocaleString('en-US')}.`
      : `Your claim ${claim.claimNumber} was closed: ${outcome.reason ?? outcome.status}`;
}
