import type { Knex } from 'knex';

// Who receives what by legal rank (rules/recipients.ts), as the assessment recorded it; null for assessments made
// before heirs were ranked.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('assessments', (t) => {
    t.jsonb('recipients');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('assessments', (t) => {
    t.dropColumn('recipients');
  });
}
