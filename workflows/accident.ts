// AccidentWorkflow: one JKK accident where the worker lives, from the employer's stage-I report to closure, weeks or
// years later. Thin and deterministic: rules/ prices, activities record. Its state is an AccidentCase; its messages
// are in accident-handlers.ts and accident-closing.ts. Each payment is made once, with its own key.
import {
  ActivityFailure,
  allHandlersFinished,
  condition,
  isCancellation,
  proxyActivities,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  accidentEventDate,
  accidentRegulation,
  arrearsPayout,
  FINDING_SERVICE_LEVEL_DAYS,
  jakartaDate,
  jakartaEndOfDay,
  stageOneReport,
} from '../rules';
import { addDays } from '../rules/dates';
import type * as AccidentSchemas from '../vocabulary/accident';
import type { AccidentInput } from '../vocabulary/accident';
import { accidentInputOf } from '../vocabulary/accident-check';
import type { AccidentOutcome } from '../vocabulary/messages/accident';
import type { BankAccount } from '../vocabulary/claim';
import { PAYING, RECORDING } from './activity-options';
import { AccidentCase, type AccidentItem } from './accident-case';
import { continueAsDeathClaim, registerClosingHandlers } from './accident-closing';
import { registerAccidentHandlers } from './accident-handlers';
import { parseWorkflowInput } from './input';
import { scholarshipStarter } from './scholarship-start';
import type { ClaimInput } from '../vocabulary/claim';

const records = proxyActivities<Activities>(RECORDING);
const payments = proxyActivities<Activities>(PAYING);

/** The schema (and zod) is loaded only for input the zod-free check did not take: to refuse it, naming the fields. */
function parseAccidentInput(rawInput: unknown): AccidentInput {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { accidentInputSchema } = require('../vocabulary/accident') as typeof AccidentSchemas;
  return parseWorkflowInput(accidentInputSchema, rawInput, 'accident');
}

export async function accidentWorkflow(rawInput: AccidentInput): Promise<AccidentOutcome> {
  const input = accidentInputOf(rawInput) ?? parseAccidentInput(rawInput);
  const eventDate = accidentEventDate(input.accidentKind, input.accidentDate, input.diagnosisDate);
  const { regulation, expiry } = accidentRegulation(eventDate, input.claimDate);
  const c = new AccidentCase(input, eventDate, regulation);
  // The scholarship starter takes a claim's shape: it reads the claim number, the event date and the children,
  // which the closing fills in (total disability).
  const scholarshipClaim = {
    claimNumber: input.claimNumber,
    program: 'JKK',
    eventDate,
    children: [],
  } as unknown as ClaimInput;
  const scholarships = scholarshipStarter(scholarshipClaim, c.step, () => c.status);
  registerAccidentHandlers(c);
  registerClosingHandlers(c);

  // 1. The case on record, holding the accident: one case per accident (participant and accident date).
  const report = stageOneReport(input.accidentDate, input.reportedAt);
  const recorded = await records.recordAccident(
    input,
    {
      regulation: regulation.id,
      expiryDate: expiry.lastDay,
      reportDeadline: report.deadline,
      employerLiable: report.late,
      ...(report.reason ? { employerLiableReason: report.reason } : {}),
    },
    c.step('accident_reported', input.createdBy, { regulation: regulation.id, lateReport: report.late }),
  );
  if (recorded.duplicateOf !== undefined) {
    return close(c, 'ineligible', `This accident is already a case: ${recorded.duplicateOf}.`);
  }
  if (expiry.expired) return close(c, 'ineligible', expiry.reason ?? 'The claim has expired.');

  // 2. Membership on the accident date; the employer pays first when it reported late or is over 3 months in arrears.
  const membership = await records.checkAccidentMembership(input.participantNik, input.accidentDate);
  if (!membership.eligible) return close(c, 'ineligible', membership.reason);
  c.facts = membership.facts;
  const arrears = arrearsPayout(regulation, 'JKK', membership.facts.arrearsMonths);
  c.employerFirst = report.reason ?? (arrears?.employerPaysFirst ? arrears.explanation : undefined);

  // 3. Was it a work accident? An officer's finding, confirmed by a second person, within 30 days of the report.
  const due = addDays(jakartaDate(Date.parse(input.reportedAt)), FINDING_SERVICE_LEVEL_DAYS);
  c.status = 'waiting_for_finding';
  await records.recordAccidentStep(
    c.claimNumber,
    c.step('membership_confirmed', undefined, { employerId: membership.facts.employerId, findingDue: due }),
    {
      status: c.status,
      ...(c.employerFirst ? { statusReason: c.employerFirst } : {}),
      case: {
        monthly_wage: membership.facts.monthlyWage,
        wage_worker: membership.facts.wageWorker,
        finding_due: due,
        employer_pays_first: c.employerFirst ?? null,
      },
    },
  );
  await records.recordVerificationDue(c.claimNumber, due);
  // A suspected work accident: health care is paid first (each bill approved by two people) while the finding waits.
  const confirmed = () => c.findingConfirmed;
  const woken = () => confirmed() || c.payQueue.length > 0;
  let escalated = false;
  while (!confirmed()) {
    const remaining = jakartaEndOfDay(due) - Date.now();
    if (!escalated && !(remaining > 0 && (await condition(woken, remaining)))) {
      escalated = true;
      await records.escalate(c.claimNumber, c.step('finding_escalated', undefined, { due }), due);
    }
    if (escalated) await condition(woken);
    for (let next = c.payQueue.shift(); next !== undefined; next = c.payQueue.shift()) {
      await payItem(c, c.item(next)!);
    }
  }
  if (c.finding!.finding === 'not_work_accident') {
    return close(
      c,
      'not_work_accident',
      `The investigation found it was not a work accident: ${c.finding!.reasons}`,
    );
  }

  // 4. Care and wage while unable to work: each item paid once two people approved it, until the closing is decided.
  c.status = 'under_care';
  await records.recordAccidentStep(c.claimNumber, c.step('work_accident_confirmed'), {
    status: c.status,
    statusReason: c.employerFirst ?? null,
  });
  for (;;) {
    await condition(() => c.payQueue.length > 0 || c.closingApproved);
    const next = c.payQueue.shift();
    if (next === undefined) break;
    await payItem(c, c.item(next)!);
  }

  // 5. Stage II: the closing's benefit paid to the worker (or the employer that paid first); then by outcome.
  const closing = c.closing!;
  const worker = c.employerFirst ? (input.employerBankAccount ?? input.bankAccount) : input.bankAccount;
  const unpaid: string[] = [];
  for (const component of closing.components.filter((x) => x.amount > 0)) {
    const code = `closing-${component.code}`;
    const paid = await pay(c, code, component.amount, worker);
    if (paid.paid) continue;
    // Never silent: the ledger row, a supervisor's task, and the reason the worker reads.
    unpaid.push(component.code);
    await records.recordPayoutFailure(
      c.claimNumber,
      c.step('payout_failed', undefined, { component: code, amount: component.amount }),
      {
        component: code,
        amount: component.amount,
        accountRevision: 0,
        failureType: 'closing_payment_refused',
        message: paid.reason ?? 'refused',
        remedy:
          'the accident case closes without it: pay it to an account the worker gives, approved by two people.',
      },
    );
  }
  if (closing.request.outcome === 'died') {
    c.deathClaimNumber = await continueAsDeathClaim(c, closing.submittedBy);
    await records.recordAccidentStep(
      c.claimNumber,
      c.step('became_death_claim', undefined, { deathClaimNumber: c.deathClaimNumber }),
      {
        case: { death_claim_number: c.deathClaimNumber },
      },
    );
    return close(
      c,
      'became_death_claim',
      `The worker died on ${closing.request.closedOn}: the heirs' death claim is ${c.deathClaimNumber}.`,
    );
  }
  if (closing.request.outcome === 'total_disability' && closing.benefit) {
    scholarshipClaim.children.push(...(closing.request.children ?? []));
    scholarships.assessed(closing.benefit);
    await scholarships.start(input.bankAccount, (s) => {
      c.status = s;
    });
  }
  const left =
    unpaid.length > 0
      ? ` Not paid yet: ${unpaid.join(', ')} (the bank refused the account; a supervisor will contact you).`
      : '';
  return close(c, 'closed', `Closed: ${closing.request.outcome.replaceAll('_', ' ')}.${left}`);
}

/** Pays an approved item once (key <claimNumber>:item-<n>); a refused account or a failed transfer is recorded. */
async function payItem(c: AccidentCase, item: AccidentItem): Promise<void> {
  const outcome = await pay(
    c,
    `item-${item.itemNumber}`,
    item.amount,
    item.account,
    item.accountRevision ?? 0,
  );
  item.idempotencyKey = outcome.key;
  item.status = outcome.paid ? 'paid' : 'payment_refused';
  if (!outcome.paid) item.reason = outcome.reason;
  await records.recordAccidentStep(
    c.claimNumber,
    c.step(outcome.paid ? 'item_paid' : 'item_payment_refused', undefined, {
      itemNumber: item.itemNumber,
      amount: item.amount,
      idempotencyKey: outcome.key,
    }),
    { item: c.row(item) },
  );
}

async function pay(
  c: AccidentCase,
  component: string,
  amount: number,
  account: BankAccount,
  accountRevision = 0,
) {
  const key = `${c.claimNumber}:${component}`;
  try {
    const result = await payments.payout({
      claimNumber: c.claimNumber,
      component,
      amount,
      account,
      accountRevision,
    });
    if (result.status === 'paid') {
      c.paid += amount;
      if (component.startsWith('closing-')) {
        await records.recordStep(
          c.claimNumber,
          c.step('payout_paid', undefined, {
            component,
            amount,
            idempotencyKey: key,
            gatewayReference: result.gatewayReference,
          }),
        );
      }
      return { paid: true, key };
    }
    return { paid: false, key, reason: `The bank refused the account (${result.failureCode}).` };
  } catch (err) {
    if (!(err instanceof ActivityFailure) || isCancellation(err)) throw err;
    return { paid: false, key, reason: 'The payment failed and was not made; a supervisor will act.' };
  }
}

async function close(
  c: AccidentCase,
  status: AccidentOutcome['status'],
  reason: string,
): Promise<AccidentOutcome> {
  c.status = status;
  await records.recordAccidentStep(
    c.claimNumber,
    c.step(`case_${status}`, undefined, { reason, paid: c.paid }),
    { status, statusReason: reason },
  );
  await records.notifyFamily(
    c.claimNumber,
    `case_${status}`,
    `Your accident case ${c.claimNumber}: ${reason}`,
  );
  await condition(allHandlersFinished);
  return {
    status,
    reason,
    paid: c.paid,
    ...(c.deathClaimNumber ? { deathClaimNumber: c.deathClaimNumber } : {}),
  };
}
