import type { Knex } from 'knex';

// Closed workflow runs outlive Temporal's retention (30 days): each closed run's history, exactly as the history
// route exports it, is copied here by the archiver (a Temporal Schedule, bin/lib/schedules.ts), and its hash-chain
// head goes into history_digests in the same transaction. Both are append-only: a trigger refuses UPDATE, DELETE
// and TRUNCATE, which binds the superuser the app connects as in development too. In production, grant the app's
// role only SELECT and INSERT on them (REVOKE UPDATE, DELETE, TRUNCATE), so that only the tables' owner could
// disable a trigger, with DDL that the server log records. history_archive_progress is the archiver's bookmark.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('history_archive', (t) => {
    t.string('workflow_id', 100).notNullable();
    t.string('run_id', 64).notNullable();
    t.primary(['workflow_id', 'run_id']);
    t.string('claim_number', 40).notNullable();
    t.string('namespace', 255).notNullable();
    t.string('workflow_type', 100).notNullable();
    t.string('close_status', 40).notNullable(); // Completed, ContinuedAsNew, Failed, Terminated, …
    t.timestamp('started_at', { useTz: true }).notNullable();
    t.timestamp('closed_at', { useTz: true }).notNullable();
    t.string('previous_run_id', 64); // the run this one continued (continue-as-new), if any
    t.integer('event_count').notNullable();
    // json, not jsonb: the text is kept as Temporal's CLI prints it (the chain sorts keys either way).
    t.json('history').notNullable();
    t.timestamp('archived_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['claim_number']);
  });
  await knex.schema.createTable('history_digests', (t) => {
    t.bigIncrements('id');
    t.string('workflow_id', 100).notNullable();
    t.string('run_id', 64).notNullable();
    t.unique(['workflow_id', 'run_id']);
    t.string('claim_number', 40).notNullable();
    t.string('algorithm', 20).notNullable(); // sha256
    t.string('canonicalization', 40).notNullable(); // json-sorted-keys
    t.integer('event_count').notNullable();
    t.specificType('chain_head', 'char(64)').notNullable(); // the run's hash-chain head (replay/hash-chain.ts)
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['claim_number']);
  });
  await knex.raw(`
    create function history_archive_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
    end
    $$`);
  for (const table of ['history_archive', 'history_digests']) {
    await knex.raw(`
      create trigger ${table}_no_change before update or delete on ${table}
      for each row execute function history_archive_append_only()`);
    await knex.raw(`
      create trigger ${table}_no_truncate before truncate on ${table}
      for each statement execute function history_archive_append_only()`);
  }
  await knex.schema.createTable('history_archive_progress', (t) => {
    t.string('archiver', 40).primary();
    // Runs closed at or after this instant (less an overlap for visibility's lag) are listed on the next sweep.
    t.timestamp('closed_since', { useTz: true });
    t.timestamp('last_sweep_at', { useTz: true });
    t.json('last_sweep');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('history_archive_progress');
  await knex.schema.dropTable('history_digests');
  await knex.schema.dropTable('history_archive');
  await knex.raw('drop function history_archive_append_only()');
}
