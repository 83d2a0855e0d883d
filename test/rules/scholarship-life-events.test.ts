import { lifeEventDecision, PP82_2019, type LifeEvent, type StagedScholarship } from '../../rules';

const rule = PP82_2019.scholarship as StagedScholarship;

describe('life events that end a scholarship', () => {
  it.each<[string, LifeEvent, boolean, string | undefined]>([
    ['marriage', { kind: 'married', date: '2026-02-01' }, true, 'married'],
    ['death', { kind: 'died', date: '2026-02-01' }, true, 'died'],
    [
      'work before 2025',
      { kind: 'working', date: '2024-12-31', work: { type: 'apprenticeship' } },
      true,
      'working',
    ],
    [
      'wage work for 6 months before 2025',
      { kind: 'working', date: '2024-12-31', work: { type: 'wage', consecutiveMonths: 6 } },
      true,
      'working',
    ],
    [
      'self-employment from 2025',
      { kind: 'working', date: '2025-01-01', work: { type: 'self_employment' } },
      false,
      undefined,
    ],
    [
      'an apprenticeship from 2025',
      { kind: 'working', date: '2026-07-01', work: { type: 'apprenticeship' } },
      false,
      undefined,
    ],
    [
      'wage work for 6 months from 2025',
      { kind: 'working', date: '2025-01-01', work: { type: 'wage', consecutiveMonths: 6 } },
      false,
      undefined,
    ],
    [
      'wage work for 7 months from 2025',
      { kind: 'working', date: '2025-06-01', work: { type: 'wage', consecutiveMonths: 7 } },
      true,
      'working',
    ],
    [
      'wage work of unknown length',
      { kind: 'working', date: '2025-06-01', work: { type: 'wage' } },
      true,
      'working',
    ],
    ['work of unknown kind', { kind: 'working', date: '2025-06-01' }, true, 'working'],
  ])('%s', (_name, event, stops, endReason) => {
    const decision = lifeEventDecision(rule, event);
    expect(decision.stops).toBe(stops);
    expect(decision.endReason).toBe(endReason);
    expect(decision.reason.length).toBeGreaterThan(20);
    if (stops) expect(decision.reason).toContain('payments already made are kept');
    else expect(decision.reason).toContain('Permenaker 1/2025');
  });

  it('takes the work allowed from the table: a later amendment is a new row, not new code', () => {
    const amended: StagedScholarship = {
      ...rule,
      workExceptions: [
        ...rule.workExceptions,
        { from: '2030-01-01', maxConsecutiveWageMonths: 12, basis: 'a later amendment' },
      ],
    };
    const wage = (date: string): LifeEvent => ({
      kind: 'working',
      date,
      work: { type: 'wage', consecutiveMonths: 9 },
    });
    expect(lifeEventDecision(amended, wage('2029-12-31')).stops).toBe(true);
    const after = lifeEventDecision(amended, wage('2030-01-01'));
    expect(after.stops).toBe(false);
    expect(after.reason).toContain('at most 12');
    expect(after.reason).toContain('a later amendment');
  });
});
