import {
  benefitRecipients,
  heirsEntitled,
  needsCourtDetermination,
  PP44_2015,
  PP82_2019,
  recipientPositions,
  type HeirRelationship,
} from '../../rules';

const family = (...relationships: HeirRelationship[]) =>
  relationships.map((relationship, id) => ({ id, relationship }));

describe('heirs (ahli waris), in order', () => {
  it.each([
    [['spouse', 'parent', 'sibling'], 1, ['spouse']],
    [['child', 'child', 'grandchild'], 1, ['child', 'child']],
    [['parent', 'grandparent', 'sibling'], 2, ['parent', 'grandparent']],
    [['grandchild', 'parent_in_law'], 2, ['grandchild']],
    [['sibling', 'parent_in_law'], 3, ['sibling']],
    [['parent_in_law', 'will_beneficiary'], 4, ['parent_in_law']],
    [['will_beneficiary', 'funeral_payer'], 5, ['will_beneficiary']],
  ] as [HeirRelationship[], number, HeirRelationship[]][])(
    'gives the benefit to the first rank present: %j → rank %i',
    (members, rank, heirs) => {
      const decision = heirsEntitled(family(...members));
      expect(decision.rank).toBe(rank);
      expect(decision.heirs.map((h) => h.relationship)).toEqual(heirs);
      expect(decision.remainderToFund).toBe(false);
    },
  );

  it('passes over a family member who has died', () => {
    const decision = heirsEntitled([{ relationship: 'spouse', deceased: true }, { relationship: 'parent' }]);
    expect(decision.rank).toBe(2);
  });

  it('with no heir, gives the funeral cost to whoever paid for it and the rest to the fund', () => {
    const decision = heirsEntitled(family('funeral_payer'));
    expect(decision).toMatchObject({ rank: 6, heirs: [], remainderToFund: true });
    expect(decision.funeralCostTo.map((m) => m.relationship)).toEqual(['funeral_payer']);
  });

  it('says that relatives outside the order need a court determination', () => {
    const decision = heirsEntitled(family('other'));
    expect(decision).toMatchObject({ rank: 6, heirs: [], funeralCostTo: [], remainderToFund: true });
    expect(decision.explanation).toContain('court determination');
  });
});

const components = [
  { code: 'lump_sum', amount: 20_000_000 },
  { code: 'periodic', amount: 12_000_000 },
  { code: 'funeral', amount: 10_000_000 },
];

describe('who receives the benefit (benefitRecipients)', () => {
  it('gives everything to the highest rank present, wherever its heirs are listed', () => {
    const r = benefitRecipients(PP82_2019, 'JKM', family('sibling', 'other', 'spouse', 'child'), components);
    expect(r).toMatchObject({
      rank: 1,
      heirs: [
        { position: 3, relationship: 'spouse' },
        { position: 4, relationship: 'child' },
      ],
      receives: { components: ['lump_sum', 'periodic', 'funeral'], amount: 42_000_000 },
      toFund: null,
      courtDetermination: false,
    });
    expect(r.explanation).toMatch(/^Rank 1: the widow or widower and the children receive \(2\)/);
  });

  it('names the heirs by position and relationship only, never by name or national ID', () => {
    const heirs = [
      { name: 'Adik', nik: '3201010101010001', relationship: 'sibling' as const },
      { name: 'Istri', nik: '3201010101010002', relationship: 'spouse' as const },
    ];
    const r = benefitRecipients(PP82_2019, 'JKM', heirs, components);
    expect(r.heirs).toEqual([{ position: 2, relationship: 'spouse' }]);
    expect(JSON.stringify(r)).not.toMatch(/Istri|Adik|320101/);
  });

  it.each([
    ['JKM', PP82_2019, 'PP 44/2015 Pasal 40(2)'],
    ['JKK', PP82_2019, 'PP 44/2015 Pasal 37(5)'],
    ['JKM', PP44_2015, 'PP 44/2015 Pasal 40(2)'],
    ['JKK', PP44_2015, 'PP 44/2015 Pasal 37(5)'],
  ] as const)('cites the order of heirs for %s under %s', (program, regulation, article) => {
    const r = benefitRecipients(regulation, program, family('parent'), components);
    expect(r.rank).toBe(2);
    expect(r.basis).toContain(article);
  });

  it('gives a will beneficiary everything when no relative of ranks 1–4 is listed', () => {
    const r = benefitRecipients(PP82_2019, 'JKM', family('funeral_payer', 'will_beneficiary'), components);
    expect(r).toMatchObject({ rank: 5, heirs: [{ position: 2 }], toFund: null, courtDetermination: false });
    expect(r.receives.amount).toBe(42_000_000);
  });

  it('with no heir of the order, gives the funeral payer the funeral cost and the rest to the fund', () => {
    const r = benefitRecipients(PP82_2019, 'JKM', family('other', 'funeral_payer'), components);
    expect(r).toMatchObject({
      rank: 6,
      heirs: [{ position: 2, relationship: 'funeral_payer' }],
      receives: { components: ['funeral'], amount: 10_000_000 },
      toFund: { components: ['lump_sum', 'periodic'], amount: 32_000_000 },
      courtDetermination: true,
    });
    expect(r.explanation).toContain('social-security fund');
  });

  it('with only relatives outside the order, gives no one anything until a court determines the heirs', () => {
    const r = benefitRecipients(PP82_2019, 'JKM', family('other', 'other'), components);
    expect(r).toMatchObject({
      rank: 6,
      heirs: [],
      receives: { components: [], amount: 0 },
      toFund: { amount: 42_000_000 },
      courtDetermination: true,
    });
    expect(r.explanation).toContain('court determination');
  });
});

describe('the recipient flag and the court determination', () => {
  it.each([
    [['sibling', 'spouse'], [2], false],
    [['spouse', 'child', 'parent'], [1, 2], false],
    [['other', 'grandchild', 'sibling'], [2], false],
    [['will_beneficiary', 'other'], [1], false],
    [['other', 'funeral_payer'], [2], true],
    [['other'], [], true],
  ] as [HeirRelationship[], number[], boolean][])(
    '%j: receiving positions %j, court determination needed: %s',
    (members, positions, court) => {
      expect(recipientPositions(family(...members))).toEqual(positions);
      expect(needsCourtDetermination(family(...members))).toBe(court);
    },
  );
});
