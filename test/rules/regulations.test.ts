import { quote, REGULATION_IDS, REGULATIONS, regulationFor, RuleError } from '../../rules';
import { jkmDeath, thrown } from './factories';

describe('regulation by event date', () => {
  it.each([
    ['2015-07-01', 'PP44-2015'],
    ['2018-05-10', 'PP44-2015'],
    ['2019-12-01', 'PP44-2015'],
    ['2019-12-02', 'PP82-2019'],
    ['2026-01-15', 'PP82-2019'],
  ])('applies the version in force on %s: %s', (eventDate, id) => {
    expect(regulationFor(eventDate).id).toBe(id);
    expect(quote(jkmDeath({ eventDate, membershipStartDate: '2015-01-01' })).regulation).toBe(id);
  });

  it('refuses an event before 1 July 2015, naming eventDate', () => {
    const err = thrown(() => regulationFor('2015-06-30'));
    expect(err).toBeInstanceOf(RuleError);
    expect((err as RuleError).field).toBe('eventDate');
    expect((err as RuleError).message).toContain('2015-07-01');
    const fromQuote = thrown(() =>
      quote(jkmDeath({ eventDate: '2015-06-30', membershipStartDate: '2015-01-01' })),
    );
    expect((fromQuote as RuleError).field).toBe('eventDate');
  });

  it('keeps one table per version, oldest first, each with a known id', () => {
    expect(REGULATIONS.map((r) => r.id)).toEqual([...REGULATION_IDS]);
    const starts = REGULATIONS.map((r) => r.inForceFrom);
    expect([...starts].sort()).toEqual(starts);
  });
});
