import { PP82_2019, quote, transportLines } from '../../rules';
import { amounts, jkkCase } from './factories';

const transport = (eventDate: string, claims: { mode: 'land' | 'sea' | 'air'; amount: number }[]) =>
  quote(
    jkkCase('temporary_incapacity', {
      eventDate,
      membershipStartDate: '2015-01-01',
      incapacity: { from: eventDate, to: eventDate },
      transport: claims,
    }),
  );

describe('JKK transport, capped per mode', () => {
  it.each([
    ['PP82-2019', '2024-03-01', 'land', 6_000_000, 5_000_000],
    ['PP82-2019', '2024-03-01', 'land', 4_000_000, 4_000_000],
    ['PP82-2019', '2024-03-01', 'sea', 3_000_000, 2_000_000],
    ['PP82-2019', '2024-03-01', 'air', 12_000_000, 10_000_000],
    ['PP44-2015', '2018-05-10', 'land', 2_000_000, 1_000_000],
    ['PP44-2015', '2018-05-10', 'sea', 2_000_000, 1_500_000],
    ['PP44-2015', '2018-05-10', 'air', 3_000_000, 2_500_000],
  ] as const)(
    'caps transport under %s (event %s), %s: %i claimed → %i paid',
    (_id, eventDate, mode, claimed, paid) => {
      expect(amounts(transport(eventDate, [{ mode, amount: claimed }])).transport).toBe(paid);
    },
  );

  it('caps each mode on its own and adds the modes', () => {
    const response = transport('2024-03-01', [
      { mode: 'land', amount: 3_000_000 },
      { mode: 'land', amount: 3_000_000 },
      { mode: 'sea', amount: 1_500_000 },
      { mode: 'air', amount: 12_000_000 },
    ]);
    expect(amounts(response).transport).toBe(16_500_000);
    const explanation = response.components.find((c) => c.code === 'transport')?.explanation;
    expect(explanation).toContain('land/river/lake Rp 6,000,000 claimed, capped at Rp 5,000,000');
    expect(explanation).toContain('sea Rp 1,500,000 claimed, within the cap of Rp 2,000,000');
  });

  it('reports the claimed, cap and paid amount per mode', () => {
    expect(transportLines(PP82_2019, [{ mode: 'air', amount: 12_000_000 }])).toEqual([
      { mode: 'air', claimed: 12_000_000, cap: 10_000_000, paid: 10_000_000 },
    ]);
  });
});
