import {
  claimPayeeNames,
  holderMatches,
  normaliseHolderName,
  scholarshipPayeeNames,
  type NamedHeir,
} from '../../rules';

describe('the account holder name rule', () => {
  it.each([
    ['Rina Hidayat', 'rina hidayat'],
    ['  RINA   hidayat ', 'rina hidayat'],
    ['Ibu Rina Hidayat, S.Pd.', 'rina hidayat'],
    ['Hj. Siti Aminah', 'siti aminah'],
    ['Dr. Ir. Budi Santoso, M.M.', 'budi santoso'],
    ["Ma'ruf Amin", 'maruf amin'],
    ['Siti-Nur Halimah', 'siti nur halimah'],
    ['José Ramírez', 'jose ramirez'],
    ['Bpk. Agus', 'agus'],
  ])('normalises %j to %j', (name, normalised) => {
    expect(normaliseHolderName(name)).toBe(normalised);
  });

  it('matches a holder written with titles, case and punctuation of their own', () => {
    expect(holderMatches('IBU RINA HIDAYAT', ['Rina Hidayat'])).toBe(true);
    expect(holderMatches('Rina Hidayat, S.E.', ['Hj. Rina  Hidayat'])).toBe(true);
  });

  it('refuses another person, a part of the name, or a name of titles only', () => {
    expect(holderMatches('Rudi Hartono', ['Rina Hidayat'])).toBe(false);
    expect(holderMatches('Rina', ['Rina Hidayat'])).toBe(false);
    expect(holderMatches('Rina Hidayat Putri', ['Rina Hidayat'])).toBe(false);
    expect(holderMatches('Ibu Dr.', ['Ibu'])).toBe(false);
    expect(holderMatches('Rina Hidayat', [])).toBe(false);
  });
});

const heirs: NamedHeir[] = [
  { name: 'Rina Hidayat', relationship: 'spouse', recipient: true },
  { name: 'Dewi Hidayat', relationship: 'child', recipient: true },
  { name: 'Slamet Hidayat', relationship: 'parent', recipient: false },
  { name: 'Agus Hidayat', relationship: 'sibling', recipient: false },
];

describe('who may hold the account', () => {
  it('is, for a claim, an heir who receives the benefit, not a lower rank', () => {
    expect(claimPayeeNames(heirs)).toEqual(['Rina Hidayat', 'Dewi Hidayat']);
  });

  it('is any heir on a claim ranked before heirs had recipients', () => {
    const unranked = heirs.map((heir) => ({ ...heir, recipient: false }));
    expect(claimPayeeNames(unranked)).toHaveLength(4);
  });

  it('is, for a scholarship, the child or the surviving parent, not an uncle while a parent lives', () => {
    expect(scholarshipPayeeNames('Dewi Hidayat', heirs)).toEqual(['Dewi Hidayat', 'Rina Hidayat']);
    expect(scholarshipPayeeNames(null, heirs)).toEqual(['Rina Hidayat']);
  });

  it('is, for an orphan, the child, a grandparent or an adult sibling named as an heir', () => {
    const orphan: NamedHeir[] = [
      { name: 'Dewi Hidayat', relationship: 'child', recipient: true },
      { name: 'Agus Hidayat', relationship: 'sibling', recipient: false },
      { name: 'Tono', relationship: 'other', recipient: false },
    ];
    expect(scholarshipPayeeNames('Dewi Hidayat', orphan)).toEqual(['Dewi Hidayat', 'Agus Hidayat']);
  });
});
