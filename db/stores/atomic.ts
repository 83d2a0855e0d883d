import type { Knex } from 'knex';

/** Runs `fn` in the caller's transaction when there is one, else in its own: a store's multi-row write is never torn. */
export function atomically<T>(db: Knex, fn: (db: Knex) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction((trx) => fn(trx));
}
