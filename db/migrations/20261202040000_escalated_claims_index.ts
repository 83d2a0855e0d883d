import type { Knex } from 'knex';

// The escalated claims by status, for the metric santunan_claims_escalated_open read at every scrape: a partial index
// holds only the escalated rows (a few of the whole), so the count reads them and not 1,000,000 claims.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('claims', (t) => {
    t.index(['status'], 'claims_escalated_status_index', { predicate: knex.whereRaw('escalated') });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('claims', (t) => {
    t.dropIndex(['status'], 'claims_escalated_status_index');
  });
}
