// Key rotation on a running claim: a claim is started and verified under key k0; the workers are restarted with
// PAYLOAD_KEYS=k1,k0 and the claim goes on to payout, its old history replayed and decoded with the retired key.
// Without k0, the same history cannot be read, and the error says which key is missing.
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, type WorkflowHandle } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { AesGcmPayloadCodec, createDataConverter, parsePayloadKeys } from '../../codec/data-converter';
import { jakartaDate } from '../../rules';
import type { claimWorkflow } from '../../workflows/claim';
import { claimStateQuery, decideUpdate, verifyUpdate } from '../../vocabulary/messages/claim';
import type { ClaimStatus } from '../../vocabulary/status';
import { createTestDb, type TestDb } from '../helpers/db';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { bundlePath } from '../helpers/paths';
import { devServerEnv } from '../helpers/temporal';

const K0 = `k0:${randomBytes(32).toString('base64')}`;
const K1 = `k1:${randomBytes(32).toString('base64')}`;
const before = parsePayloadKeys(K0);
const after = parsePayloadKeys(`${K1},${K0}`);
const k1Only = parsePayloadKeys(K1);

let env: TestWorkflowEnvironment;
let t: TestDb;
let gateway: TestGateway;
beforeAll(async () => {
  [env, t, gateway] = await Promise.all([devServerEnv(), createTestDb(), startTestGateway()]);
});
afterAll(async () => {
  await env?.teardown();
  await gateway?.close();
  await t?.drop();
});

const clientWith = (keys: typeof before) =>
  new Client({
    connection: env.connection,
    namespace: env.namespace ?? 'default',
    dataConverter: createDataConverter(keys),
  });

const workerWith = (keys: typeof before, taskQueue: string) =>
  Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: { codePath: bundlePath },
    dataConverter: createDataConverter(keys),
    activities: createActivities({ db: t.db, gateway: gateway.client }),
  });

async function waitForStatus(handle: WorkflowHandle, status: ClaimStatus): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if ((await handle.query(claimStateQuery)).status === status) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`claim never reached ${status}`);
}

/**
 * Every payload in a history that passes through the data converter: inputs, results, update arguments, failures.
 * Left out: the SDK's own patch markers and the TemporalChangeVersion search attribute, which hold patch ids only.
 */
function payloadsOf(value: unknown, found: Payload[] = []): Payload[] {
  if (!value || typeof value !== 'object') return found;
  const v = value as Record<string, unknown>;
  if (v.markerName === 'core_patch' || v.upsertWorkflowSearchAttributesEventAttributes) return found;
  // A local activity's marker: its `data` is the SDK core's own bookkeeping (activity type, attempt, times; no
  // arguments, no business data), written as plain JSON; its `result` is the activity's answer, encrypted.
  if (v.markerName === 'core_local_activity') {
    const details = v.details as Record<string, unknown> | undefined;
    return payloadsOf(details?.result, found);
  }
  if (v.metadata && typeof v.metadata === 'object' && 'encoding' in v.metadata) found.push(v as Payload);
  else for (const child of Object.values(v)) payloadsOf(child, found);
  return found;
}

const keyIdOf = (p: Payload) => Buffer.from(p.metadata?.['encryption-key-id'] ?? new Uint8Array()).toString();

it('continues a claim written under the old key after a rotation, and reads its whole history only with both keys', async () => {
  const taskQueue = `claims-${randomUUID()}`;
  const { nik } = await createParticipant(t.db);
  const input = claimInput({ participantNik: nik, claimDate: jakartaDate(Date.now()) });

  // Under k0: started and verified.
  const first = await workerWith(before, taskQueue);
  await first.runUntil(async () => {
    const handle = await clientWith(before).workflow.start<typeof claimWorkflow>('claimWorkflow', {
      workflowId: input.claimNumber,
      taskQueue,
      args: [input],
    });
    await waitForStatus(handle, 'waiting_for_documents');
    await handle.executeUpdate(verifyUpdate, {
      args: [{ actor: { kind: 'staff', id: 'officer-1', role: 'officer' }, checklist: FULL_CHECKLIST }],
    });
    await waitForStatus(handle, 'waiting_for_decision');
  });

  // Rotated: k1 encrypts, k0 still decrypts; a fresh worker replays the k0 history and carries on.
  const second = await workerWith(after, taskQueue);
  const handle = clientWith(after).workflow.getHandle<typeof claimWorkflow>(input.claimNumber);
  const outcome = await second.runUntil(async () => {
    await handle.executeUpdate(decideUpdate, {
      args: [
        { actor: { kind: 'staff', id: 'officer-2', role: 'officer' }, decision: 'approve', reason: 'ok' },
      ],
    });
    return handle.result();
  });
  expect(outcome).toMatchObject({ status: 'paid' });

  const history = await handle.fetchHistory();
  const payloads = payloadsOf(history);
  expect(new Set(payloads.map(keyIdOf))).toEqual(new Set(['k0', 'k1']));
  await expect(new AesGcmPayloadCodec(after).decode(payloads)).resolves.toHaveLength(payloads.length);
  await expect(new AesGcmPayloadCodec(k1Only).decode(payloads)).rejects.toThrow(
    /key id "k0": PAYLOAD_KEYS has no such key \(configured: k1\)/,
  );

  // Replaying for an audit needs the old key as well.
  await Worker.runReplayHistory(
    { workflowBundle: { codePath: bundlePath }, dataConverter: createDataConverter(after) },
    history,
    input.claimNumber,
  );
  await expect(
    Worker.runReplayHistory(
      { workflowBundle: { codePath: bundlePath }, dataConverter: createDataConverter(k1Only) },
      history,
      input.claimNumber,
    ),
  ).rejects.toThrow();
});
