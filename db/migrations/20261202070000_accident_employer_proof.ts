import type { Knex } from 'knex';

// An employer-liable accident case (late stage-I report, JKK arrears): the employer pays first and the agency
// reimburses it. The case records why the employer pays first (the API refuses an approval without proof), and each
// item the employer's proof of payment and who recorded it (the approver is someone else). The closing's proof lives
// in the closing's jsonb record.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('accident_cases', (t) => {
    t.text('employer_pays_first'); // why, or null: the employer is not liable
  });
  // Cases opened before: a late report is known from the row (arrears only to the workflow, whose validator holds).
  await knex('accident_cases')
    .where({ employer_liable: true })
    .update({ employer_pays_first: knex.ref('employer_liable_reason') });
  await knex.schema.alterTable('accident_items', (t) => {
    t.string('employer_payment_ref', 100); // the employer's transfer or receipt to the worker or provider
    t.date('employer_paid_on');
    t.string('employer_payment_by', 100);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('accident_items', (t) => {
    t.dropColumn('employer_payment_by');
    t.dropColumn('employer_paid_on');
    t.dropColumn('employer_payment_ref');
  });
  await knex.schema.alterTable('accident_cases', (t) => {
    t.dropColumn('employer_pays_first');
  });
}
