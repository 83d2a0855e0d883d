import type { Knex } from 'knex';

// The participant registry: employers and the workers they registered (peserta).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('employers', (t) => {
    t.string('id', 32).primary();
    t.string('name', 200).notNullable();
    // First unpaid contribution month (tunggakan iuran); null when contributions are current.
    t.date('arrears_since');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('participants', (t) => {
    t.string('nik', 16).primary(); // Nomor Induk Kependudukan: national ID, 16 digits
    t.string('kpj_number', 20).notNullable().unique(); // Kartu Peserta Jamsostek: participant card
    t.string('name', 200).notNullable();
    t.date('date_of_birth').notNullable();
    t.string('employer_id', 32).notNullable().references('employers.id');
    t.date('membership_start_date').notNullable();
    t.date('membership_end_date'); // null while the membership is active
    t.bigInteger('monthly_wage').notNullable(); // last reported wage (upah), whole rupiah
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('monthly_wage > 0', [], 'participants_wage_positive');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('participants');
  await knex.schema.dropTable('employers');
}
