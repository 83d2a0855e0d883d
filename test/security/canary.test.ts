// The personal-data canary. One claim carries a canary NIK, heir, date of birth and two canary account numbers
// through the whole flow (intake, verification, approval, a refused account, the family's replacement, payout) on
// the full stack with a Temporal dev server persisting to SQLite. Then the histories are searched as the Temporal
// CLI shows them, the SQLite files byte by byte, and every log line: no plaintext may appear anywhere. A control
// workflow started without the codec shows that the same searches do find plaintext when it is there.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { signStaffToken } from '../../api/middleware/auth';
import { AesGcmPayloadCodec, createDataConverter, parsePayloadKeys } from '../../codec/data-converter';
import { createDb, type Db } from '../../db/config';
import { jakartaDate } from '../../rules';
import { FULL_CHECKLIST, createParticipant } from '../helpers/factories';
import { bundlePath, root, temporalBinaries } from '../helpers/paths';
import { readable, until } from './canary-support';
import { STACK_READY, type StackInfo } from './stack-info';

const run = promisify(execFile);

const OLD_KEY = randomBytes(32).toString('base64');
const NEW_KEY = randomBytes(32).toString('base64');
const STACK_KEYS = `stack0:${OLD_KEY}`;

// Distinctive values that appear nowhere else: any hit is this claim's personal data leaking.
const CANARY = {
  participantNik: '3179990817263541',
  heirNik: '3179994455667788',
  heirName: 'Kanaria Wulandsari Prasetyani',
  heirDateOfBirth: '1961-07-29',
  refusedAccount: '0004719283746551',
  account: '7319284650193847',
};
const CONTROL = 'CONTROL-PLAINTEXT-7f3a9c';

let stack: ChildProcess;
let logs = '';
let info: StackInfo;
let db: Db;
let connection: Connection;
let claimNumber = '';
let failedWorkflowId = '';
let controlWorkflowId = '';

beforeAll(async () => {
  stack = spawn(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(__dirname, 'stack.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        STACK_PAYLOAD_KEYS: STACK_KEYS,
        STACK_WORKFLOW_BUNDLE: bundlePath,
        STACK_LOG_LEVEL: 'debug',
        // The test polls the family page every 100 ms while the workflow runs: more than 100 requests in a slow run.
        STACK_TRACKING_PER_ADDRESS: '10000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  stack.stdout!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  stack.stderr!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  const deadline = Date.now() + 90_000;
  while (!logs.includes(`${STACK_READY} `)) {
    if (stack.exitCode !== null || Date.now() > deadline)
      throw new Error(`the stack did not come up:\n${logs}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  info = JSON.parse(/STACK_READY (\{.*\})/.exec(logs)![1]!) as StackInfo;
  db = createDb(info.databaseUrl, { max: 2 });
  connection = await Connection.connect({ address: info.temporalAddress });
}, 120_000);

afterAll(async () => {
  await connection?.close();
  await db?.destroy();
  if (stack && stack.exitCode === null) {
    const exited = new Promise((resolve) => stack.once('exit', resolve));
    stack.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    if (stack.exitCode === null) stack.kill('SIGKILL');
  }
}, 30_000);

const token = (id: string, role: 'officer' | 'supervisor' | 'auditor') =>
  `Bearer ${signStaffToken(info.authSecret, { id, role })}`;

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${info.api}${path}`, {
    method,
    headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const hits = (text: string) => Object.entries(CANARY).filter(([, value]) => text.includes(value));

async function cli(args: string[]): Promise<string> {
  const { stdout } = await run(
    temporalBinaries().cli!,
    [...args, '--address', info.temporalAddress, '--namespace', info.namespace],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

/** `temporal workflow show` and `describe`, as an operator would read them. */
async function shown(workflowId: string, extra: string[] = []): Promise<string> {
  const history = await cli(['workflow', 'show', '--workflow-id', workflowId, '--output', 'json', ...extra]);
  const described = await cli([
    'workflow',
    'describe',
    '--workflow-id',
    workflowId,
    '--output',
    'json',
    ...extra,
  ]);
  return readable([JSON.parse(history), JSON.parse(described)]);
}

function sqliteBytes(): string {
  return readdirSync(info.dataDir)
    .filter((name) => name.startsWith('temporal.sqlite'))
    .map((name) => readFileSync(join(info.dataDir, name)).toString('latin1'))
    .join('\n');
}

describe('the personal-data canary', () => {
  it('goes through the whole flow: intake, verification, approval, a refused account, its replacement, payout', async () => {
    await createParticipant(db, {
      nik: CANARY.participantNik,
      membershipStartDate: '2016-01-01',
      monthlyWage: 4_000_000,
    });
    const created = await call(
      'POST',
      '/claims',
      { Authorization: token('officer-1', 'officer') },
      {
        program: 'JKM',
        participantNik: CANARY.participantNik,
        eventDate: jakartaDate(Date.now() - 3 * 86_400_000),
        heirs: [
          {
            name: CANARY.heirName,
            relationship: 'spouse',
            nik: CANARY.heirNik,
            dateOfBirth: CANARY.heirDateOfBirth,
          },
        ],
        bankAccount: { bankCode: 'BNI', accountNumber: CANARY.refusedAccount, accountName: CANARY.heirName },
      },
    );
    expect(created.status).toBe(201);
    claimNumber = created.body.claimNumber as string;
    const family = { 'X-Tracking-Code': created.body.trackingCode as string };
    const status = async () => (await call('GET', `/track/${claimNumber}`, family)).body.status;

    await until('documents', async () => (await status()) === 'waiting_for_documents');
    const verified = await call(
      'POST',
      `/claims/${claimNumber}/verification`,
      { Authorization: token('officer-1', 'officer') },
      {
        checklist: FULL_CHECKLIST,
        note: `Checked the KTP of ${CANARY.heirName}`,
      },
    );
    expect(verified.status).toBe(200);
    await until('assessment', async () => (await status()) === 'waiting_for_decision');
    const approved = await call(
      'POST',
      `/claims/${claimNumber}/decision`,
      { Authorization: token('officer-2', 'officer') },
      {
        decision: 'approve',
        reason: `Complete file for heir ${CANARY.heirName}`,
      },
    );
    expect(approved.status).toBe(200);
    await until('the refusal', async () => (await status()) === 'waiting_for_bank_account');
    const replaced = await call('POST', `/claims/${claimNumber}/bank-account`, family, {
      bankCode: 'BRI',
      accountNumber: CANARY.account,
      accountName: CANARY.heirName,
    });
    expect(replaced.status).toBe(200);
    await until('the review', async () => (await status()) === 'waiting_for_account_review');
    const reviewed = await call(
      'POST',
      `/claims/${claimNumber}/bank-account/review`,
      { Authorization: token('officer-3', 'officer') },
      {
        decision: 'approve',
        identityCheck: `KTP of ${CANARY.heirName} seen at the branch`,
        reason: `The account of heir ${CANARY.heirName}`,
      },
    );
    expect(reviewed.status).toBe(200);
    await until('payment', async () => (await status()) === 'paid');
    const paid = await db('payouts').where({ claim_number: claimNumber });
    expect(paid.every((p) => p.status === 'paid' && p.account_number === CANARY.account)).toBe(true);

    // A workflow that fails on its input: its failure message must be encrypted too.
    const client = new Client({
      connection,
      namespace: info.namespace,
      dataConverter: createDataConverter(parsePayloadKeys(STACK_KEYS)),
    });
    failedWorkflowId = `${claimNumber}-FAILS`;
    const failing = await client.workflow.start('claimWorkflow', {
      workflowId: failedWorkflowId,
      taskQueue: info.taskQueue,
      args: [{ claimNumber: 'not-a-claim-number', participantNik: CANARY.participantNik }],
    });
    await expect(failing.result()).rejects.toThrow();
    const failure = await failing.describe();
    expect(failure.status.name).toBe('FAILED');

    // The control: the same kind of workflow started without the codec, never picked up.
    const plain = new Client({ connection, namespace: info.namespace });
    controlWorkflowId = `control-${randomBytes(4).toString('hex')}`;
    await plain.workflow.start('claimWorkflow', {
      workflowId: controlWorkflowId,
      taskQueue: 'nobody-polls-this',
      args: [{ participantNik: CONTROL }],
    });
  }, 90_000);

  it('leaves no plaintext in the histories as `temporal workflow show` and `describe` print them', async () => {
    const claim = await shown(claimNumber);
    expect(hits(claim)).toEqual([]);
    expect(claim).toContain('binary/encrypted'); // the payloads are there, encrypted
    expect(claim).toContain('stack0');

    const failed = await shown(failedWorkflowId);
    expect(failed).toContain('Encoded failure');
    expect(failed).not.toContain('Invalid claim input');
    expect(hits(failed)).toEqual([]);

    expect(await shown(controlWorkflowId)).toContain(CONTROL); // the search does see plaintext payloads
  });

  it("leaves no plaintext in the dev server's SQLite files", () => {
    const bytes = sqliteBytes();
    expect(bytes).toContain(claimNumber); // the claim's history is in these files
    expect(bytes).toContain(CONTROL); // and unencrypted payloads would be readable in them
    expect(hits(bytes)).toEqual([]);
    expect(bytes).not.toContain('Invalid claim input');
  });

  it('shows the personal data to staff through the codec server, as the Temporal CLI asks for it', async () => {
    const codec = ['--codec-endpoint', `${info.api}/codec`, '--codec-auth', token('auditor-1', 'auditor')];
    const decoded = await shown(claimNumber, codec);
    expect(hits(decoded).map(([name]) => name)).toEqual(expect.arrayContaining(Object.keys(CANARY)));
    const failed = await shown(failedWorkflowId, codec);
    expect(failed).toContain('Invalid claim input');
  });

  it('decodes the old history after a key rotation, and fails clearly without the old key', async () => {
    const rotated = parsePayloadKeys(`stack1:${NEW_KEY},${STACK_KEYS}`);
    const after = new Client({
      connection,
      namespace: info.namespace,
      dataConverter: createDataConverter(rotated),
    });
    expect(await after.workflow.getHandle(claimNumber).result()).toMatchObject({ status: 'paid' });
    const history = await after.workflow.getHandle(claimNumber).fetchHistory();
    const input = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads!;
    const [opened] = await new AesGcmPayloadCodec(rotated).decode(input);
    expect(JSON.parse(Buffer.from(opened!.data!).toString('utf8'))).toMatchObject({
      participantNik: CANARY.participantNik,
      heirs: [{ name: CANARY.heirName, nik: CANARY.heirNik, dateOfBirth: CANARY.heirDateOfBirth }],
    });

    const withoutOld = parsePayloadKeys(`stack1:${NEW_KEY}`);
    const lost = new Client({
      connection,
      namespace: info.namespace,
      dataConverter: createDataConverter(withoutOld),
    });
    await expect(lost.workflow.getHandle(claimNumber).result()).rejects.toThrow(
      /key id "stack0": PAYLOAD_KEYS has no such key \(configured: stack1\)/,
    );
  });

  it('leaves no plaintext and no key material in any log: API, worker and Temporal server', () => {
    const all = `${logs}\n${readFileSync(join(info.dataDir, 'temporal-server.log'), 'utf8')}`;
    expect(all).toContain('codec decode'); // the logs were captured, the codec server's access trail included
    expect(all).toContain(claimNumber);
    expect(hits(all)).toEqual([]);
    expect(all).not.toContain(OLD_KEY);
    expect(all).not.toContain(Buffer.from(OLD_KEY, 'base64').toString('hex'));
  });
});
