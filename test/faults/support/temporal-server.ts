// The Temporal dev server as npm start runs it (persisting to a SQLite file), as a child process the test can
// kill -9 and start again on the same file and port.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { temporalBinaries } from '../../helpers/paths';
import { freePort, sleep } from './ports';

export interface TemporalServer {
  address: string;
  start(): Promise<void>;
  kill9(): Promise<void>;
  stop(): Promise<void>;
  output(): string;
}

async function answering(address: string): Promise<boolean> {
  try {
    const connection = await Connection.connect({ address, connectTimeout: 1000 });
    try {
      await connection.workflowService.getSystemInfo({});
      return true;
    } finally {
      await connection.close();
    }
  } catch {
    return false;
  }
}

export async function startTemporalServer(dataDir: string): Promise<TemporalServer> {
  const cli = process.env.TEMPORAL_CLI_PATH || temporalBinaries().cli;
  if (!cli)
    throw new Error('No Temporal CLI: run `node scripts/temporal-binaries.mjs` or set TEMPORAL_CLI_PATH');
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let log = '';

  const exited = (c: ChildProcess) =>
    new Promise<void>((resolve) =>
      c.exitCode !== null || c.signalCode !== null ? resolve() : c.once('exit', () => resolve()),
    );

  const server: TemporalServer = {
    address,
    async start() {
      const args = ['server', 'start-dev', '--db-filename', join(dataDir, 'temporal.sqlite')];
      args.push('--ip', '127.0.0.1', '--port', String(port), '--headless', '--log-level', 'error');
      const started = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      started.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
      started.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
      const deadline = Date.now() + 60_000;
      while (!(await answering(address))) {
        if (started.exitCode !== null) throw new Error(`the Temporal dev server exited:\n${log}`);
        if (Date.now() > deadline) throw new Error(`the Temporal dev server did not answer:\n${log}`);
        await sleep(250);
      }
    },
    async kill9() {
      if (!child) return;
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      if (!child) return;
      child.kill('SIGTERM');
      await exited(child);
    },
    output: () => log,
  };
  await server.start();
  return server;
}
