import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createHttpGateway, type PaymentGateway } from '../../gateway/client';
import { createSandboxGateway, type SandboxControls } from '../../gateway/sandbox';

export interface TestGateway {
  url: string;
  client: PaymentGateway;
  controls: SandboxControls;
  close(): Promise<void>;
}

/** The sandbox gateway on an ephemeral port, with the real HTTP adapter pointed at it. */
export async function startTestGateway(options: { timeoutMs?: number } = {}): Promise<TestGateway> {
  const sandbox = createSandboxGateway({ timeoutMs: options.timeoutMs ?? 2000 });
  const server = await new Promise<Server>((resolve) => {
    const s = sandbox.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    client: createHttpGateway({ baseUrl: url, timeoutMs: 1000 }),
    controls: sandbox.controls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
