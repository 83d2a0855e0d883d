import type { Knex } from 'knex';

// The review of a proof of enrolment (patch enrolment-proof-reviewed): who confirmed or rejected it, when, and why.
// A proof is paid only once a staff member other than its sender confirms it. Written by activities only.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('scholarship_years', (t) => {
    t.string('reviewed_by', 100);
    t.timestamp('reviewed_at', { useTz: true });
    t.string('review_decision', 10); // confirm, reject
    t.text('review_reason');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('scholarship_years', (t) => {
    t.dropColumns('reviewed_by', 'reviewed_at', 'review_decision', 'review_reason');
  });
}
