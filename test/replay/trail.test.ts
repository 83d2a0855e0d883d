// The decision trail read back from committed histories alone: claims and scholarships, years and stops.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDecisionTrail, historyFromJson, type DecisionTrail, type RunHistory } from '../../replay';
import { testLoadedDataConverter } from '../helpers/codec';
import { root } from '../helpers/paths';

const dir = join(root, 'test', 'replay', 'histories');
const converter = testLoadedDataConverter;

function run(path: string, workflowId: string): RunHistory {
  const history = historyFromJson(readFileSync(join(dir, path), 'utf8'));
  const workflowType = history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? '';
  return { workflowId, runId: path, workflowType, history };
}

/** A recorded claim with scholarships: the claim first, then each child's runs in order (as the API fetches them). */
function trailOf(folder: string): Promise<DecisionTrail> {
  const runs = readdirSync(join(dir, folder))
    .filter((f) => /^S\d+-run-\d+\.json$/.test(f))
    .sort()
    .map((f) => run(`${folder}/${f}`, f.split('-run-')[0]!));
  return buildDecisionTrail([run(`${folder}/claim.json`, 'claim'), ...runs], converter);
}

describe('the decision trail from a recorded claim', () => {
  it('names the supervisor who approved after an escalation, and when the service level ran out', async () => {
    const trail = await buildDecisionTrail([run('escalation-supervisor-approval.json', 'claim')], converter);
    expect(trail.program).toBe('JKK');
    expect(trail.escalation?.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Date.parse(trail.escalation!.at)).toBeLessThan(Date.parse(trail.verifications[0]!.at));
    expect(trail.decision).toMatchObject({ by: 'supervisor-1', role: 'supervisor', decision: 'approve' });
    expect(trail.assessment!.total).toBeGreaterThan(200_000_000);
    expect(
      trail.payouts.every((p) => p.status === 'paid' && p.idempotencyKey?.startsWith(trail.claimNumber!)),
    ).toBe(true);
  });

  it("names who recorded the employer's settlement and the supervisor who approved its reimbursement", async () => {
    const trail = await buildDecisionTrail([run('employer-pays-first.json', 'claim')], converter);
    expect(trail.patches).toContain('employer-pays-first');
    expect(trail.employerSettlements).toEqual([
      expect.objectContaining({
        by: 'officer-1',
        proofOfPaymentReference: 'TRF-BCA-778812',
        amountPaidToHeirs: 190_000_000,
        accountNumber: '******1111',
      }),
    ]);
    expect(trail.reimbursementDecisions).toEqual([
      expect.objectContaining({ by: 'supervisor-1', role: 'supervisor', decision: 'approve' }),
    ]);
    expect(trail.payouts.map((p) => [p.component, p.amount, p.status])).toEqual([
      ['employer_reimbursement', 190_000_000, 'paid'],
    ]);
  });

  it('shows who proposed each new account and who reviewed it, the account masked', async () => {
    const trail = await buildDecisionTrail([run('reviewed-account.json', 'claim')], converter);
    expect(trail.patches).toContain('account-change-reviewed');
    expect(trail.bankAccountChanges).toEqual([
      expect.objectContaining({
        by: 'family',
        revision: 1,
        accountNumber: '******1111',
        review: expect.objectContaining({ by: 'officer-3', decision: 'reject', reason: 'Not an heir' }),
      }),
      expect.objectContaining({
        by: 'family',
        revision: 1,
        accountNumber: '******3210',
        review: expect.objectContaining({
          by: 'officer-3',
          role: 'officer',
          decision: 'approve',
          identityCheck: 'KTP seen at the branch',
        }),
      }),
    ]);
    const refused = trail.payouts.filter((p) => p.status === 'refused');
    expect(refused).toHaveLength(1);
    expect(trail.payouts.filter((p) => p.status === 'paid').every((p) => p.accountRevision === 1)).toBe(true);
  });

  it('keeps the incomplete checklist and its note, then the complete one', async () => {
    const trail = await buildDecisionTrail([run('incomplete-documents.json', 'claim')], converter);
    expect(trail.verifications.map((v) => [v.complete, v.missing])).toEqual([
      [false, ['death_certificate']],
      [true, []],
    ]);
    expect(trail.verifications[0]).toMatchObject({
      note: 'No certificate yet',
      checklist: { death_certificate: false },
    });
  });

  it('gives the reason of a rejection and of an ineligible claim, and pays nothing', async () => {
    const rejected = await buildDecisionTrail([run('rejection.json', 'claim')], converter);
    expect(rejected.decision).toMatchObject({
      by: 'officer-2',
      decision: 'reject',
      reason: 'The death certificate is forged.',
    });
    expect(rejected.outcome).toMatchObject({ status: 'rejected', total: 0 });
    const ineligible = await buildDecisionTrail([run('ineligible-unregistered.json', 'claim')], converter);
    expect(ineligible.membership).toMatchObject({
      eligible: false,
      reason: expect.stringMatching(/not registered/),
    });
    expect(ineligible.outcome).toMatchObject({ status: 'ineligible' });
    expect([...rejected.payouts, ...ineligible.payouts]).toEqual([]);
  });
});

describe('the decision trail from recorded scholarships', () => {
  it('lists each of 19 school years paid, with its key, gateway reference and proof, then "graduated"', async () => {
    const trail = await trailOf('scholarship-full');
    expect(trail.scholarships).toHaveLength(1);
    const [s] = trail.scholarships;
    expect(s).toMatchObject({ childNumber: 1, runs: 19, status: 'ended', endReason: 'graduated' });
    expect(s!.years).toHaveLength(19);
    for (const year of s!.years) {
      expect(year).toMatchObject({
        outcome: 'paid',
        idempotencyKey: `${trail.claimNumber}-S1:${year.schoolYear}`,
        gatewayReference: expect.any(String),
        proof: { by: 'family', level: year.level, grade: year.grade },
      });
    }
    expect(s!.totalPaid).toBe(s!.years.reduce((sum, y) => sum + (y.amount ?? 0), 0));
  });

  it('names the stops: two lapses in a row, a marriage, wage work and a death', async () => {
    const lapses = (await trailOf('scholarship-lapses')).scholarships[0]!;
    expect(lapses.years.map((y) => y.outcome)).toEqual(['paid', 'lapsed', 'lapsed']);
    expect(lapses).toMatchObject({ status: 'ended', endReason: 'no_longer_enrolled' });

    const two = (await trailOf('scholarship-married-working')).scholarships;
    expect(two.map((s) => s.endReason)).toEqual(['married', 'working']);
    expect(two[0]!.lifeEvents).toEqual([
      expect.objectContaining({ by: 'officer-1', kind: 'married', stops: true }),
    ]);

    const died = (await trailOf('scholarship-died')).scholarships[0]!;
    expect(died).toMatchObject({ endReason: 'died', years: [expect.objectContaining({ outcome: 'paid' })] });

    const aged = (await trailOf('scholarship-age-limit')).scholarships[0]!;
    expect(aged).toMatchObject({
      status: 'ended',
      endReason: 'age_limit',
      years: [expect.objectContaining({ outcome: 'paid', level: 'PT', amount: 12_000_000 })],
    });
  });

  it('reads a deferred start and a reviewed proof back from their histories, with the patches they recorded', async () => {
    const deferred = (await trailOf('scholarship-deferred-sd')).scholarships[0]!;
    expect(deferred.patches).toEqual(
      expect.arrayContaining(['scholarship-start-on-first-school-year', 'enrolment-proof-reviewed']),
    );
    expect(deferred.years.map((y) => [y.outcome, y.level ?? null])).toEqual([
      ['not_yet_at_school', null],
      ['not_yet_at_school', null],
      ['paid', 'SD'],
    ]);
    expect(deferred).toMatchObject({ status: 'ended', endReason: 'died', totalPaid: 1_500_000 });

    const reviewed = (await trailOf('scholarship-proof-review')).scholarships[0]!;
    const year = reviewed.years[0]!;
    expect(year).toMatchObject({ outcome: 'paid', proof: { by: 'family', level: 'SD', grade: 3 } });
    expect(year.reviews?.map((r) => [r.by, r.decision, r.reason])).toEqual([
      ['officer-2', 'reject', 'Unreadable scan.'],
      ['officer-1', 'confirm', 'Checked against the school’s letter.'],
    ]);
    // Recorded before the patches: no marker, and the proof was paid on the sender's word.
    const before = (await trailOf('scholarship-lapses')).scholarships[0]!;
    expect(before.patches).not.toContain('enrolment-proof-reviewed');
    expect(before.years[0]).toMatchObject({ outcome: 'paid' });
    expect(before.years[0]!.reviews).toBeUndefined();
  });
});
