// One death, one claim (README): a participant with an open or paid death claim gets no other, across JKM and JKK
// and under races; the answer is a 409 naming participantNik and the claim that holds the death. A rejected or
// ineligible claim frees the death.
import request from 'supertest';
import { jakartaDate } from '../../rules';
import { createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from './harness';

let h: ApiHarness;
let officer1: string;
let officer2: string;
beforeAll(async () => {
  h = await startApiHarness();
  officer1 = h.token({ id: 'officer-1', role: 'officer' });
  officer2 = h.token({ id: 'officer-2', role: 'officer' });
});
afterAll(async () => {
  await h?.close();
});

function body(nik: string, program: 'JKM' | 'JKK' = 'JKM') {
  return {
    program,
    participantNik: nik,
    eventDate: jakartaDate(Date.now() - 86_400_000),
    heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
    bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
  };
}

function file(nik: string, program: 'JKM' | 'JKK' = 'JKM', key?: string) {
  const req = request(h.app).post('/api/v1/claims').set('Authorization', `Bearer ${officer1}`);
  if (key) req.set('Idempotency-Key', key);
  return req.send(body(nik, program));
}

function expectAlreadyClaimed(res: request.Response, holder: string) {
  expect(res.status).toBe(409);
  expect(res.type).toBe('application/problem+json');
  expect(res.body).toMatchObject({
    type: 'https://santunan.dev/problems/already-claimed',
    status: 409,
    claimNumber: holder,
    errors: [{ field: 'participantNik', message: 'already has an open or paid death claim' }],
  });
  expect(res.body.trackingCode).toBeUndefined();
}

async function claimWorkflows(): Promise<number> {
  return (await h.env.client.workflow.count(`WorkflowType = 'claimWorkflow'`)).count;
}

async function activeHolders(nik: string): Promise<string[]> {
  return h.t
    .db('claimed_deaths')
    .where({ participant_nik: nik })
    .whereNull('released_at')
    .pluck('claim_number');
}

describe('one death, one claim', () => {
  it('answers exactly one of a JKM and a JKK claim filed at once for the same participant, the other 409', async () => {
    const { nik } = await createParticipant(h.t.db);
    const before = await claimWorkflows();
    const answers = await Promise.all([file(nik, 'JKM'), file(nik, 'JKK')]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409]);
    const created = answers.find((a) => a.status === 201)!;
    const refused = answers.find((a) => a.status === 409)!;
    expectAlreadyClaimed(refused, created.body.claimNumber);

    expect(await activeHolders(nik)).toEqual([created.body.claimNumber]);
    await waitForClaimStatus(h, created.body.claimNumber, 'waiting_for_documents', officer1);
    // The refused request started no workflow and wrote no claim.
    expect(await h.t.db('claims').where({ participant_nik: nik }).pluck('claim_number')).toEqual([
      created.body.claimNumber,
    ]);
    // ...and started one workflow only (the server's visibility store may lag a moment behind the start).
    await new Promise((r) => setTimeout(r, 1000));
    expect(await claimWorkflows()).toBe(before + 1);
  });

  it('refuses a later claim for a participant whose claim is open, and frees the death once it is rejected', async () => {
    const { nik } = await createParticipant(h.t.db);
    const first = await file(nik, 'JKK');
    expect(first.status).toBe(201);
    const claim = first.body.claimNumber as string;
    expectAlreadyClaimed(await file(nik, 'JKM'), claim);
    expectAlreadyClaimed(await file(nik, 'JKK', `again-${nik}`), claim);
    // The refused key started nothing: no claim row for it.
    const refusedKey = await h.t
      .db('intake_requests')
      .where({ idempotency_key: `again-${nik}` })
      .first();
    expect(await h.t.db('claims').where({ claim_number: refusedKey.claim_number })).toEqual([]);

    await waitForClaimStatus(h, claim, 'waiting_for_documents', officer1);
    const verified = await request(h.app)
      .post(`/api/v1/claims/${claim}/verification`)
      .set('Authorization', `Bearer ${officer1}`)
      .send({ checklist: FULL_CHECKLIST });
    expect(verified.status).toBe(200);
    await waitForClaimStatus(h, claim, 'waiting_for_decision', officer1);
    const rejected = await request(h.app)
      .post(`/api/v1/claims/${claim}/decision`)
      .set('Authorization', `Bearer ${officer2}`)
      .send({ decision: 'reject', reason: 'The death certificate is forged' });
    expect(rejected.status).toBe(200);
    await waitForClaimStatus(h, claim, 'rejected', officer1);
    expect(await activeHolders(nik)).toEqual([]);
    expect(await h.t.db('claimed_deaths').where({ claim_number: claim }).first()).toMatchObject({
      released_because: 'rejected',
    });

    // Filed again (the refused key too: the same filing, now free to start), then the new claim holds the death.
    const again = await file(nik, 'JKK', `again-${nik}`);
    expect(again.status).toBe(201);
    expect(again.body.claimNumber).toBe(refusedKey.claim_number);
    expectAlreadyClaimed(await file(nik, 'JKM'), again.body.claimNumber);
    expect(await activeHolders(nik)).toEqual([again.body.claimNumber]);
  });

  it('frees the death of a claim found ineligible', async () => {
    const { nik } = await createParticipant(h.t.db, { membershipEndDate: '2020-01-01' });
    const first = await file(nik);
    expect(first.status).toBe(201);
    await waitForClaimStatus(h, first.body.claimNumber, 'ineligible', officer1);
    expect(await activeHolders(nik)).toEqual([]);
    const again = await file(nik, 'JKK');
    expect(again.status).toBe(201);
    expect(await activeHolders(nik)).toEqual([again.body.claimNumber]);
  });

  it('keeps the death held by a paid claim', async () => {
    const { nik } = await createParticipant(h.t.db);
    const first = await file(nik);
    const claim = first.body.claimNumber as string;
    await waitForClaimStatus(h, claim, 'waiting_for_documents', officer1);
    await request(h.app)
      .post(`/api/v1/claims/${claim}/verification`)
      .set('Authorization', `Bearer ${officer1}`)
      .send({ checklist: FULL_CHECKLIST })
      .expect(200);
    await waitForClaimStatus(h, claim, 'waiting_for_decision', officer1);
    await request(h.app)
      .post(`/api/v1/claims/${claim}/decision`)
      .set('Authorization', `Bearer ${officer2}`)
      .send({ decision: 'approve', reason: 'Complete file' })
      .expect(200);
    await waitForClaimStatus(h, claim, 'paid', officer1);
    expectAlreadyClaimed(await file(nik, 'JKK'), claim);
    expect(await activeHolders(nik)).toEqual([claim]);
  });
});
