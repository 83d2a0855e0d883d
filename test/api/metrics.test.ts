// GET /metrics (and /api/v1/metrics): Prometheus text with request durations by route pattern (no claim numbers),
// the claims and payouts in PostgreSQL, and santunan_database_up 0 when PostgreSQL does not answer.
import request from 'supertest';
import { createDb } from '../../db/config';
import { seedClaim, startLightApp, type LightApp } from '../security/light-app';

let l: LightApp;
beforeAll(async () => {
  l = await startLightApp();
});
afterAll(async () => {
  await l?.close();
});

/** The value of one series, e.g. value(text, 'santunan_claims{program="JKM",status="paid"}'). */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('counts claims and payouts from PostgreSQL and times requests by route pattern, never by claim number', async () => {
    const waiting = await seedClaim(l.t, { status: 'waiting_for_documents' });
    const paid = await seedClaim(l.t, { status: 'paid' });
    await l.t.db('payouts').insert(
      [1_000_000, 2_500_000].map((amount, i) => ({
        idempotency_key: `${paid.claimNumber}:c${i}`,
        claim_number: paid.claimNumber,
        component: `c${i}`,
        amount,
        status: 'paid',
        gateway_key: `${paid.claimNumber}:c${i}`,
        account_revision: 0,
        bank_code: 'BRI',
        account_number: '1234567890',
      })),
    );
    const officer = l.token({ id: 'officer-1', role: 'officer' });
    for (const c of [waiting, paid]) {
      const res = await request(l.app)
        .get(`/api/v1/track/${c.claimNumber}`)
        .set('X-Tracking-Code', c.trackingCode);
      expect(res.status).toBe(200);
    }
    expect(
      (
        await request(l.app)
          .get('/api/v1/claims/JKM-20261124-NOSUCH1')
          .set('Authorization', `Bearer ${officer}`)
      ).status,
    ).toBe(404);

    const res = await request(l.app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.text;
    const program = (await l.t.db('claims').where({ claim_number: paid.claimNumber }).first('program'))
      .program;
    expect(value(text, `santunan_claims{program="${program}",status="paid"}`)).toBeGreaterThanOrEqual(1);
    expect(value(text, 'santunan_payouts{status="paid"}')).toBe(2);
    expect(value(text, 'santunan_payouts_amount_rupiah{status="paid"}')).toBe(3_500_000);
    expect(value(text, 'santunan_database_up')).toBe(1);
    expect(value(text, 'santunan_audit_log_pending')).toBeGreaterThanOrEqual(0);
    expect(
      value(
        text,
        'santunan_http_request_duration_seconds_count{method="GET",route="/api/v1/track/:claimNumber",status="200"}',
      ),
    ).toBe(2);
    expect(
      value(
        text,
        'santunan_http_request_duration_seconds_count{method="GET",route="/api/v1/claims/:claimNumber",status="404"}',
      ),
    ).toBe(1);
    expect(text).toMatch(/^santunan_api_process_resident_memory_bytes \d+/m);
    expect(text).not.toMatch(/(JKM|JKK)-\d{8}-/);

    const viaApi = await request(l.app).get('/api/v1/metrics');
    expect(viaApi.status).toBe(200);
    expect(value(viaApi.text, 'santunan_payouts{status="paid"}')).toBe(2);
  });

  it('counts the claims whose payout failed for good, and their failed ledger rows', async () => {
    const failed = await seedClaim(l.t, { status: 'payout_failed' });
    await l.t.db('payouts').insert({
      idempotency_key: `${failed.claimNumber}:funeral`,
      claim_number: failed.claimNumber,
      component: 'funeral',
      amount: 10_000_000,
      status: 'failed',
      failure_code: 'GatewayRejected',
      gateway_key: `${failed.claimNumber}:funeral`,
      account_revision: 0,
      bank_code: 'BRI',
      account_number: '1234567890',
    });
    const { program } = await l.t.db('claims').where({ claim_number: failed.claimNumber }).first('program');
    const text = (await request(l.app).get('/metrics')).text;
    expect(value(text, `santunan_claims{program="${program}",status="payout_failed"}`)).toBe(1);
    expect(value(text, 'santunan_payouts{status="failed"}')).toBe(1);
  });

  it('counts the open escalated claims and reports the latest reconciliation (the alerts in the README)', async () => {
    const open = await seedClaim(l.t, { status: 'waiting_for_decision' });
    const closed = await seedClaim(l.t, { status: 'rejected' });
    await seedClaim(l.t, { status: 'waiting_for_decision' }); // not escalated
    await l.t
      .db('claims')
      .whereIn('claim_number', [open.claimNumber, closed.claimNumber])
      .update({ escalated: true, escalated_at: new Date() });
    const { program } = await l.t.db('claims').where({ claim_number: open.claimNumber }).first('program');
    const reconciledAt = new Date('2026-01-06T18:00:05Z');
    await l.t.db('reconciliation_reports').insert(
      [
        ['2026-01-04', 0],
        ['2026-01-05', 3],
      ].map(([date, mismatched]) => ({
        business_date: date,
        status: mismatched ? 'mismatched' : 'balanced',
        ledger_total: 0,
        gateway_total: 0,
        matched: 0,
        mismatched,
        reconciled_at: reconciledAt,
      })),
    );
    const text = (await request(l.app).get('/metrics')).text;
    expect(value(text, `santunan_claims_escalated_open{program="${program}"}`)).toBe(1);
    expect(value(text, 'santunan_reconciliation_latest_mismatched{business_date="2026-01-05"}')).toBe(3);
    expect(
      value(text, 'santunan_reconciliation_latest_run_timestamp_seconds{business_date="2026-01-05"}'),
    ).toBe(reconciledAt.getTime() / 1000);
    expect(text).not.toContain('business_date="2026-01-04"'); // the latest day only: one series at a time
  });

  it('reports santunan_database_up 0, and no figures, when PostgreSQL does not answer', async () => {
    const unreachable = createDb('postgres://postgres@127.0.0.1:1/santunan', { max: 1 });
    const down = await startLightApp({ db: unreachable });
    try {
      const res = await request(down.app).get('/metrics');
      expect(res.status).toBe(200);
      expect(value(res.text, 'santunan_database_up')).toBe(0);
      expect(res.text).not.toMatch(/^santunan_claims\{/m);
    } finally {
      await unreachable.destroy();
      await down.close();
    }
  });
});

describe('GET /metrics with a scraper token (METRICS_TOKEN, required outside development)', () => {
  const token = 'prometheus-scraper-token-0123456789abcdef';
  let guarded: LightApp;
  beforeAll(async () => {
    guarded = await startLightApp({ metricsToken: token });
  });
  afterAll(async () => {
    await guarded?.close();
  });

  it('answers the scraper, and 401 to anyone else, staff included, at both paths', async () => {
    for (const path of ['/metrics', '/api/v1/metrics']) {
      const scraped = await request(guarded.app).get(path).set('Authorization', `Bearer ${token}`);
      expect(scraped.status).toBe(200);
      expect(scraped.text).toContain('santunan_payouts_amount_rupiah');
      for (const header of [
        undefined,
        `Bearer ${token}x`,
        `Bearer ${guarded.token({ id: 'auditor-1', role: 'auditor' })}`,
      ]) {
        const refused = request(guarded.app).get(path);
        const res = header === undefined ? await refused : await refused.set('Authorization', header);
        expect({ path, header, status: res.status }).toEqual({ path, header, status: 401 });
        expect(res.text).not.toContain('santunan_payouts');
      }
    }
  });
});
