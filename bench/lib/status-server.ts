// A server process of bench/status.ts and bench/scale.ts, so the load generator does not share its event loop.
// BENCH_SERVER=app: the API as bin/api.ts builds it (stores, audit trail, metrics, family rate limit in PostgreSQL),
// with a Temporal client that never connects (the views read PostgreSQL only) and family limits raised out of the
// way. BENCH_SERVER=bare: the ceiling, Express and pg answering one SELECT by key, with the same pool size.
import type { Server } from 'node:http';
import { Client } from '@temporalio/client';
import express from 'express';
import pg from 'pg';
import pino from 'pino';
import { createApp } from '../../api/app';
import { AuditWriter } from '../../api/middleware/audit-trail';
import { createDb } from '../../db/config';
import { lazyClientConnection } from '../../temporal-connection';
import { BENCH_AUTH_SECRET } from './load';

/** Both servers' PostgreSQL pool: knex's default in createDb. */
const POOL = 10;

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL!;
  let server: Server;
  let close: () => Promise<void>;
  if (process.env.BENCH_SERVER === 'bare') {
    const pool = new pg.Pool({ connectionString: url, max: POOL });
    const app = express();
    app.get('/claims/:claimNumber', async (req, res) => {
      const { rows } = await pool.query('select * from claims where claim_number = $1', [
        req.params.claimNumber,
      ]);
      if (rows.length === 0) res.status(404).end();
      else res.json(rows[0]);
    });
    server = app.listen(0, '127.0.0.1');
    close = () => pool.end();
  } else {
    const db = createDb(url, { max: POOL });
    const logger = pino({ level: 'silent' });
    const connection = lazyClientConnection(
      { address: '127.0.0.1:1', namespace: 'default', tls: false },
      { connectTimeout: 500 },
    );
    const auditWriter = new AuditWriter(db, logger);
    const app = createApp({
      db,
      temporal: new Client({ connection }),
      authSecret: BENCH_AUTH_SECRET,
      logger,
      auditWriter,
      trustProxy: true,
      trackingLimits: { perAddress: 1_000_000_000, perClaim: 1_000_000_000 },
    });
    server = app.listen(0, '127.0.0.1');
    close = async () => {
      await connection.close();
      await auditWriter.close();
      await db.destroy();
    };
  }
  server.once('listening', () => {
    const address = server.address();
    process.send!({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
  });
  process.on('message', (message: { type: string }) => {
    if (message.type !== 'stop') return;
    server.close(() => {
      void close().then(() => process.exit(0));
    });
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
