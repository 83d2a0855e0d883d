// End to end: everything started as `npm start` starts it (bin/dev.ts), then one JKK death claim driven
// through the HTTP API by a first officer, a second officer and the family, and the ledger checked; then an accident
// case, as officers and as the worker.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signStaffToken } from '../../api/middleware/auth';
import { createDb, dropDatabase, type Db } from '../../db/config';
import { WALKTHROUGH_PARTICIPANTS } from '../../db/seeds/registry';
import { jakartaDate } from '../../rules';
import { FULL_CHECKLIST } from '../helpers/factories';
import { databaseUrl, root, temporalBinaries } from '../helpers/paths';

const SECRET = 'e2e-secret-at-least-16-chars';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let dev: ChildProcess;
let output = '';
let dataDir: string;
let dbUrl: string;
let db: Db;
let api: string;
let gatewayUrl: string;

beforeAll(async () => {
  const [temporalPort, uiPort, apiPort, gatewayPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  dataDir = mkdtempSync(join(tmpdir(), 'santunan-e2e-'));
  dbUrl = databaseUrl(`santunan_e2e_${process.pid}`);
  api = `http://127.0.0.1:${apiPort}/api/v1`;
  gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  dev = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'bin/dev.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: dbUrl,
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
      TEMPORAL_UI_PORT: String(uiPort),
      TEMPORAL_CLI_PATH: temporalBinaries().cli ?? '',
      API_PORT: String(apiPort),
      GATEWAY_PORT: String(gatewayPort),
      GATEWAY_URL: gatewayUrl,
      DATA_DIR: dataDir,
      AUTH_SECRET: SECRET,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 90_000;
  while (!output.includes('Santunan is running.')) {
    if (dev.exitCode !== null || Date.now() > deadline)
      throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  db = createDb(dbUrl, { max: 2 });
}, 120_000);

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    dev.kill('SIGKILL');
  }
  await db?.destroy();
  await dropDatabase(dbUrl);
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('npm start, end to end', () => {
  it('prints where everything is, with a ready-to-paste token and curl', () => {
    expect(output).toContain(api.replace('127.0.0.1', 'localhost'));
    expect(output).toMatch(/TOKEN=ey[\w-]+\.[\w-]+\.[\w-]+/);
    expect(output).toContain('curl -s -X POST');
  });

  it("serves the family's page at / and prints its address", async () => {
    const web = api.replace('/api/v1', '/');
    expect(output).toContain(web.replace('127.0.0.1', 'localhost'));
    const page = await fetch(web, { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js">/);
  });

  it('takes a JKK death claim from intake to payout through the API, and the ledger matches the gateway', async () => {
    const officer1 = {
      Authorization: `Bearer ${signStaffToken(SECRET, { id: 'officer-1', role: 'officer' })}`,
    };
    const officer2 = {
      Authorization: `Bearer ${signStaffToken(SECRET, { id: 'officer-2', role: 'officer' })}`,
    };

    expect((await call('GET', '/readyz', {})).status).toBe(200);

    const created = await call(
      'POST',
      '/claims',
      { ...officer1, 'Idempotency-Key': 'e2e-claim-0001' },
      {
        program: 'JKK',
        participantNik: WALKTHROUGH_PARTICIPANTS.factoryWorker,
        eventDate: jakartaDate(Date.now() - 3 * 86_400_000),
        heirs: [{ name: 'Rina Hidayat', relationship: 'spouse' }],
        bankAccount: { bankCode: 'BRI', accountNumber: '3344556677', accountName: 'Rina Hidayat' },
      },
    );
    expect(created.status).toBe(201);
    const { claimNumber, trackingCode } = created.body as { claimNumber: string; trackingCode: string };
    const family = { 'X-Tracking-Code': trackingCode };

    await until(
      async () =>
        (await call('GET', `/track/${claimNumber}`, family)).body.status === 'waiting_for_documents',
      'documents',
    );
    const verified = await call('POST', `/claims/${claimNumber}/verification`, officer1, {
      checklist: FULL_CHECKLIST,
    });
    expect(verified).toEqual({ status: 200, body: { complete: true, missing: [] } });

    await until(
      async () =>
        (await call('GET', `/claims/${claimNumber}`, officer1)).body.status === 'waiting_for_decision',
      'assessment',
    );
    const decided = await call('POST', `/claims/${claimNumber}/decision`, officer2, {
      decision: 'approve',
      reason: 'Complete file',
    });
    // JKK death under PP 82/2019: 48 × 3,500,000 + funeral 10,000,000 + periodic 12,000,000.
    expect(decided).toEqual({ status: 200, body: { decision: 'approve', total: 190_000_000 } });

    await until(
      async () => (await call('GET', `/track/${claimNumber}`, family)).body.status === 'paid',
      'payment',
    );
    const tracked = await call('GET', `/track/${claimNumber}`, family);
    expect(tracked.body.payouts).toHaveLength(3);
    expect(tracked.body.participantNik).toBe('************0003');

    const ledger = await db('payouts').where({ claim_number: claimNumber });
    expect(ledger.map((p) => p.status)).toEqual(['paid', 'paid', 'paid']);
    expect(ledger.reduce((sum, p) => sum + p.amount, 0)).toBe(190_000_000);
    const statement = (await (
      await fetch(`${gatewayUrl}/disbursements?date=${jakartaDate(Date.now())}`)
    ).json()) as {
      disbursements: { reference: string; status: string; amount: number }[];
    };
    const transfers = statement.disbursements.filter((d) => d.reference.startsWith(claimNumber));
    expect(transfers.map((d) => d.status)).toEqual(['completed', 'completed', 'completed']);
    expect(transfers.reduce((sum, d) => sum + d.amount, 0)).toBe(190_000_000);
    expect(new Set(transfers.map((d) => d.reference))).toEqual(new Set(ledger.map((p) => p.idempotency_key)));
  });

  it('takes an accident case from the stage-I report to its closing, as officers and as the worker', async () => {
    const officer = (id: string) => ({
      Authorization: `Bearer ${signStaffToken(SECRET, { id, role: 'officer' })}`,
    });
    const [o1, o2] = [officer('officer-1'), officer('officer-2')];
    const day = (daysAgo: number) => jakartaDate(Date.now() - daysAgo * 86_400_000);
    const created = await call('POST', '/claims', o1, {
      program: 'JKK',
      event: 'accident',
      participantNik: WALKTHROUGH_PARTICIPANTS.active,
      accidentDate: day(6),
      accidentKind: 'work',
      accidentPlace: 'Gudang, Bekasi',
      reportedAt: `${day(5)}T08:00:00+07:00`,
      bankAccount: { bankCode: 'BRI', accountNumber: '2234567890', accountName: 'Bambang Sutrisno' },
      employerBankAccount: { bankCode: 'BNI', accountNumber: '3234567890', accountName: 'PT Maju' },
    });
    expect(created.status).toBe(201);
    const { claimNumber: n, trackingCode } = created.body as { claimNumber: string; trackingCode: string };
    const worker = { 'X-Tracking-Code': trackingCode };
    await until(
      async () => (await call('GET', `/track/${n}`, worker)).body.status === 'waiting_for_finding',
      'finding',
    );
    expect(
      (await call('POST', `/claims/${n}/finding`, o1, { finding: 'work_accident', reasons: 'Fell at work.' }))
        .status,
    ).toBe(200);
    expect(
      (
        await call('POST', `/claims/${n}/finding/confirmation`, o2, {
          decision: 'approve',
          reason: 'Agreed.',
        })
      ).status,
    ).toBe(200);
    await until(async () => (await call('GET', `/track/${n}`, worker)).body.status === 'under_care', 'care');
    const bill = await call('POST', `/claims/${n}/treatments`, o1, {
      provider: 'RS Bekasi',
      from: day(6),
      to: day(5),
      amount: 2_500_000,
      documentRef: 'INV-1',
      payTo: 'participant',
    });
    const period = await call('POST', `/claims/${n}/incapacity`, o1, {
      from: day(5),
      to: day(1),
      documentRef: 'SKD-1',
    });
    for (const item of [bill, period]) {
      expect(item.status).toBe(201);
      const itemNumber = item.body.itemNumber as number;
      expect((await call('POST', `/claims/${n}/items/verification`, o1, { itemNumber })).status).toBe(200);
      expect(
        (
          await call('POST', `/claims/${n}/items/decision`, o2, {
            itemNumber,
            decision: 'approve',
            reason: 'ok',
          })
        ).status,
      ).toBe(200);
    }
    expect(
      (
        await call('POST', `/claims/${n}/closing`, o1, {
          outcome: 'recovered',
          doctorStatementRef: 'SK-II',
          closedOn: day(0),
        })
      ).status,
    ).toBe(200);
    expect(
      (await call('POST', `/claims/${n}/closing/decision`, o2, { decision: 'approve', reason: 'Recovered.' }))
        .status,
    ).toBe(200);
    await until(async () => (await call('GET', `/track/${n}`, worker)).body.status === 'closed', 'closing');
    const tracked = await call('GET', `/track/${n}`, worker);
    expect(tracked.body.items.map((i: { status: string }) => i.status)).toEqual(['paid', 'paid']);
    const ledger = await db('payouts').where({ claim_number: n });
    expect(ledger.reduce((sum, p) => sum + p.amount, 0)).toBe(tracked.body.totalPaid);
    const statement = (await (
      await fetch(`${gatewayUrl}/disbursements?date=${jakartaDate(Date.now())}`)
    ).json()) as {
      disbursements: { reference: string; status: string; amount: number }[];
    };
    const transfers = statement.disbursements.filter((d) => d.reference.startsWith(`${n}:`));
    expect(transfers.map((d) => d.status)).toEqual(['completed', 'completed']);
    expect(transfers.reduce((sum, d) => sum + d.amount, 0)).toBe(tracked.body.totalPaid);
  });

  it('stops every part cleanly on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => dev.once('exit', (code) => resolve(code)));
    dev.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 30_000);
});
