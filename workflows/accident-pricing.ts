// Pricing an accident case's item as it is recorded: a bill (no ceiling), transport (capped per mode across the case)
// or an STMB period (the tiers counted across periods), and who receives it. Throws the validator's refusal when the
// item cannot be recorded: nothing enters the history.
import { incapacityPeriodComponent, incapacityPeriodRefusal, jakartaDate, transportPayable } from '../rules';
import type { TransportMode } from '../rules/regulations/types';
import { actorId } from '../vocabulary/actors';
import { FailureType } from '../vocabulary/failures';
import type { RecordItemRequest } from '../vocabulary/messages/accident';
import { refuse } from './actors';
import {
  employerProof,
  notBusy,
  refuseField,
  refuseRule,
  staffOnly,
  type AccidentCase,
  type AccidentItem,
} from './accident-case';

/** The item the request records, priced; throws (the validator's refusal) when it cannot be recorded. */
export function priceItem(c: AccidentCase, r: RecordItemRequest): AccidentItem {
  staffOnly(r.actor, 'record a bill or a period');
  notBusy(c);
  if (c.status === 'waiting_for_closing_decision' || c.closingApproved) {
    refuse(
      'The case is closing: no bill or period can be added after the closing statement.',
      FailureType.WrongState,
    );
  }
  const suspected = c.status === 'waiting_for_finding' || c.status === 'waiting_for_finding_confirmation';
  // Suspected accidents: the agency pays health care first and decides within 30 days (not transport or STMB).
  const careFirst = suspected && r.kind === 'treatment' && r.treatment.mode === undefined;
  if (c.status !== 'under_care' && !careFirst)
    refuse(
      `Bills and periods are recorded once the case is found a work accident (status: ${c.status}).`,
      FailureType.WrongState,
    );
  const period = r.kind === 'treatment' ? r.treatment : r.incapacity;
  const today = jakartaDate(Date.now());
  if (period.from < c.input.accidentDate)
    refuseField('from', `must not be before the accident date ${c.input.accidentDate}`);
  if (period.to > today) refuseField('to', 'must not be in the future');
  const base = {
    itemNumber: c.items.length + 1,
    from: period.from,
    to: period.to,
    documentRef: period.documentRef,
    status: 'waiting_for_verification' as const,
    recordedBy: actorId(r.actor),
  };
  const wage = c.facts!.monthlyWage;
  if (r.kind === 'incapacity') {
    const earlier = c.items
      .filter((i) => i.kind === 'incapacity' && i.status !== 'refused')
      .map((i) => ({ from: i.from, to: i.to }));
    const refusal = incapacityPeriodRefusal(c.input.accidentDate, earlier, r.incapacity);
    if (refusal) refuseRule(refusal);
    const priced = incapacityPeriodComponent(c.regulation, wage, [...earlier, r.incapacity], earlier.length);
    // A wage worker's employer keeps paying the wage and receives the STMB; anyone else receives it.
    const toEmployer = c.facts!.wageWorker || c.employerFirst !== undefined;
    const account = toEmployer ? c.input.employerBankAccount : c.input.bankAccount;
    if (!account)
      refuseField(
        'employerBankAccount',
        "the STMB goes to the employer: the case needs the employer's account",
      );
    const proof = employerProof(c, r.incapacity, toEmployer, base.recordedBy);
    return {
      ...base,
      kind: 'incapacity',
      claimed: priced.amount,
      amount: priced.amount,
      explanation: priced.explanation,
      payTo: toEmployer ? 'employer' : 'participant',
      account,
      ...(proof ? { employerPayment: proof } : {}),
    };
  }
  const t = r.treatment;
  let amount = t.amount;
  let explanation = `Medical care by ${t.provider}: ${t.amount} rupiah against the bill, without a ceiling (${c.regulation.citation}).`;
  if (t.mode) {
    const mode = t.mode as TransportMode;
    const already = c.items
      .filter((i) => i.kind === 'transport' && i.mode === mode && i.status !== 'refused')
      .reduce((s, i) => s + i.amount, 0);
    const payable = transportPayable(c.regulation, mode, already, t.amount);
    if (payable.amount === 0)
      refuseField('amount', `the cap for ${mode} transport (${payable.cap} rupiah) is already reached`);
    amount = payable.amount;
    explanation = payable.explanation;
  }
  // Employer liable (late report, arrears): the employer pays first and the agency reimburses it.
  const payTo = c.employerFirst !== undefined ? 'employer' : t.payTo;
  const account =
    payTo === 'participant'
      ? c.input.bankAccount
      : payTo === 'provider'
        ? t.bankAccount
        : ((t.payTo === 'employer' ? t.bankAccount : undefined) ?? c.input.employerBankAccount);
  if (!account) refuseField('bankAccount', `is required to pay the ${payTo}`);
  const proof = employerProof(c, t, payTo === 'employer', base.recordedBy);
  return {
    ...base,
    kind: t.mode ? 'transport' : 'treatment',
    provider: t.provider,
    ...(t.mode ? { mode: t.mode } : {}),
    claimed: t.amount,
    amount,
    explanation,
    payTo,
    account,
    ...(proof ? { employerPayment: proof } : {}),
  };
}
