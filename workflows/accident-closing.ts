// Stage II: the doctor's closing statement, priced by rules/ as the quote prices it, verified by the officer who
// submits it and decided by someone else (a supervisor above the threshold). Then: paid, the children's
// scholarships started (total disability), or the case continued as a JKK death claim (died).
import { ParentClosePolicy, proxyActivities, setHandler, startChild } from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  decisionRefusal,
  jakartaDate,
  quote,
  repeatedDisabilityItem,
  RuleError,
  type QuoteResponse,
} from '../rules';
import { actorId } from '../vocabulary/actors';
import type { ClaimInput } from '../vocabulary/claim';
import { FailureType } from '../vocabulary/failures';
import { claimWorkflowId } from '../vocabulary/ids';
import {
  decideClosingUpdate,
  submitClosingUpdate,
  type ClosingResult,
  type DecideClosingRequest,
  type SubmitClosingRequest,
} from '../vocabulary/messages/accident';
import { RECORDING } from './activity-options';
import { isOfficerOrSupervisor, refuse, refuseBy } from './actors';
import {
  employerProof,
  refuseField,
  refuseRule,
  requireEmployerProof,
  whileBusy,
  type AccidentCase,
  type Closing,
} from './accident-case';
import type { claimWorkflow } from './claim';

const records = proxyActivities<Activities>(RECORDING);

/** The closing's benefit under the regulation of the accident date; refuses a statement the rules refuse. */
function price(c: AccidentCase, r: SubmitClosingRequest): Closing {
  const { closing } = r;
  const submittedBy = actorId(r.actor);
  if (closing.outcome === 'recovered' || closing.outcome === 'died') {
    return { request: closing, submittedBy, components: [], total: 0 };
  }
  const repeated = repeatedDisabilityItem(closing.disability?.items.map((i) => i.code) ?? []);
  if (repeated) refuseRule(repeated);
  let benefit: QuoteResponse;
  try {
    benefit = quote({
      program: 'JKK',
      event: closing.outcome === 'partial_disability' ? 'partial_disability' : 'permanent_total_disability',
      eventDate: c.eventDate,
      membershipStartDate: c.facts!.membershipStartDate,
      monthlyWage: c.facts!.monthlyWage,
      ...(closing.disability ? { disability: closing.disability } : {}),
      ...(closing.outcome === 'total_disability' ? { children: closing.children ?? [] } : {}),
    });
  } catch (err) {
    if (err instanceof RuleError) refuseRule(err);
    // The quote's own schema (a child's grade for its level, say): the field it names, never the value.
    const issue = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
    if (issue) refuseField(issue.path.map(String).join('.'), issue.message);
    throw err;
  }
  return { request: closing, submittedBy, components: benefit.components, total: benefit.total, benefit };
}

export function registerClosingHandlers(c: AccidentCase): void {
  setHandler(submitClosingUpdate, (r) => submitClosing(c, r), {
    validator: (r) => {
      if (!isOfficerOrSupervisor(r.actor))
        refuse('Only an officer or a supervisor may record the closing.', FailureType.Forbidden);
      if (c.busy) refuse('Another action on this case is being recorded; try again.', FailureType.WrongState);
      if (c.status !== 'under_care')
        refuse(`The case is not open for its closing (status: ${c.status}).`, FailureType.WrongState);
      const refused = c.items.filter((i) => i.status === 'payment_refused').map((i) => i.itemNumber);
      if (refused.length > 0) {
        refuse(
          `The payment of items ${refused.join(', ')} was refused: give a new account first.`,
          FailureType.WrongState,
        );
      }
      const waiting = c.undecided().map((i) => i.itemNumber);
      if (waiting.length > 0)
        refuse(
          `Items ${waiting.join(', ')} still wait for review: decide them first.`,
          FailureType.WrongState,
        );
      const { closedOn } = r.closing;
      if (closedOn < c.input.accidentDate)
        refuseField('closedOn', `must not be before the accident date ${c.input.accidentDate}`);
      if (closedOn > jakartaDate(Date.now())) refuseField('closedOn', 'must not be in the future');
      const lastPeriod = c.items
        .filter((i) => i.kind === 'incapacity' && i.status !== 'refused')
        .reduce((m, i) => (i.to > m ? i.to : m), '');
      if (r.closing.outcome === 'died' && lastPeriod > closedOn)
        refuseField('closedOn', `is before the end of an STMB period (${lastPeriod})`);
      const priced = price(c, r);
      employerProof(c, r.closing, paysEmployer(c, priced), priced.submittedBy);
    },
  });
  setHandler(decideClosingUpdate, (r) => decideClosing(c, r), {
    validator: (r) => {
      if (!isOfficerOrSupervisor(r.actor))
        refuse('Only an officer or a supervisor may decide the closing.', FailureType.Forbidden);
      if (c.busy || c.status !== 'waiting_for_closing_decision' || !c.closing) {
        refuse(`No closing waits for a decision (status: ${c.status}).`, FailureType.WrongState);
      }
      const refusal = decisionRefusal({
        deciderId: r.actor.id,
        deciderRole: r.actor.role,
        verifiedBy: c.closing.submittedBy,
        decision: r.decision,
        total: c.closing.total,
        checked: 'closing',
      });
      if (refusal) refuseBy(refusal);
      // Employer liable: the closing's benefit reimburses the employer, which paid the worker first.
      if (r.decision === 'approve' && paysEmployer(c, c.closing))
        requireEmployerProof(c.closing.employerPayment, r.actor.id);
    },
  });
}

/** The closing's benefit goes to a liable employer as its reimbursement. */
function paysEmployer(c: AccidentCase, closing: Closing): boolean {
  return c.employerFirst !== undefined && closing.total > 0;
}

async function submitClosing(c: AccidentCase, r: SubmitClosingRequest): Promise<ClosingResult> {
  const closing = price(c, r);
  const proof = employerProof(c, r.closing, paysEmployer(c, closing), closing.submittedBy);
  if (proof) closing.employerPayment = proof;
  return whileBusy(c, async () => {
    c.status = 'waiting_for_closing_decision';
    c.closing = closing;
    await records.recordAccidentStep(
      c.claimNumber,
      c.step('closing_submitted', closing.submittedBy, {
        outcome: closing.request.outcome,
        total: closing.total,
      }),
      { status: c.status, case: { closing: closingRecord(closing), closing_decided_by: null } },
    );
    return { outcome: closing.request.outcome, total: closing.total, status: c.status };
  });
}

async function decideClosing(c: AccidentCase, r: DecideClosingRequest): Promise<ClosingResult> {
  return whileBusy(c, async () => {
    const closing = c.closing!;
    const by = actorId(r.actor);
    const approved = r.decision === 'approve';
    c.status = approved ? 'paying' : 'under_care';
    await records.recordAccidentStep(
      c.claimNumber,
      c.step(approved ? 'closing_approved' : 'closing_sent_back', by, {
        reason: r.reason,
        total: closing.total,
      }),
      approved
        ? { status: c.status, case: { closing_decided_by: by } }
        : { status: c.status, case: { closing: null } },
    );
    if (approved) c.closingApproved = true;
    else c.closing = undefined;
    return { outcome: closing.request.outcome, total: closing.total, status: c.status };
  });
}

/** What the case's row keeps of the closing: no heir's ID or account beyond what the claim rows hold. */
export function closingRecord(closing: Closing) {
  const { request } = closing;
  return {
    outcome: request.outcome,
    doctorStatementRef: request.doctorStatementRef,
    closedOn: request.closedOn,
    ...(request.disability ? { disability: request.disability } : {}),
    components: closing.components,
    total: closing.total,
    submittedBy: closing.submittedBy,
    ...(closing.employerPayment ? { employerPayment: closing.employerPayment } : {}),
  };
}

/** The death claim the case continues as: same tracking code, the accident date as the event (regulation, expiry). */
export async function continueAsDeathClaim(c: AccidentCase, decidedBy: string): Promise<string> {
  const request = c.closing!.request;
  const claimNumber = `${c.claimNumber}D`;
  const input: ClaimInput = {
    claimNumber,
    program: 'JKK',
    event: 'death',
    participantNik: c.input.participantNik,
    eventDate: c.eventDate,
    // The date of death: the payment's service level counts from it.
    claimDate: request.closedOn,
    heirs: request.heirs!,
    children: request.children ?? [],
    bankAccount: request.heirBankAccount!,
    trackingCodeHash: c.input.trackingCodeHash,
    createdBy: decidedBy,
  };
  await startChild<typeof claimWorkflow>('claimWorkflow', {
    workflowId: claimWorkflowId(claimNumber),
    args: [input],
    // The death claim is the heirs' from now on: it outlives the accident case.
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
  return claimNumber;
}
