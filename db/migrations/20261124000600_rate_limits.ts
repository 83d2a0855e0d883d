import type { Knex } from 'knex';

// Family tracking-code attempts, counted in PostgreSQL so that every API instance shares the counts: a lock-out on
// one claim number holds whichever instance the next guess reaches. One row per key (address or claim) and window.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('rate_limit_counters', (t) => {
    t.string('key', 200).primary(); // e.g. claim:JKM-20261124-7KQ2MZ, address:203.0.113.7
    t.integer('hits').notNullable();
    t.timestamp('reset_at', { useTz: true }).notNullable(); // the end of the key's current window
    t.index(['reset_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('rate_limit_counters');
}
