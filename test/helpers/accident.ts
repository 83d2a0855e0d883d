// Accident cases in tests: the input that starts one, and small drivers for its updates.
import type { WorkflowHandle } from '@temporalio/client';
import type { Actor } from '../../vocabulary/actors';
import type { AccidentInput, ClosingBody, IncapacityBody, TreatmentBody } from '../../vocabulary/accident';
import {
  accidentStateQuery,
  confirmFindingUpdate,
  decideClosingUpdate,
  decideItemUpdate,
  recordFindingUpdate,
  recordItemUpdate,
  submitClosingUpdate,
  verifyItemUpdate,
} from '../../vocabulary/messages/accident';
import type { ClaimStatus } from '../../vocabulary/status';
import { DEV_TRACKING_CODE_SECRET, hashTrackingCode } from '../../api/middleware/tracking-code';
import { newClaimNumber } from './factories';

export const officer1: Actor = { kind: 'staff', id: 'officer-1', role: 'officer' };
export const officer2: Actor = { kind: 'staff', id: 'officer-2', role: 'officer' };
export const supervisor: Actor = { kind: 'staff', id: 'supervisor-1', role: 'supervisor' };

export const WORKER_ACCOUNT = { bankCode: 'BRI', accountNumber: '2234567890', accountName: 'Budi Santoso' };
export const EMPLOYER_ACCOUNT = { bankCode: 'BNI', accountNumber: '3234567890', accountName: 'PT Uji' };
export const PROVIDER_ACCOUNT = {
  bankCode: 'MANDIRI',
  accountNumber: '4234567890',
  accountName: 'RS Trauma',
};

export function accidentInput(o: Partial<AccidentInput> & { participantNik: string }): AccidentInput {
  return {
    claimNumber: newClaimNumber('JKK'),
    accidentDate: '2025-01-02',
    accidentKind: 'work',
    accidentPlace: 'Gudang PT Uji, Bekasi',
    reportedAt: '2025-01-03T09:00:00+07:00',
    bankAccount: WORKER_ACCOUNT,
    employerBankAccount: EMPLOYER_ACCOUNT,
    claimDate: '2025-01-03',
    trackingCodeHash: hashTrackingCode('TESTCODE2345', DEV_TRACKING_CODE_SECRET),
    createdBy: 'officer-intake',
    ...o,
  };
}

type Handle = WorkflowHandle;

export async function waitForCase(handle: Handle, status: ClaimStatus): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await handle.query(accidentStateQuery)).status === status) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`case never reached ${status}`);
}

export async function confirmWorkAccident(
  handle: Handle,
  finding: 'work_accident' | 'not_work_accident' = 'work_accident',
) {
  await waitForCase(handle, 'waiting_for_finding');
  await handle.executeUpdate(recordFindingUpdate, {
    args: [{ actor: officer1, finding, reasons: 'Fell from a ladder while stacking goods at work.' }],
  });
  await handle.executeUpdate(confirmFindingUpdate, {
    args: [{ actor: officer2, decision: 'approve', reason: 'Witness statements agree.' }],
  });
}

/** Records an item, has officer 1 verify it and officer 2 approve it. */
export async function approveItem(
  handle: Handle,
  item: { treatment: TreatmentBody } | { incapacity: IncapacityBody },
) {
  const recorded = await handle.executeUpdate(recordItemUpdate, {
    args: [
      'treatment' in item
        ? { actor: officer1, kind: 'treatment', treatment: item.treatment }
        : { actor: officer1, kind: 'incapacity', incapacity: item.incapacity },
    ],
  });
  await handle.executeUpdate(verifyItemUpdate, {
    args: [{ actor: officer1, itemNumber: recorded.itemNumber }],
  });
  return handle.executeUpdate(decideItemUpdate, {
    args: [
      { actor: officer2, itemNumber: recorded.itemNumber, decision: 'approve', reason: 'Bill in order.' },
    ],
  });
}

export async function closeCase(handle: Handle, closing: ClosingBody, decider: Actor = officer2) {
  const submitted = await handle.executeUpdate(submitClosingUpdate, { args: [{ actor: officer1, closing }] });
  await handle.executeUpdate(decideClosingUpdate, {
    args: [{ actor: decider, decision: 'approve', reason: "Doctor's statement in order." }],
  });
  return submitted;
}
