import type { Knex } from 'knex';

// A change of payee takes two people: each account proposed after a refusal, for a claim or a scholarship, and its
// review. Rows are the trail the fault suite checks (test/faults/support/invariants.ts) and the waiting period's clock.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('account_changes', (t) => {
    t.bigIncrements('id');
    t.string('workflow_id', 60).notNullable(); // the claim number, or <claimNumber>-S<n> for a scholarship
    t.string('claim_number', 40).notNullable();
    t.integer('proposal').notNullable(); // the proposing step's seq in that workflow
    t.integer('revision').notNullable(); // the account revision it becomes once approved
    t.string('bank_code', 20).notNullable();
    t.string('account_number', 30).notNullable();
    t.string('account_name', 200).notNullable();
    t.boolean('holder_matches').notNullable(); // the holder is an entitled heir, the child or the guardian
    t.string('proposed_by', 100).notNullable(); // a staff id, or "family"
    t.timestamp('proposed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.string('status', 10).notNullable().defaultTo('pending');
    t.string('reviewed_by', 100);
    t.string('reviewer_role', 20);
    t.text('identity_check');
    t.text('review_reason');
    t.timestamp('reviewed_at', { useTz: true });
    t.unique(['workflow_id', 'proposal']);
    t.index(['claim_number']);
    t.check("status in ('pending', 'approved', 'rejected')", [], 'account_changes_status');
    t.check(
      "(status = 'pending') = (reviewed_by is null and reviewed_at is null)",
      [],
      'account_changes_reviewed',
    );
    t.check('reviewed_by is null or reviewed_by <> proposed_by', [], 'account_changes_two_people');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('account_changes');
}
