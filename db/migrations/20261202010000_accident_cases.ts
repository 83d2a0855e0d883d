import type { Knex } from 'knex';

// Accident cases (JKK, the worker lives): the case beside its claims row (event 'accident'), the hold that keeps one
// case per accident (participant + accident date), and each treatment, transport and STMB period with its review.
// The registry learns whether a participant is a wage worker: a wage worker's STMB goes to the employer.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('participants', (t) => {
    t.boolean('wage_worker').notNullable().defaultTo(true); // penerima upah; false: bukan penerima upah
  });
  await knex.schema.createTable('accident_holds', (t) => {
    t.string('claim_number', 40).primary(); // no FK: the API holds the accident before the workflow records the case
    t.string('participant_nik', 16).notNullable();
    t.date('accident_date').notNullable();
    t.timestamp('held_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('released_at', { useTz: true });
    t.string('released_because', 40);
  });
  await knex.raw(
    'create unique index accident_holds_one_case on accident_holds (participant_nik, accident_date) where released_at is null',
  );
  await knex.schema.createTable('accident_cases', (t) => {
    t.string('claim_number', 40).primary().references('claims.claim_number');
    t.string('accident_kind', 30).notNullable();
    t.date('accident_date').notNullable();
    t.date('diagnosis_date');
    t.string('accident_place', 200).notNullable();
    t.timestamp('reported_at', { useTz: true }).notNullable();
    t.timestamp('report_deadline', { useTz: true }).notNullable();
    t.boolean('employer_liable').notNullable().defaultTo(false);
    t.text('employer_liable_reason');
    t.string('regulation', 20).notNullable();
    t.date('expiry_date');
    t.bigInteger('monthly_wage');
    t.boolean('wage_worker');
    t.date('finding_due');
    t.string('finding', 20); // work_accident, not_work_accident
    t.text('finding_reasons');
    t.string('finding_by', 100);
    t.string('finding_confirmed_by', 100);
    t.jsonb('closing'); // the closing statement and its assessment
    t.string('closing_decided_by', 100);
    t.jsonb('return_to_work');
    t.string('death_claim_number', 40);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('accident_items', (t) => {
    t.increments('id');
    t.string('claim_number', 40).notNullable().references('claims.claim_number');
    t.integer('item_number').notNullable();
    t.string('kind', 20).notNullable(); // treatment, transport, incapacity
    t.string('provider', 200);
    t.string('mode', 10);
    t.date('period_from').notNullable();
    t.date('period_to').notNullable();
    t.string('document_ref', 100).notNullable();
    t.bigInteger('claimed').notNullable();
    t.bigInteger('amount').notNullable(); // what the case pays for it
    t.text('explanation').notNullable();
    t.string('pay_to', 20).notNullable(); // provider, participant, employer
    t.string('status', 30).notNullable();
    t.text('reason');
    t.string('recorded_by', 100).notNullable();
    t.string('verified_by', 100);
    t.string('decided_by', 100);
    t.string('idempotency_key', 120);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['claim_number', 'item_number']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('accident_items');
  await knex.schema.dropTable('accident_cases');
  await knex.schema.dropTable('accident_holds');
  await knex.schema.alterTable('participants', (t) => {
    t.dropColumn('wage_worker');
  });
}
