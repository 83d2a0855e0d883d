import knex, { type Knex } from 'knex';
import { Client } from 'pg';
import { migrationSource } from './migrations';

// bigint columns hold whole rupiah; they fit a JS safe integer (< 9e15), so read them as numbers.
import { types } from 'pg';
types.setTypeParser(types.builtins.INT8, (v) => Number(v));
// DATE columns stay ISO strings (YYYY-MM-DD): no time-zone shifts.
types.setTypeParser(types.builtins.DATE, (v) => v);

export type Db = Knex;

export function createDb(databaseUrl: string, pool: { min?: number; max?: number } = {}): Db {
  return knex({
    client: 'pg',
    connection: databaseUrl,
    pool: { min: pool.min ?? 0, max: pool.max ?? 10 },
    migrations: { migrationSource, tableName: 'knex_migrations' },
  });
}

function databaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name))
    throw new Error(`DATABASE_URL: database name "${name}" is not a plain identifier`);
  return name;
}

/** Creates the database named in the URL if it does not exist (connecting to the server's `postgres` database). */
export async function ensureDatabase(databaseUrl: string, template?: string): Promise<void> {
  const name = databaseName(databaseUrl);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      // Identifiers cannot be bound parameters; the name was checked to be a plain identifier above.
      await client.query(`create database "${name}"${template ? ` template "${template}"` : ''}`);
    }
  } catch (err) {
    // Two processes creating the same database at once: the loser sees duplicate_database (42P04).
    if ((err as { code?: string }).code !== '42P04') throw err;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = databaseName(databaseUrl);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}
