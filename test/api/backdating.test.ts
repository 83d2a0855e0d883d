// A backdated claim date through the API: an officer files it with a reason, the claim waits, and a supervisor (never
// an officer, an auditor or the filer) approves or refuses it with a reason. A claim date in the future, or earlier
// than today without a reason, is refused and starts nothing.
import request from 'supertest';
import { jakartaDate } from '../../rules';
import { createParticipant } from '../helpers/factories';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from './harness';

let h: ApiHarness;
let officer: string;
let supervisor: string;
let auditor: string;
beforeAll(async () => {
  h = await startApiHarness();
  officer = h.token({ id: 'officer-1', role: 'officer' });
  supervisor = h.token({ id: 'supervisor-1', role: 'supervisor' });
  auditor = h.token({ id: 'auditor-1', role: 'auditor' });
});
afterAll(async () => {
  await h?.close();
});

const day = (offsetDays: number) => jakartaDate(Date.now() + offsetDays * 86_400_000);
const REASON = 'Paper file stamped received at the Medan branch three days ago';

async function body(extra: Record<string, unknown>) {
  const { nik } = await createParticipant(h.t.db);
  return {
    program: 'JKM',
    participantNik: nik,
    eventDate: day(-10),
    heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
    bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
    ...extra,
  };
}

const file = (b: object, key?: string) => {
  const req = request(h.app).post('/api/v1/claims').set('Authorization', `Bearer ${officer}`);
  if (key) req.set('Idempotency-Key', key);
  return req.send(b);
};

const decideDate = (claimNumber: string, token: string, b: object) =>
  request(h.app)
    .post(`/api/v1/claims/${claimNumber}/backdating-decision`)
    .set('Authorization', `Bearer ${token}`)
    .send(b);

describe('a backdated claim date', () => {
  it('is refused without a reason, in the future, or with a reason for today, and nothing starts', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ claimDate: day(-3) }, 'claimDate', 'backdating.reason'],
      [{ claimDate: day(1) }, 'claimDate', 'must not be in the future'],
      [
        { claimDate: day(0), backdating: { reason: REASON } },
        'backdating',
        'only for a claimDate before today',
      ],
      [{ backdating: { reason: REASON } }, 'backdating', 'only for a claimDate before today'],
    ];
    for (const [extra, field, message] of cases) {
      const b = await body(extra);
      const key = `backdating-refused-${b.participantNik}`;
      const res = await file(b, key);
      expect({ status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ status: 422, field });
      expect(res.body.errors[0].message).toContain(message);
      expect(await h.t.db('intake_requests').where({ idempotency_key: key })).toEqual([]);
      expect(await h.t.db('claimed_deaths').where({ participant_nik: b.participantNik })).toEqual([]);
    }
    const blank = await file(await body({ claimDate: day(-3), backdating: { reason: '  ' } }));
    expect({ status: blank.status, field: blank.body.errors?.[0]?.field }).toEqual({
      status: 400,
      field: 'backdating.reason',
    });
  });

  it('waits for a supervisor, who approves it with a reason; officers and auditors may not', async () => {
    const claimDate = day(-3);
    const res = await file(await body({ claimDate, backdating: { reason: REASON } }));
    expect(res.status).toBe(201);
    const { claimNumber, trackingCode } = res.body;
    await waitForClaimStatus(h, claimNumber, 'waiting_for_backdating_approval', officer);
    const family = await request(h.app)
      .get(`/api/v1/track/${claimNumber}`)
      .set('X-Tracking-Code', trackingCode);
    expect(family.body.statusText).toMatch(/supervisor/);

    const verify = await request(h.app)
      .post(`/api/v1/claims/${claimNumber}/verification`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ checklist: { death_certificate: true } });
    expect(verify.status).toBe(409);
    expect((await decideDate(claimNumber, officer, { decision: 'approve', reason: 'ok' })).status).toBe(403);
    expect((await decideDate(claimNumber, auditor, { decision: 'approve', reason: 'ok' })).status).toBe(403);
    const noReason = await decideDate(claimNumber, supervisor, { decision: 'approve' });
    expect({ status: noReason.status, field: noReason.body.errors?.[0]?.field }).toEqual({
      status: 400,
      field: 'reason',
    });

    const approved = await decideDate(claimNumber, supervisor, {
      decision: 'approve',
      reason: 'Receipt stamp seen',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ decision: 'approve', claimDate });
    const view = await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer);
    expect(view.claimDate).toBe(claimDate);
    expect(view.events.map((e: { type: string; actor: string | null }) => [e.type, e.actor])).toEqual(
      expect.arrayContaining([
        ['backdating_requested', 'officer-1'],
        ['backdating_approved', 'supervisor-1'],
      ]),
    );
    const again = await decideDate(claimNumber, supervisor, {
      decision: 'refuse',
      reason: 'changed my mind',
    });
    expect(again.status).toBe(409);
  });

  it('refused by a supervisor, the claim date becomes the day the claim reached the system', async () => {
    const res = await file(await body({ claimDate: day(-5), backdating: { reason: REASON } }));
    expect(res.status).toBe(201);
    const { claimNumber } = res.body;
    await waitForClaimStatus(h, claimNumber, 'waiting_for_backdating_approval', officer);
    const refused = await decideDate(claimNumber, supervisor, {
      decision: 'refuse',
      reason: 'No receipt stamp',
    });
    expect(refused.body).toEqual({ decision: 'refuse', claimDate: day(0) });
    const view = await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer);
    expect(view.claimDate).toBe(day(0));
  });

  it('answers 409 for a claim that is not waiting for its claim date, and 404 for no claim', async () => {
    const res = await file(await body({}));
    await waitForClaimStatus(h, res.body.claimNumber, 'waiting_for_documents', officer);
    const notWaiting = await decideDate(res.body.claimNumber, supervisor, {
      decision: 'approve',
      reason: 'ok',
    });
    expect(notWaiting.status).toBe(409);
    const unknown = await decideDate('JKM-20261124-ZZZZZZZZ', supervisor, {
      decision: 'approve',
      reason: 'ok',
    });
    expect(unknown.status).toBe(404);
  });
});
