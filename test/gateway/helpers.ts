// Factories and a throwaway HTTP listener for the sandbox gateway tests.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { DisbursementRequest } from '../../gateway/types';

export function newKey(component = 'jkm-death'): string {
  return `CLM-${randomUUID().slice(0, 8)}:${component}`;
}

export function aDisbursement(overrides: Partial<DisbursementRequest> = {}): DisbursementRequest {
  return {
    amount: 42_000_000,
    bankCode: '008',
    accountNumber: '1234567890',
    accountName: 'Siti Aminah',
    reference: 'CLM-2024-000123',
    description: 'Santunan kematian',
    ...overrides,
  };
}

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** Listens on an ephemeral port; `close` also ends kept-alive and held connections. */
export async function listen(app: Express): Promise<Listening> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      if (closed) return;
      closed = true;
      const done = new Promise<void>((resolve, reject) =>
        server.close((err) => (err ? reject(err) : resolve())),
      );
      server.closeAllConnections();
      await done;
    },
  };
}
