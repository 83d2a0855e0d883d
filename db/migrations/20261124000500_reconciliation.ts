import type { Knex } from 'knex';

// Daily reconciliation of the payout ledger with the gateway's statement, and the supervisors' work list.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('reconciliation_reports', (t) => {
    t.date('business_date').primary(); // the day in Asia/Jakarta; a re-run replaces that day's report
    t.string('status', 20).notNullable(); // balanced, mismatched
    t.bigInteger('ledger_total').notNullable(); // whole rupiah
    t.bigInteger('gateway_total').notNullable();
    t.integer('matched').notNullable();
    t.integer('mismatched').notNullable();
    t.timestamp('reconciled_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check("status in ('balanced', 'mismatched')", [], 'reconciliation_reports_status');
  });
  await knex.schema.createTable('reconciliation_items', (t) => {
    t.bigIncrements('id');
    t.date('business_date')
      .notNullable()
      .references('reconciliation_reports.business_date')
      .onDelete('CASCADE');
    t.string('transfer_key', 140).notNullable(); // the Idempotency-Key the gateway saw
    t.string('outcome', 30).notNullable(); // matched, missing_at_gateway, unknown_to_ledger, amount_mismatch
    t.string('claim_number', 40);
    t.string('component', 40);
    t.bigInteger('ledger_amount');
    t.bigInteger('gateway_amount');
    t.string('gateway_reference', 100);
    t.unique(['business_date', 'transfer_key']);
    t.check(
      "outcome in ('matched', 'missing_at_gateway', 'unknown_to_ledger', 'amount_mismatch')",
      [],
      'reconciliation_items_outcome',
    );
  });
  await knex.schema.createTable('supervisor_tasks', (t) => {
    t.bigIncrements('id');
    t.string('dedup_key', 200).notNullable().unique(); // a re-run never opens the same task twice
    t.string('kind', 60).notNullable();
    t.text('message').notNullable();
    t.date('business_date');
    t.string('claim_number', 40);
    t.string('status', 20).notNullable().defaultTo('open');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('closed_at', { useTz: true });
    t.index(['status', 'created_at']);
  });
  // The ledger side of a day's reconciliation reads paid rows by paid_at.
  await knex.schema.alterTable('payouts', (t) => {
    t.index(['paid_at'], 'payouts_paid_at_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('payouts', (t) => {
    t.dropIndex(['paid_at'], 'payouts_paid_at_index');
  });
  await knex.schema.dropTable('supervisor_tasks');
  await knex.schema.dropTable('reconciliation_items');
  await knex.schema.dropTable('reconciliation_reports');
}
