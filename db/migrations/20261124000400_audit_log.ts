import type { Knex } from 'knex';

// Every staff (and family) action through the API, refused ones included: who, what, when, from where.
// Append-only: the app connects as a superuser in development, so REVOKE cannot protect it; triggers do.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.string('actor_kind', 10).notNullable(); // staff, family, anonymous (no valid identity)
    t.string('actor_id', 100); // the token's sub
    t.string('actor_role', 20);
    t.string('method', 10).notNullable();
    t.string('route', 200); // the route pattern, e.g. /claims/:claimNumber/decision; null when none matched
    t.string('path', 300).notNullable(); // without the query string
    t.string('claim_number', 40);
    t.integer('status').notNullable(); // the HTTP status answered
    t.string('problem_type', 60); // e.g. maker-checker, forbidden, unauthorized
    t.string('client_address', 100);
    t.index(['at']);
    t.index(['actor_id', 'id']);
    t.index(['claim_number', 'id']);
  });
  await knex.raw(`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end
    $$`);
  await knex.raw(`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`);
  await knex.raw(`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_log');
  await knex.raw('drop function audit_log_append_only()');
}
