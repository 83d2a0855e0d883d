// The API on a real PostgreSQL but a Temporal client that never connects (an unreachable address): for checks that
// must be decided before anything reaches Temporal. Reaching it would answer 503, which these tests would notice.
import { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import pino from 'pino';
import { createClaimActivities } from '../../activities/claims';
import { createApp, type AppDeps } from '../../api/app';
import { signStaffToken, type Staff } from '../../api/middleware/auth';
import {
  DEV_TRACKING_CODE_SECRET,
  hashTrackingCode,
  newTrackingCode,
} from '../../api/middleware/tracking-code';
import type { ClaimStatus } from '../../vocabulary/status';
import { testDataConverter, testPayloadCodec } from '../helpers/codec';
import { createTestDb, type TestDb } from '../helpers/db';
import { claimInput, createParticipant } from '../helpers/factories';

export const AUTH_SECRET = 'security-test-secret-0123456789';

export interface LightApp {
  app: Express;
  t: TestDb;
  token(staff: Staff): string;
  close(): Promise<void>;
}

export async function startLightApp(overrides: Partial<AppDeps> = {}): Promise<LightApp> {
  const t = await createTestDb();
  const connection = Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 });
  const temporal = new Client({ connection, dataConverter: testDataConverter });
  const app = createApp({
    db: t.db,
    temporal,
    authSecret: AUTH_SECRET,
    logger: pino({ level: 'silent' }),
    payloadCodec: testPayloadCodec,
    ...overrides,
  });
  return {
    app,
    t,
    token: (staff) => signStaffToken(AUTH_SECRET, staff),
    async close() {
      await connection.close();
      await t.drop();
    },
  };
}

export interface SeededClaim {
  claimNumber: string;
  trackingCode: string;
  nik: string;
  accountNumber: string;
}

/** A claim on record, as the workflow's activities would have written it, with a known tracking code. */
export async function seedClaim(
  t: TestDb,
  o: { status?: ClaimStatus; verifiedBy?: string; total?: number; accountNumber?: string } = {},
): Promise<SeededClaim> {
  const { nik } = await createParticipant(t.db);
  const trackingCode = newTrackingCode();
  const accountNumber = o.accountNumber ?? '1234567890';
  const input = claimInput({
    participantNik: nik,
    trackingCodeHash: hashTrackingCode(trackingCode, DEV_TRACKING_CODE_SECRET),
    bankAccount: { bankCode: 'BRI', accountNumber, accountName: 'Sri Wahyuni' },
    heirs: [
      { name: 'Sri Wahyuni', relationship: 'spouse', nik: '3201019999000001', dateOfBirth: '1980-02-29' },
    ],
  });
  await createClaimActivities(t.db).recordClaim(input, {
    seq: 1,
    type: 'claim_received',
    actor: 'officer-intake',
  });
  await t
    .db('claims')
    .where({ claim_number: input.claimNumber })
    .update({ status: o.status ?? 'waiting_for_documents', verified_by: o.verifiedBy ?? null });
  if (o.total !== undefined) {
    await t.db('assessments').insert({
      claim_number: input.claimNumber,
      regulation: 'PP82-2019',
      inputs: JSON.stringify({}),
      components: JSON.stringify([{ code: 'lump_sum', amount: o.total, basis: 'test', explanation: 'test' }]),
      total: o.total,
      notes: JSON.stringify([]),
    });
  }
  return { claimNumber: input.claimNumber, trackingCode, nik, accountNumber };
}
