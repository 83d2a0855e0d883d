import type { Knex } from 'knex';

// Scholarships (beasiswa): one row per child's ScholarshipWorkflow, one per school year, the step log, and the
// officer's choice of children when more qualify than may receive. Written by activities only.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('scholarships', (t) => {
    t.string('workflow_id', 60).primary(); // <claimNumber>-S<n>
    t.string('claim_number', 40).notNullable().references('claims.claim_number');
    t.integer('child_number').notNullable(); // n in the workflow id
    t.integer('child_position').notNullable(); // children.position on the claim
    t.string('status', 40).notNullable();
    t.string('school_year', 9).notNullable(); // the current (or next) school year, "2027/2028"
    t.string('expected_level', 3).notNullable();
    t.integer('expected_grade').notNullable();
    t.date('window_opens_on');
    t.date('deadline');
    t.bigInteger('total_paid').notNullable().defaultTo(0);
    t.jsonb('years_paid').notNullable().defaultTo('{}'); // school years paid per level
    t.jsonb('projected').notNullable().defaultTo('[]'); // the years still to come, from rules/
    t.string('end_reason', 40);
    t.text('end_message');
    t.integer('last_seq').notNullable(); // the step that wrote this row: only a later one overwrites it
    t.timestamp('ended_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['claim_number', 'child_number']);
    t.check('total_paid >= 0', [], 'scholarships_total_not_negative');
  });
  await knex.schema.createTable('scholarship_years', (t) => {
    t.increments('id');
    t.string('workflow_id', 60).notNullable().references('scholarships.workflow_id');
    t.string('claim_number', 40).notNullable();
    t.string('school_year', 9).notNullable();
    // window_open, proof_received, payment_refused, paid, lapsed, not_payable
    t.string('status', 20).notNullable();
    t.string('level', 3);
    t.integer('grade');
    t.string('institution', 200);
    t.string('document_reference', 100);
    t.boolean('graduated');
    t.string('submitted_by', 100);
    t.timestamp('submitted_at', { useTz: true });
    t.bigInteger('amount').notNullable().defaultTo(0);
    t.text('reason');
    t.string('idempotency_key', 120); // the payout ledger key, <workflowId>:<schoolYear>
    t.string('gateway_reference', 100);
    t.date('window_opens_on');
    t.date('deadline');
    t.timestamp('decided_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['workflow_id', 'school_year']);
    t.index(['claim_number']);
    t.check('amount >= 0', [], 'scholarship_years_amount_not_negative');
  });
  await knex.schema.createTable('scholarship_events', (t) => {
    t.bigIncrements('id');
    t.string('workflow_id', 60).notNullable();
    t.string('claim_number', 40).notNullable();
    t.integer('seq').notNullable(); // step number across the scholarship's runs: makes appends idempotent
    t.string('type', 60).notNullable();
    t.string('actor', 100);
    t.jsonb('data').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['workflow_id', 'seq']);
    t.index(['claim_number']);
  });
  await knex.schema.createTable('scholarship_choices', (t) => {
    t.string('claim_number', 40).primary().references('claims.claim_number');
    t.jsonb('children').notNullable(); // positions on the claim, 1-based
    t.string('chosen_by', 100).notNullable();
    t.text('reason');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['scholarship_choices', 'scholarship_events', 'scholarship_years', 'scholarships']) {
    await knex.schema.dropTable(table);
  }
}
