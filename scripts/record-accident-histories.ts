// npm run record-accident-histories
// Records one committed history per accident path (test/replay/histories/accident-*.json) from real runs of the
// current accidentWorkflow: the time-skipping test server, a throwaway PostgreSQL database, the sandbox gateway and
// payloads encrypted with the test key. test/replay/histories.test.ts replays them with every other history.
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { createDb, dropDatabase, ensureDatabase, type Db } from '../db/config';
import { historyToJson } from '../replay/proto-json';
import type { AccidentInput } from '../vocabulary/accident';
import type { accidentWorkflow } from '../workflows/accident';
import { testDataConverter } from '../test/helpers/codec';
import { createParticipant } from '../test/helpers/factories';
import { startTestGateway } from '../test/helpers/gateway';
import { databaseUrl, temporalBinaries } from '../test/helpers/paths';
import {
  accidentInput,
  approveItem,
  closeCase,
  confirmWorkAccident,
  PROVIDER_ACCOUNT,
  supervisor,
  waitForCase,
} from '../test/helpers/accident';
import { HISTORIES_DIR } from './record-histories';

type Handle = Awaited<ReturnType<TestWorkflowEnvironment['client']['workflow']['start']>>;
type Scenario = (handle: Handle) => Promise<void>;

const treatment = {
  provider: 'RS Trauma Center Bekasi',
  from: '2025-01-02',
  to: '2025-01-10',
  amount: 17_500_000,
  documentRef: 'INV-001',
  payTo: 'provider' as const,
  bankAccount: PROVIDER_ACCOUNT,
};

async function underCare(handle: Handle): Promise<void> {
  await confirmWorkAccident(handle);
  await waitForCase(handle, 'under_care');
  await approveItem(handle, { treatment });
}

const SCENARIOS: Record<string, Scenario> = {
  'accident-recovered': async (handle) => {
    await underCare(handle);
    await approveItem(handle, { incapacity: { from: '2025-01-03', to: '2025-04-02', documentRef: 'SKD-1' } });
    await closeCase(handle, { outcome: 'recovered', doctorStatementRef: 'SK-II', closedOn: '2025-04-03' });
  },
  'accident-partial-disability': async (handle) => {
    await underCare(handle);
    await closeCase(handle, {
      outcome: 'partial_disability',
      doctorStatementRef: 'SK-II',
      closedOn: '2025-05-01',
      disability: { items: [{ code: 'eye_one' }] },
    });
  },
  'accident-total-disability': async (handle) => {
    await underCare(handle);
    const children = [{ dateOfBirth: '2015-03-01', schooling: { level: 'SD' as const, grade: 4 } }];
    const closing = {
      outcome: 'total_disability' as const,
      doctorStatementRef: 'SK-II',
      closedOn: '2025-05-01',
      children,
    };
    await closeCase(handle, closing, supervisor);
  },
  'accident-died': async (handle) => {
    await underCare(handle);
    await closeCase(handle, {
      outcome: 'died',
      doctorStatementRef: 'SK-MATI',
      closedOn: '2025-03-01',
      heirs: [{ name: 'Siti Aminah', relationship: 'spouse' }],
      heirBankAccount: { bankCode: 'BRI', accountNumber: '5234567890', accountName: 'Siti Aminah' },
    });
  },
  'accident-not-work-accident': async (handle) => {
    await confirmWorkAccident(handle, 'not_work_accident');
  },
};

async function record(db: Db, code: string, scenario: Scenario) {
  const gateway = await startTestGateway();
  const { testServer } = temporalBinaries();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    client: { dataConverter: testDataConverter },
    ...(testServer ? { server: { executable: { type: 'existing-path', path: testServer } } } : {}),
  });
  try {
    const taskQueue = `record-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { code },
      dataConverter: testDataConverter,
      activities: createActivities({ db, gateway: gateway.client }),
    });
    return await worker.runUntil(async () => {
      const { nik } = await createParticipant(db, {
        membershipStartDate: '2020-01-01',
        monthlyWage: 5_000_000,
      });
      const input: AccidentInput = accidentInput({ participantNik: nik });
      const handle = await env.client.workflow.start<typeof accidentWorkflow>('accidentWorkflow', {
        workflowId: input.claimNumber,
        taskQueue,
        args: [input],
      });
      await scenario(handle);
      await handle.result();
      return handle.fetchHistory();
    });
  } finally {
    await env.teardown();
    await gateway.close();
  }
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const url = databaseUrl(`santunan_rec_${randomBytes(4).toString('hex')}`);
  await ensureDatabase(url);
  const db = createDb(url);
  try {
    await db.migrate.latest();
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../workflows'),
      failureConverterPath: testDataConverter.failureConverterPath,
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
    });
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      const history = await record(db, code, scenario);
      const file = join(HISTORIES_DIR, `${name}.json`);
      writeFileSync(file, `${historyToJson(history)}\n`);
      console.log(`${relative(process.cwd(), file)}: ${history.events?.length ?? 0} events`);
    }
  } finally {
    await db.destroy();
    await dropDatabase(url);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
