// Maker-checker in both places: the API refuses from the projections before asking Temporal, and the workflow's
// update validator refuses the same actors when called directly with a Temporal client, around the API.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import request from 'supertest';
import { decideUpdate, verifyUpdate } from '../../vocabulary/messages/claim';
import { FailureType } from '../../vocabulary/failures';
import type { Actor } from '../../vocabulary/actors';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from '../api/harness';
import { createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { seedClaim, startLightApp, type LightApp } from './light-app';

let h: ApiHarness;
let l: LightApp;
beforeAll(async () => {
  [h, l] = await Promise.all([startApiHarness(), startLightApp()]);
});
afterAll(async () => {
  await Promise.all([h?.close(), l?.close()]);
});

const staff = (id: string, role: 'officer' | 'supervisor' | 'auditor'): Actor => ({
  kind: 'staff',
  id,
  role,
});
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function failureType(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) return (err.cause as { type?: string } | undefined)?.type;
    throw err;
  }
  return 'accepted';
}

/** A claim through the API up to the decision, verified by `verifier`. */
async function verifiedClaim(
  verifier: { id: string; role: 'officer' | 'supervisor' },
  monthlyWage = 5_000_000,
) {
  const intake = h.token({ id: 'officer-intake', role: 'officer' });
  const { nik } = await createParticipant(h.t.db, { monthlyWage });
  const created = await request(h.app)
    .post('/api/v1/claims')
    .set(bearer(intake))
    .send({
      program: 'JKK',
      participantNik: nik,
      eventDate: '2026-11-01',
      heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
      bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
    })
    .expect(201);
  const { claimNumber } = created.body as { claimNumber: string };
  await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', intake);
  await request(h.app)
    .post(`/api/v1/claims/${claimNumber}/verification`)
    .set(bearer(h.token(verifier)))
    .send({ checklist: FULL_CHECKLIST })
    .expect(200);
  await waitForClaimStatus(h, claimNumber, 'waiting_for_decision', intake);
  return { claimNumber, handle: h.env.client.workflow.getHandle(claimNumber) };
}

async function undecided(claimNumber: string): Promise<void> {
  const row = await h.t.db('claims').where({ claim_number: claimNumber }).first();
  expect(row).toMatchObject({ status: 'waiting_for_decision', decision: null, decided_by: null });
  const events = await h.t.db('claim_events').where({ claim_number: claimNumber }).pluck('type');
  expect(events).not.toContain('claim_approved');
}

describe('the workflow, called directly with a Temporal client', () => {
  it('refuses the verifier as approver, and records nothing', async () => {
    const { claimNumber, handle } = await verifiedClaim({ id: 'officer-1', role: 'officer' });
    const direct = handle.executeUpdate(decideUpdate, {
      args: [{ actor: staff('officer-1', 'officer'), decision: 'approve', reason: 'my own file' }],
    });
    expect(await failureType(direct)).toBe(FailureType.MakerChecker);
    await undecided(claimNumber);
  });

  it('refuses an officer approving above the threshold, and an auditor or the family deciding at all', async () => {
    const { claimNumber, handle } = await verifiedClaim({ id: 'officer-1', role: 'officer' }, 25_000_000);
    const decide = (actor: Actor, decision: 'approve' | 'reject' = 'approve') =>
      failureType(handle.executeUpdate(decideUpdate, { args: [{ actor, decision, reason: 'direct call' }] }));
    expect(await decide(staff('officer-2', 'officer'))).toBe(FailureType.SupervisorRequired);
    expect(await decide(staff('auditor-1', 'auditor'))).toBe(FailureType.Forbidden);
    expect(await decide({ kind: 'family' })).toBe(FailureType.Forbidden);
    expect(await decide({ kind: 'family' }, 'reject')).toBe(FailureType.Forbidden);
    await undecided(claimNumber);
    // The control: a supervisor who did not verify may.
    expect(await decide(staff('supervisor-1', 'supervisor'))).toBe('accepted');
  });

  it('refuses a second verification, so a verifier cannot be replaced by someone else', async () => {
    const { handle } = await verifiedClaim({ id: 'officer-1', role: 'officer' });
    const again = handle.executeUpdate(verifyUpdate, {
      args: [{ actor: staff('officer-2', 'officer'), checklist: FULL_CHECKLIST }],
    });
    expect(await failureType(again)).toBe(FailureType.WrongState);
  });
});

describe('the API', () => {
  it('refuses a supervisor who verified the documents as approver, even above the threshold', async () => {
    const { claimNumber } = await verifiedClaim({ id: 'supervisor-1', role: 'supervisor' }, 25_000_000);
    const url = `/api/v1/claims/${claimNumber}/decision`;
    const self = await request(h.app)
      .post(url)
      .set(bearer(h.token({ id: 'supervisor-1', role: 'supervisor' })))
      .send({ decision: 'approve', reason: 'ok' });
    expect(self.status).toBe(403);
    expect(self.body.type).toMatch(/maker-checker$/);
    await undecided(claimNumber);
    const other = await request(h.app)
      .post(url)
      .set(bearer(h.token({ id: 'supervisor-2', role: 'supervisor' })))
      .send({ decision: 'approve', reason: 'ok' });
    expect(other.status).toBe(200);
  });

  it('refuses from its own records, before Temporal is asked', async () => {
    // This app's Temporal client points nowhere: had the API asked the workflow, the answer would be 503.
    const claim = await seedClaim(l.t, {
      status: 'waiting_for_decision',
      verifiedBy: 'officer-1',
      total: 300_000_000,
    });
    const url = `/api/v1/claims/${claim.claimNumber}/decision`;
    const self = await request(l.app)
      .post(url)
      .set(bearer(l.token({ id: 'officer-1', role: 'officer' })))
      .send({ decision: 'reject', reason: 'x' });
    expect(self.status).toBe(403);
    expect(self.body.type).toMatch(/maker-checker$/);
    const officer = await request(l.app)
      .post(url)
      .set(bearer(l.token({ id: 'officer-2', role: 'officer' })))
      .send({ decision: 'approve', reason: 'x' });
    expect(officer.status).toBe(403);
    expect(officer.body.type).toMatch(/supervisor-required$/);
  });
});
