import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app';
import type { Config } from '../../config';
import { createDb } from '../../db/config';
import type { Logger } from '../../logger';

/** Starts the HTTP API on API_PORT; resolves once it listens. */
export async function startApi(config: Config, logger: Logger) {
  const db = createDb(config.DATABASE_URL);
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const app = createApp({ db, temporal, authSecret: config.AUTH_SECRET, logger, taskQueue: config.TEMPORAL_TASK_QUEUE });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(config.API_PORT, '0.0.0.0', () => resolve(s));
  });
  return {
    server,
    async close(): Promise<void> {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
      await db.destroy();
    },
  };
}
