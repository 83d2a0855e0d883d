import type { Knex } from 'knex';

// A new tracking code for a claim (POST /claims/{claimNumber}/tracking-code): who issued it, when, and how the
// family's identity was checked. The claim's tracking_code_hash is replaced in the same transaction.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('tracking_code_reissues', (t) => {
    t.bigIncrements('id');
    t.string('claim_number', 40).notNullable().references('claims.claim_number');
    t.string('issued_by', 100).notNullable();
    t.text('identity_check').notNullable();
    t.timestamp('issued_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['claim_number', 'issued_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('tracking_code_reissues');
}
