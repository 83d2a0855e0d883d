import { claimExpiry, PP44_2015, PP82_2019, quote, regulationFor } from '../../rules';
import { jkkCase, jkmDeath } from './factories';

describe('claim expiry', () => {
  it.each([
    ['2020-01-10', '2025-01-10', '2025-01-10', false],
    ['2020-01-10', '2025-01-11', '2025-01-10', true],
    ['2019-12-02', '2024-12-03', '2024-12-02', true],
    ['2019-12-01', '2021-12-01', '2021-12-01', false],
    ['2019-12-01', '2021-12-02', '2021-12-01', true],
    ['2018-05-10', '2020-05-11', '2020-05-10', true],
  ])(
    'expires a JKK claim 5 years after the accident, 2 years for events before 2 Dec 2019 (event %s, claim %s)',
    (eventDate, claimDate, lastDay, expired) => {
      const result = claimExpiry(regulationFor(eventDate), 'JKK', eventDate, claimDate);
      expect(result).toMatchObject({ lastDay, expired });
    },
  );

  it('does not expire a JKM claim', () => {
    expect(claimExpiry(PP82_2019, 'JKM', '2020-01-10', '2040-01-01')).toEqual({
      lastDay: null,
      expired: false,
    });
    expect(claimExpiry(PP44_2015, 'JKM', '2018-01-10', '2040-01-01').expired).toBe(false);
  });

  it('quotes an expired claim with expired set, no components and a total of 0', () => {
    const response = quote(
      jkkCase('death', {
        eventDate: '2018-05-10',
        membershipStartDate: '2015-01-01',
        claimDate: '2021-01-01',
        children: [{ dateOfBirth: '2015-01-01' }],
      }),
    );
    expect(response.expired?.reason).toContain('more than 2 years');
    expect(response.components).toEqual([]);
    expect(response.total).toBe(0);
    expect(response.scholarship).toMatchObject({ eligible: false, total: 0 });
    expect(response.notes.some((note) => note.includes('Rp 259,800,000'))).toBe(true);
  });

  it('quotes a JKM claim made long after the death in full', () => {
    const response = quote(jkmDeath({ claimDate: '2034-03-01' }));
    expect(response.expired).toBeUndefined();
    expect(response.total).toBe(42_000_000);
  });

  it('refuses a claim date before the event', () => {
    expect(() => quote(jkmDeath({ claimDate: '2024-02-29' }))).toThrow(/must not be before the event date/);
  });
});
