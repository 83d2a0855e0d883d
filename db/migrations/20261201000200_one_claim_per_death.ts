import type { Knex } from 'knex';

// One death, one claim: a participant's death is held by one claim at a time, across JKM and JKK. A claim holds it
// from intake until it is refused (rejected or ineligible), when `released_at` frees the death for a new claim.
// The partial unique index is the guarantee: whatever the API or a workflow does, PostgreSQL refuses a second holder.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('claimed_deaths', (t) => {
    t.string('claim_number', 40).primary(); // no FK: the API holds the death before the workflow records the claim
    t.string('participant_nik', 16).notNullable();
    t.string('program', 3).notNullable();
    t.timestamp('held_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('released_at', { useTz: true });
    t.string('released_because', 40); // the refused status: rejected or ineligible
  });
  await knex.raw(
    'create unique index claimed_deaths_one_holder on claimed_deaths (participant_nik) where released_at is null',
  );
  // Claims on record before this: the earliest claim not refused holds each death (statuses as they were then).
  // Duplicates filed before it stay as they are; the newer ones do not hold the death.
  await knex.raw(`
    insert into claimed_deaths (claim_number, participant_nik, program, held_at)
    select distinct on (participant_nik) claim_number, participant_nik, program, created_at
    from claims where status not in ('rejected', 'ineligible')
    order by participant_nik, created_at, claim_number`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('claimed_deaths');
}
