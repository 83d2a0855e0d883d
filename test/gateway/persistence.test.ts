import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpGateway, GatewayConflictError } from '../../gateway/client';
import { createSandboxGateway } from '../../gateway/sandbox';
import { aDisbursement, listen, newKey } from './helpers';

describe('sandbox gateway state file', () => {
  let dir: string;
  let stateFile: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-gateway-'));
    stateFile = join(dir, 'nested', 'state.json');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function withGateway<T>(run: (gateway: ReturnType<typeof createHttpGateway>) => Promise<T>) {
    const sandbox = createSandboxGateway({ stateFile });
    const server = await listen(sandbox.app);
    try {
      return { result: await run(createHttpGateway({ baseUrl: server.url })), all: sandbox.controls.all() };
    } finally {
      await server.close();
    }
  }

  it('keeps disbursements across a restart, so a repeated key still pays once', async () => {
    const key = newKey();
    const before = await withGateway((gateway) =>
      gateway.disburse({ ...aDisbursement(), idempotencyKey: key }),
    );

    const after = await withGateway(async (gateway) => ({
      found: await gateway.get(before.result.id),
      repeated: await gateway.disburse({ ...aDisbursement(), idempotencyKey: key }),
    }));

    expect(after.result.found).toEqual(before.result);
    expect(after.result.repeated).toEqual(before.result);
    expect(after.all).toHaveLength(1);
  });

  it('still answers 409 after a restart when a key is reused for another account', async () => {
    const key = newKey();
    await withGateway((gateway) => gateway.disburse({ ...aDisbursement(), idempotencyKey: key }));

    const reused = withGateway((gateway) =>
      gateway.disburse({ ...aDisbursement({ accountNumber: '9876543210' }), idempotencyKey: key }),
    );

    await expect(reused).rejects.toBeInstanceOf(GatewayConflictError);
  });

  it('refuses to start on a corrupt state file, naming the file', () => {
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, JSON.stringify({ version: 1, records: [{ nonsense: true }] }));

    expect(() => createSandboxGateway({ stateFile: corrupt })).toThrow(corrupt);
  });
});
