import type { Knex } from 'knex';

// A ledger row pending for more than a day is a reconciliation item of its own (pending_overdue), and the
// reconciliation finds such rows by status and age.
const AFTER =
  "outcome in ('matched', 'missing_at_gateway', 'unknown_to_ledger', 'amount_mismatch', 'pending_overdue')";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reconciliation_items', (t) => {
    t.dropChecks('reconciliation_items_outcome');
    t.check(AFTER, [], 'reconciliation_items_outcome');
  });
  await knex.schema.alterTable('payouts', (t) => {
    t.index(['status', 'updated_at'], 'payouts_status_updated_at_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('payouts', (t) => {
    t.dropIndex(['status', 'updated_at'], 'payouts_status_updated_at_index');
  });
  // Reports written since keep their pending_overdue items: the old rule holds for new rows only (NOT VALID).
  await knex.schema.alterTable('reconciliation_items', (t) => {
    t.dropChecks('reconciliation_items_outcome');
  });
  await knex.raw(
    'alter table reconciliation_items add constraint reconciliation_items_outcome check ' +
      "(outcome in ('matched', 'missing_at_gateway', 'unknown_to_ledger', 'amount_mismatch')) not valid",
  );
}
