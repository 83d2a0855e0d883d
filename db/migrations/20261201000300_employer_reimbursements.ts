import type { Knex } from 'knex';

// JKK with the employer more than 3 months in arrears: the employer pays the heirs first, and the agency reimburses
// it once an officer records the settlement of the arrears and the employer's proof of payment, and a supervisor
// (another person) approves. One row per claim; a rejected or refused record is replaced by the next one.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('employer_reimbursements', (t) => {
    t.string('claim_number', 40).primary().references('claims.claim_number');
    t.string('employer_id', 32).notNullable();
    t.string('status', 20).notNullable(); // recorded, approved, rejected, refused
    t.string('arrears_settlement_reference', 100).notNullable(); // the settlement of arrears and fines
    t.string('proof_of_payment_reference', 100).notNullable(); // the employer's proof it paid the heirs
    t.bigInteger('amount_paid_to_heirs').notNullable(); // whole rupiah
    t.date('paid_to_heirs_on').notNullable();
    t.string('bank_code', 20).notNullable(); // the employer's account: where the reimbursement goes
    t.string('account_number', 30).notNullable();
    t.string('account_name', 200).notNullable();
    t.integer('account_revision').notNullable(); // the ledger row's revision for this account
    t.string('recorded_by', 100).notNullable();
    t.timestamp('recorded_at', { useTz: true }).notNullable();
    t.string('decided_by', 100);
    t.timestamp('decided_at', { useTz: true });
    t.text('decision_reason');
    t.check(
      "status in ('recorded', 'approved', 'rejected', 'refused')",
      [],
      'employer_reimbursements_status',
    );
    t.check('amount_paid_to_heirs > 0', [], 'employer_reimbursements_amount_positive');
    t.check('decided_by is null or decided_by <> recorded_by', [], 'employer_reimbursements_two_people');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('employer_reimbursements');
}
