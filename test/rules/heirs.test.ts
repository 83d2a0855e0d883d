import { heirsEntitled, type HeirRelationship } from '../../rules';

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
