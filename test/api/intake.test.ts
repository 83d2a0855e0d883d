// Intake (api/temporal/intake.ts): the request hash stored with an Idempotency-Key, now over the shared canonical
// JSON, is the hash stored before for the same body; and of concurrent first requests with one key, exactly one gets
// the tracking code the claim was started with.
import { Client } from '@temporalio/client';
import request from 'supertest';
import { DEV_TRACKING_CODE_SECRET, verifyTrackingCode } from '../../api/middleware/tracking-code';
import { createClaimBody } from '../../api/schemas/claims';
import { canonicalHash } from '../../api/temporal/intake';
import { testDataConverter } from '../helpers/codec';
import { createParticipant } from '../helpers/factories';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from './harness';

const minimal = {
  program: 'JKM',
  participantNik: '3171010101800003',
  eventDate: '2026-11-01',
  heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
  bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
};

const full = {
  program: 'JKK',
  participantNik: '3171010101800003',
  eventDate: '2026-11-20',
  claimDate: '2026-11-24',
  event: 'death',
  heirs: [
    { name: 'Rina Hidayat', relationship: 'spouse', nik: '3201019999000001', dateOfBirth: '1980-02-29' },
    { name: 'Budi', relationship: 'child', dateOfBirth: '2015-02-01' },
  ],
  children: [
    {
      name: 'Budi',
      dateOfBirth: '2015-02-01',
      registered: true,
      schooling: { level: 'SD', grade: 5 },
      married: false,
      working: false,
    },
    { dateOfBirth: '2020-03-01' },
  ],
  bankAccount: { bankCode: 'BRI', accountNumber: '3344556677', accountName: 'Rina Hidayat' },
  actualMonthlyWage: 4_500_000,
};

/** The same value with every object's keys in reverse order. */
const reversed = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(reversed)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reversed(x)]),
        )
      : v;

describe('the intake request hash', () => {
  // Computed with the hash function intake used before (JSON.stringify with keys sorted by localeCompare).
  it.each([
    ['a minimal body', minimal, 'a48443f768989af37c848b054d9da5d58384f07a09b4f4d915b7b6d9f090f466'],
    [
      'a body with every optional field',
      full,
      '19e8f93a4b280add55e2b467c091c44df7625a1a8f101bee3409c63017fed667',
    ],
  ])('is the hash stored before for %s', (_name, body, stored) => {
    expect(canonicalHash(createClaimBody.parse(body))).toBe(stored);
  });

  it('is the same whatever the order of the keys, and differs for a different body', () => {
    const parsed = createClaimBody.parse(full);
    expect(canonicalHash(reversed(parsed))).toBe(canonicalHash(parsed));
    expect(canonicalHash({ ...parsed, program: 'JKM' })).not.toBe(canonicalHash(parsed));
  });
});

describe('concurrent first requests with one Idempotency-Key', () => {
  let h: ApiHarness;
  let officer: string;
  beforeAll(async () => {
    h = await startApiHarness();
    officer = h.token({ id: 'officer-1', role: 'officer' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('gives the working tracking code to exactly one of them; the others are replays without a code', async () => {
    const { nik } = await createParticipant(h.t.db);
    const key = `race-${nik}`;
    // Slow starts (a busy Temporal, instances far apart): every request reads the key before any start lands.
    const slowStarts = new Client({
      connection: h.env.client.connection,
      namespace: h.env.client.options.namespace,
      dataConverter: testDataConverter,
      interceptors: {
        workflow: [
          {
            async startWithDetails(input, next) {
              await new Promise((r) => setTimeout(r, 500));
              return next(input);
            },
          },
        ],
      },
    });
    const app = h.appWith({ temporal: slowStarts });
    const body = { ...minimal, participantNik: nik };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        request(app)
          .post('/api/v1/claims')
          .set('Authorization', `Bearer ${officer}`)
          .set('Idempotency-Key', key)
          .send(body),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const created = answers.find((a) => a.status === 201)!;
    const trackingCode: string = created.body.trackingCode;
    expect(trackingCode).toMatch(/^[A-Z0-9]{12}$/);
    for (const a of answers.filter((r) => r.status === 200)) expect(a.body.trackingCode).toBeUndefined();
    const claimNumber: string = created.body.claimNumber;
    expect(new Set(answers.map((a) => a.body.claimNumber))).toEqual(new Set([claimNumber]));

    await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer);
    const tracked = await request(h.app)
      .get(`/api/v1/track/${claimNumber}`)
      .set('X-Tracking-Code', trackingCode);
    expect(tracked.status).toBe(200);
    const intake = await h.t.db('intake_requests').where({ idempotency_key: key }).first();
    expect(await verifyTrackingCode(trackingCode, intake.tracking_code_hash, DEV_TRACKING_CODE_SECRET)).toBe(
      true,
    );
  });
});
