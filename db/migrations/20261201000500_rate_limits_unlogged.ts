import type { Knex } from 'knex';

// Every family request updates its address's counter: as an unlogged table the update writes no WAL, so the commit
// waits for no disk flush (bench/status). What it gives up: after a crash PostgreSQL empties the table, and a standby
// does not have it, so the windows of the moment start afresh; counts of wrong codes over minutes are not worth a
// flush per request.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table rate_limit_counters set unlogged');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table rate_limit_counters set logged');
}
