import type { Knex } from 'knex';

// Claims and everything recorded about them. Written by activities only.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('claims', (t) => {
    t.string('claim_number', 40).primary();
    t.string('program', 3).notNullable(); // JKM or JKK
    t.string('event', 40).notNullable();
    t.string('participant_nik', 16).notNullable(); // no FK: an unknown participant is recorded, then refused
    t.date('event_date').notNullable();
    t.date('claim_date').notNullable();
    t.string('status', 40).notNullable();
    t.text('status_reason');
    t.string('tracking_code_hash', 200).notNullable();
    t.string('created_by', 100).notNullable();
    t.boolean('escalated').notNullable().defaultTo(false);
    t.timestamp('escalated_at', { useTz: true });
    t.date('verification_due');
    t.string('verified_by', 100);
    t.timestamp('verified_at', { useTz: true });
    t.string('decision', 10);
    t.string('decided_by', 100);
    t.text('decision_reason');
    t.timestamp('decided_at', { useTz: true });
    t.string('bank_code', 20).notNullable();
    t.string('account_number', 30).notNullable();
    t.string('account_name', 200).notNullable();
    t.integer('account_revision').notNullable().defaultTo(0);
    t.timestamp('closed_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['status', 'created_at']);
    t.index(['created_at', 'claim_number']);
  });
  await knex.schema.createTable('heirs', (t) => {
    t.increments('id');
    t.string('claim_number', 40).notNullable().references('claims.claim_number');
    t.integer('position').notNullable();
    t.string('name', 200).notNullable();
    t.string('relationship', 40).notNullable();
    t.string('nik', 16);
    t.date('date_of_birth');
    t.boolean('recipient').notNullable().defaultTo(false); // receives the payouts
    t.unique(['claim_number', 'position']);
  });
  await knex.schema.createTable('children', (t) => {
    t.increments('id');
    t.string('claim_number', 40).notNullable().references('claims.claim_number');
    t.integer('position').notNullable();
    t.string('name', 200);
    t.date('date_of_birth').notNullable();
    t.boolean('registered').notNullable().defaultTo(false);
    t.string('school_level', 3);
    t.integer('school_grade');
    t.boolean('married').notNullable().defaultTo(false);
    t.boolean('working').notNullable().defaultTo(false);
    t.unique(['claim_number', 'position']);
  });
  await knex.schema.createTable('documents', (t) => {
    t.increments('id');
    t.string('claim_number', 40).notNullable().references('claims.claim_number');
    t.string('code', 40).notNullable();
    t.boolean('received').notNullable();
    t.string('checked_by', 100).notNullable();
    t.timestamp('checked_at', { useTz: true }).notNullable();
    t.unique(['claim_number', 'code']);
  });
  await knex.schema.createTable('assessments', (t) => {
    t.string('claim_number', 40).primary().references('claims.claim_number');
    t.string('regulation', 20).notNullable();
    t.jsonb('inputs').notNullable();
    t.jsonb('components').notNullable();
    t.bigInteger('total').notNullable();
    t.jsonb('employer_liability');
    t.jsonb('scholarship');
    t.jsonb('notes').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('payouts', (t) => {
    t.increments('id');
    t.string('idempotency_key', 120).notNullable().unique(); // <claimNumber>:<component>
    t.string('claim_number', 40).notNullable().references('claims.claim_number');
    t.string('component', 40).notNullable();
    t.bigInteger('amount').notNullable();
    t.string('status', 20).notNullable(); // pending, paid, refused
    t.string('gateway_key', 140).notNullable();
    t.integer('account_revision').notNullable();
    t.string('bank_code', 20).notNullable();
    t.string('account_number', 30).notNullable();
    t.string('gateway_reference', 100);
    t.string('failure_code', 40);
    t.timestamp('paid_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('amount > 0', [], 'payouts_amount_positive');
    t.index(['claim_number']);
  });
  await knex.schema.createTable('claim_events', (t) => {
    t.bigIncrements('id');
    t.string('claim_number', 40).notNullable();
    t.integer('seq').notNullable(); // step number within the claim's workflow: makes appends idempotent
    t.string('type', 60).notNullable();
    t.string('actor', 100);
    t.jsonb('data').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['claim_number', 'seq']);
  });
  await knex.schema.createTable('notifications', (t) => {
    t.bigIncrements('id');
    t.string('dedup_key', 200).notNullable().unique();
    t.string('claim_number', 40).notNullable();
    t.string('audience', 20).notNullable(); // family, supervisors, officers
    t.string('kind', 60).notNullable();
    t.text('message').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('sent_at', { useTz: true });
    t.index(['audience', 'created_at']);
  });
  // Intake de-duplication for POST /claims (Idempotency-Key header): request bookkeeping, not claim state.
  await knex.schema.createTable('intake_requests', (t) => {
    t.string('idempotency_key', 200).primary();
    t.string('request_hash', 64).notNullable();
    t.string('claim_number', 40).notNullable().unique();
    t.string('tracking_code_hash', 200).notNullable();
    t.date('claim_date').notNullable();
    t.string('created_by', 100).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'intake_requests',
    'notifications',
    'claim_events',
    'payouts',
    'assessments',
    'documents',
    'children',
    'heirs',
    'claims',
  ]) {
    await knex.schema.dropTable(table);
  }
}
