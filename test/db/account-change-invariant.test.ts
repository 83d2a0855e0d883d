// The fault suite's account-change invariant (test/faults/support/account-changes.ts), against rows written by hand:
// it holds for a change approved by a second staff member, and names every account in effect without one.
import { createClaimActivities } from '../../activities/claims';
import { accountChangesWithoutTwoPeople } from '../faults/support/account-changes';
import { claimInput } from '../helpers/factories';
import { createTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});
beforeEach(async () => {
  await t.db('account_changes').del();
  await t.db('payouts').del();
  await t.db('claims').update({ account_revision: 0 }); // earlier tests' claims back on their first account
});

/** A claim filed by officer-intake and verified by officer-1, paying to account revision `revision`. */
async function claimAt(revision: number): Promise<string> {
  const input = claimInput({ participantNik: '3171010101800099' });
  await createClaimActivities(t.db).recordClaim(input, { seq: 1, type: 'claim_received' });
  await t.db('claims').where({ claim_number: input.claimNumber }).update({
    verified_by: 'officer-1',
    account_revision: revision,
  });
  return input.claimNumber;
}

function change(workflowId: string, claimNumber: string, overrides: Record<string, unknown> = {}) {
  return {
    workflow_id: workflowId,
    claim_number: claimNumber,
    proposal: 10,
    revision: 1,
    bank_code: 'BNI',
    account_number: '9876543210',
    account_name: 'Sri Wahyuni',
    holder_matches: true,
    proposed_by: 'family',
    status: 'approved',
    reviewed_by: 'officer-3',
    reviewer_role: 'officer',
    identity_check: 'KTP seen',
    review_reason: 'ok',
    reviewed_at: new Date(),
    ...overrides,
  };
}

describe('no account change took effect without two distinct staff members', () => {
  it('holds for an account approved by a third officer, and for claims still on their first account', async () => {
    await claimAt(0);
    const claimNumber = await claimAt(1);
    await t.db('account_changes').insert(change(claimNumber, claimNumber));
    expect(await accountChangesWithoutTwoPeople(t.db)).toEqual([]);
  });

  it.each([
    ["the claim's filer", { reviewed_by: 'officer-intake' }, "reviewed by the claim's filer or verifier"],
    ["the claim's verifier", { reviewed_by: 'officer-1' }, "reviewed by the claim's filer or verifier"],
    [
      'an auditor',
      { reviewed_by: 'auditor-1', reviewer_role: 'auditor' },
      'reviewed by auditor-1 (auditor), not staff',
    ],
    [
      'nobody: still pending',
      { status: 'pending', reviewed_by: null, reviewer_role: null, reviewed_at: null },
      'no approved account change',
    ],
    ['nobody: the change was rejected', { status: 'rejected' }, 'no approved account change'],
  ])('fails for an account in effect reviewed by %s', async (_who, overrides, why) => {
    const claimNumber = await claimAt(1);
    await t.db('account_changes').insert(change(claimNumber, claimNumber, overrides));
    expect(await accountChangesWithoutTwoPeople(t.db)).toEqual([
      { workflowId: claimNumber, revision: 1, why },
    ]);
  });

  it('fails for a scholarship year paid to a revision nobody approved', async () => {
    const claimNumber = await claimAt(0);
    const workflowId = `${claimNumber}-S1`;
    await t.db('payouts').insert({
      idempotency_key: `${workflowId}:2026/2027`,
      claim_number: claimNumber,
      component: 'scholarship:2026/2027',
      amount: 2_000_000,
      status: 'paid',
      gateway_key: `${workflowId}:2026/2027:r1`,
      account_revision: 1,
      bank_code: 'BNI',
      account_number: '9876543210',
    });
    expect(await accountChangesWithoutTwoPeople(t.db)).toEqual([
      { workflowId, revision: 1, why: 'no approved account change' },
    ]);
    await t.db('account_changes').insert(change(workflowId, claimNumber));
    expect(await accountChangesWithoutTwoPeople(t.db)).toEqual([]);
  });

  it('cannot even be written with the proposer as the reviewer: PostgreSQL refuses the row', async () => {
    const claimNumber = await claimAt(1);
    await expect(
      t.db('account_changes').insert(change(claimNumber, claimNumber, { proposed_by: 'officer-3' })),
    ).rejects.toThrow(/account_changes_two_people/);
  });
});
