import type { Knex } from 'knex';

// The /metrics figures kept up to date as rows change, instead of aggregated over whole tables at every scrape (at
// 1,000,000 claims a scrape took longer than Prometheus waits: bench/scale). Statement-level triggers with transition
// tables add each statement's net change per group in one upsert, in key order (two transactions moving claims
// between the same statuses lock the counters in the same order), and write nothing when the net change is zero.

const TABLES = [
  { source: 'claims', totals: 'claim_totals', keys: ['program', 'status'], sums: [] as string[] },
  { source: 'payouts', totals: 'payout_totals', keys: ['status'], sums: ['amount'] },
];

function applyFunction(t: (typeof TABLES)[number]): string {
  const keys = t.keys.join(', ');
  const delta = (rows: string, sign: string) =>
    `select ${keys}, ${sign} as n${t.sums.map((s) => `, ${sign} * ${s} as ${s}`).join('')} from ${rows}`;
  const upsert = (changes: string) => `
      insert into ${t.totals} as t (${keys}, n${t.sums.map((s) => `, ${s}`).join('')})
      select ${keys}, sum(n)${t.sums.map((s) => `, sum(${s})`).join('')}
      from (${changes}) d
      group by ${keys}
      having sum(n) <> 0${t.sums.map((s) => ` or sum(${s}) <> 0`).join('')}
      order by ${keys}
      on conflict (${keys}) do update set n = t.n + excluded.n${t.sums.map((s) => `, ${s} = t.${s} + excluded.${s}`).join('')};`;
  return `
    create function ${t.totals}_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then ${upsert(delta('new_rows', '1'))}
      elsif tg_op = 'DELETE' then ${upsert(delta('old_rows', '-1'))}
      else ${upsert(`${delta('new_rows', '1')} union all ${delta('old_rows', '-1')}`)}
      end if;
      return null;
    end
    $$`;
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('claim_totals', (t) => {
    t.string('program', 3).notNullable();
    t.string('status', 40).notNullable();
    t.bigInteger('n').notNullable();
    t.primary(['program', 'status']);
  });
  await knex.schema.createTable('payout_totals', (t) => {
    t.string('status', 20).notNullable().primary();
    t.bigInteger('n').notNullable();
    t.bigInteger('amount').notNullable(); // whole rupiah
  });
  for (const t of TABLES) {
    const keys = t.keys.join(', ');
    await knex.raw(applyFunction(t));
    await knex.raw(`
      create function ${t.totals}_reset() returns trigger language plpgsql as $$
      begin
        delete from ${t.totals};
        return null;
      end
      $$`);
    await knex.raw(`create trigger ${t.totals}_insert after insert on ${t.source}
      referencing new table as new_rows for each statement execute function ${t.totals}_apply()`);
    await knex.raw(`create trigger ${t.totals}_update after update on ${t.source}
      referencing old table as old_rows new table as new_rows for each statement execute function ${t.totals}_apply()`);
    await knex.raw(`create trigger ${t.totals}_delete after delete on ${t.source}
      referencing old table as old_rows for each statement execute function ${t.totals}_apply()`);
    await knex.raw(`create trigger ${t.totals}_truncate after truncate on ${t.source}
      for each statement execute function ${t.totals}_reset()`);
    // The rows already there (the table is locked meanwhile, so no change is counted twice or missed).
    await knex.raw(`lock table ${t.source} in share row exclusive mode`);
    await knex.raw(
      `insert into ${t.totals} (${keys}, n${t.sums.map((s) => `, ${s}`).join('')})
       select ${keys}, count(*)${t.sums.map((s) => `, sum(${s})`).join('')} from ${t.source} group by ${keys}`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const t of TABLES) {
    for (const event of ['insert', 'update', 'delete', 'truncate']) {
      await knex.raw(`drop trigger ${t.totals}_${event} on ${t.source}`);
    }
    await knex.raw(`drop function ${t.totals}_apply()`);
    await knex.raw(`drop function ${t.totals}_reset()`);
    await knex.schema.dropTable(t.totals);
  }
}
