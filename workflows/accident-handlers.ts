// The accident case's messages: the finding and its confirmation, each item's record, verification and decision,
// and the return-to-work steps (the closing's are in accident-closing.ts). A validator refuses the wrong actor,
// state or input before anything enters the history; two people look at everything that is paid.
import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { decisionRefusal, jakartaDate } from '../rules';
import { actorId } from '../vocabulary/actors';
import { FailureType } from '../vocabulary/failures';
import {
  accidentStateQuery,
  confirmFindingUpdate,
  decideItemUpdate,
  recordFindingUpdate,
  recordEmployerPaymentUpdate,
  recordItemUpdate,
  replaceItemAccountUpdate,
  returnToWorkUpdate,
  verifyItemUpdate,
  type ConfirmFindingRequest,
  type DecideItemRequest,
  type ItemResult,
  type EmployerPaymentResult,
  type RecordEmployerPaymentRequest,
  type RecordFindingRequest,
  type RecordItemRequest,
  type ReplaceItemAccountRequest,
  type ReturnToWorkRequest,
  type VerifyItemRequest,
} from '../vocabulary/messages/accident';
import { RECORDING } from './activity-options';
import { refuse, refuseBy } from './actors';
import {
  employerProof,
  notBusy,
  refuseField,
  requireEmployerProof,
  staffOnly,
  whileBusy,
  type AccidentCase,
  type AccidentItem,
} from './accident-case';
import { closingRecord } from './accident-closing';
import { priceItem } from './accident-pricing';

const records = proxyActivities<Activities>(RECORDING);

export function registerAccidentHandlers(c: AccidentCase): void {
  setHandler(accidentStateQuery, () => c.state());

  setHandler(recordFindingUpdate, (r) => recordFinding(c, r), {
    validator: (r) => {
      staffOnly(r.actor, 'record the investigation');
      notBusy(c);
      if (c.status !== 'waiting_for_finding')
        refuse(`The case is not waiting for a finding (status: ${c.status}).`, FailureType.WrongState);
    },
  });
  setHandler(confirmFindingUpdate, (r) => confirmFinding(c, r), {
    validator: (r) => {
      staffOnly(r.actor, 'confirm the finding');
      notBusy(c);
      if (c.status !== 'waiting_for_finding_confirmation' || !c.finding) {
        refuse(`No finding waits for confirmation (status: ${c.status}).`, FailureType.WrongState);
      }
      const open = c.items
        .filter((i) => i.status !== 'paid' && i.status !== 'refused')
        .map((i) => i.itemNumber);
      if (open.length > 0) {
        refuse(
          `Items ${open.join(', ')} are not yet decided and paid: settle them first.`,
          FailureType.WrongState,
        );
      }
      if (r.actor.id === c.finding.by) {
        refuse('The officer who recorded the finding may not also confirm it.', FailureType.MakerChecker);
      }
    },
  });
  setHandler(recordItemUpdate, (r) => recordItem(c, r), { validator: (r) => void priceItem(c, r) });
  setHandler(verifyItemUpdate, (r) => verifyItem(c, r), {
    validator: (r) => {
      staffOnly(r.actor, 'verify a bill or a period');
      notBusy(c);
      const item = c.item(r.itemNumber);
      if (!item) refuseField('itemNumber', `no item ${r.itemNumber} on this case`);
      if (item.status !== 'waiting_for_verification')
        refuse(
          `Item ${r.itemNumber} is not waiting for verification (${item.status}).`,
          FailureType.WrongState,
        );
    },
  });
  setHandler(decideItemUpdate, (r) => decideItem(c, r), {
    validator: (r) => {
      staffOnly(r.actor, 'approve a bill or a period');
      notBusy(c);
      const item = c.item(r.itemNumber);
      if (!item) refuseField('itemNumber', `no item ${r.itemNumber} on this case`);
      if (item.status !== 'waiting_for_approval')
        refuse(`Item ${r.itemNumber} is not waiting for approval (${item.status}).`, FailureType.WrongState);
      if (r.actor.id === item.recordedBy)
        refuse('The officer who recorded the item may not also approve it.', FailureType.MakerChecker);
      const refusal = decisionRefusal({
        deciderId: r.actor.id,
        deciderRole: r.actor.role,
        verifiedBy: item.verifiedBy,
        decision: r.decision,
        total: item.amount,
        checked: 'item',
      });
      if (refusal) refuseBy(refusal);
      // Employer liable: the payment is a reimbursement; the approver checks the employer's proof it paid first.
      if (r.decision === 'approve' && c.needsEmployerProof(item.payTo))
        requireEmployerProof(item.employerPayment, r.actor.id);
    },
  });
  setHandler(recordEmployerPaymentUpdate, (r) => recordEmployerPayment(c, r), {
    validator: (r) => void employerPaymentTarget(c, r),
  });
  // An update: the officer learns at once whether the item's payment was refused; a second person approves it again.
  setHandler(replaceItemAccountUpdate, (r) => replaceItemAccount(c, r), {
    validator: (r) => {
      staffOnly(r.actor, 'give an item a new account');
      notBusy(c);
      const item = c.item(r.itemNumber);
      if (!item) refuseField('itemNumber', `no item ${r.itemNumber} on this case`);
      if (item.status !== 'payment_refused') {
        refuse(`Item ${r.itemNumber}'s payment was not refused (${item.status}).`, FailureType.WrongState);
      }
    },
  });
  setHandler(returnToWorkUpdate, (r) => recordReturnToWork(c, r), {
    validator: (r) => {
      staffOnly(r.actor, 'record the return to work');
      notBusy(c);
      if (c.status !== 'under_care' && c.status !== 'waiting_for_closing_decision') {
        refuse(
          `The return to work is recorded while the case is open after the finding (status: ${c.status}).`,
          FailureType.WrongState,
        );
      }
      if (c.returnToWork.length === 0 && r.step.step !== 'enrolled')
        refuseField('step', 'the worker must first be enrolled');
      if (c.returnToWork.length > 0 && r.step.step === 'enrolled')
        refuseField('step', 'the worker is already enrolled');
      if (c.returnToWork.some((s) => s.step === 'outcome'))
        refuseField('step', 'the outcome is already recorded');
    },
  });
}

async function recordFinding(c: AccidentCase, r: RecordFindingRequest) {
  return whileBusy(c, async () => {
    const by = actorId(r.actor);
    c.status = 'waiting_for_finding_confirmation';
    await records.recordAccidentStep(
      c.claimNumber,
      c.step('finding_recorded', by, { finding: r.finding, reasons: r.reasons }),
      {
        status: c.status,
        case: { finding: r.finding, finding_reasons: r.reasons, finding_by: by, finding_confirmed_by: null },
      },
    );
    c.finding = { finding: r.finding, reasons: r.reasons, by };
    return { status: c.status };
  });
}

async function confirmFinding(c: AccidentCase, r: ConfirmFindingRequest) {
  return whileBusy(c, async () => {
    const by = actorId(r.actor);
    const approved = r.decision === 'approve';
    if (!approved) c.status = 'waiting_for_finding';
    await records.recordAccidentStep(
      c.claimNumber,
      c.step(approved ? 'finding_confirmed' : 'finding_sent_back', by, {
        reason: r.reason,
        finding: c.finding?.finding,
      }),
      approved
        ? { case: { finding_confirmed_by: by } }
        : { status: c.status, case: { finding: null, finding_by: null } },
    );
    if (approved) c.findingConfirmed = true;
    else c.finding = undefined;
    return { status: c.status };
  });
}

async function recordItem(c: AccidentCase, r: RecordItemRequest): Promise<ItemResult> {
  const item = priceItem(c, r);
  return whileBusy(c, async () => {
    c.items.push(item);
    await records.recordAccidentStep(
      c.claimNumber,
      c.step('item_recorded', item.recordedBy, {
        itemNumber: item.itemNumber,
        kind: item.kind,
        amount: item.amount,
      }),
      { item: c.row(item) },
    );
    return result(item);
  });
}

async function verifyItem(c: AccidentCase, r: VerifyItemRequest): Promise<ItemResult> {
  return whileBusy(c, async () => {
    const item = c.item(r.itemNumber)!;
    item.status = 'waiting_for_approval';
    item.verifiedBy = actorId(r.actor);
    await records.recordAccidentStep(
      c.claimNumber,
      c.step('item_verified', item.verifiedBy, { itemNumber: item.itemNumber, note: r.note }),
      { item: c.row(item) },
    );
    return result(item);
  });
}

async function decideItem(c: AccidentCase, r: DecideItemRequest): Promise<ItemResult> {
  return whileBusy(c, async () => {
    const item = c.item(r.itemNumber)!;
    const approved = r.decision === 'approve';
    item.status = approved ? 'paying' : 'refused';
    item.decidedBy = actorId(r.actor);
    item.reason = r.reason;
    await records.recordAccidentStep(
      c.claimNumber,
      c.step(approved ? 'item_approved' : 'item_refused', item.decidedBy, {
        itemNumber: item.itemNumber,
        reason: r.reason,
        amount: item.amount,
      }),
      { item: c.row(item) },
    );
    if (approved) c.payQueue.push(item.itemNumber);
    return result(item);
  });
}

/** A change of payee: the item waits for approval again, by someone other than who gave the account. */
async function replaceItemAccount(c: AccidentCase, r: ReplaceItemAccountRequest): Promise<ItemResult> {
  return whileBusy(c, async () => {
    const item = c.item(r.itemNumber)!;
    const by = actorId(r.actor);
    item.account = r.bankAccount;
    item.accountRevision = (item.accountRevision ?? 0) + 1;
    item.status = 'waiting_for_approval';
    item.verifiedBy = by;
    await records.recordAccidentStep(
      c.claimNumber,
      c.step('item_account_replaced', by, {
        itemNumber: item.itemNumber,
        accountRevision: item.accountRevision,
      }),
      { item: c.row(item) },
    );
    return result(item);
  });
}

/** Where the employer's proof goes (an undecided item, or a closing waiting for its decision), checked. */
function employerPaymentTarget(c: AccidentCase, r: RecordEmployerPaymentRequest) {
  staffOnly(r.actor, "record the employer's proof of payment");
  notBusy(c);
  const by = actorId(r.actor);
  if (r.itemNumber !== undefined) {
    const item = c.item(r.itemNumber);
    if (!item) refuseField('itemNumber', `no item ${r.itemNumber} on this case`);
    if (item.status !== 'waiting_for_verification' && item.status !== 'waiting_for_approval')
      refuse(
        `Item ${r.itemNumber} is already decided (${item.status}): the proof is given before approval.`,
        FailureType.WrongState,
      );
    return { item, proof: employerProof(c, r, item.payTo === 'employer', by)! };
  }
  if (c.status !== 'waiting_for_closing_decision' || !c.closing)
    refuse(`No closing waits for a decision (status: ${c.status}).`, FailureType.WrongState);
  const toEmployer = c.employerFirst !== undefined && c.closing.total > 0;
  return { item: undefined, proof: employerProof(c, r, toEmployer, by)! };
}

async function recordEmployerPayment(
  c: AccidentCase,
  r: RecordEmployerPaymentRequest,
): Promise<EmployerPaymentResult> {
  const { item, proof } = employerPaymentTarget(c, r);
  return whileBusy(c, async () => {
    const data = {
      itemNumber: item?.itemNumber,
      employerPaymentRef: proof.ref,
      employerPaidOn: proof.paidOn,
    };
    if (item) {
      item.employerPayment = proof;
      await records.recordAccidentStep(
        c.claimNumber,
        c.step('employer_payment_recorded', proof.recordedBy, data),
        { item: c.row(item) },
      );
    } else {
      const closing = c.closing!;
      closing.employerPayment = proof;
      await records.recordAccidentStep(
        c.claimNumber,
        c.step('employer_payment_recorded', proof.recordedBy, data),
        { case: { closing: closingRecord(closing) } },
      );
    }
    return {
      ...(item ? { itemNumber: item.itemNumber } : {}),
      employerPaymentRef: proof.ref,
      employerPaidOn: proof.paidOn,
    };
  });
}

async function recordReturnToWork(c: AccidentCase, r: ReturnToWorkRequest) {
  return whileBusy(c, async () => {
    const by = actorId(r.actor);
    const entry = {
      step: r.step.step,
      note: r.step.note,
      ...(r.step.outcome ? { outcome: r.step.outcome } : {}),
      by,
      on: jakartaDate(Date.now()),
    };
    await records.recordAccidentStep(
      c.claimNumber,
      c.step(`return_to_work_${r.step.step}`, by, { outcome: r.step.outcome }),
      { case: { return_to_work: [...c.returnToWork, entry] } },
    );
    c.returnToWork.push(entry);
    return { steps: c.returnToWork.length };
  });
}

function result(item: AccidentItem): ItemResult {
  return {
    itemNumber: item.itemNumber,
    status: item.status,
    amount: item.amount,
    explanation: item.explanation,
  };
}
