import type { Knex } from 'knex';

// The work queue of one status, newest first, keyset-paged on (created_at, claim_number): with the status and both
// keys in one index, any page of any status is a range scan. The index on (status, created_at) could not give the
// claim-number order, so PostgreSQL walked the whole (created_at, claim_number) index filtering by status, which at
// 1,000,000 claims reads them all for a status that has few or none (bench/scale).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('claims', (t) => {
    t.index(['status', 'created_at', 'claim_number'], 'claims_status_created_at_claim_number_index');
    t.dropIndex(['status', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('claims', (t) => {
    t.index(['status', 'created_at']);
    t.dropIndex(['status', 'created_at', 'claim_number'], 'claims_status_created_at_claim_number_index');
  });
}
