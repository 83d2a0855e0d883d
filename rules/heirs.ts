// Heirs (ahli waris): who receives a death benefit, by order of rank. A rank takes everything when
// anyone in it is alive; the next rank is reached only when the earlier ones are all empty.

export const HEIR_RELATIONSHIPS = [
  'spouse', // widow or widower
  'child',
  'parent',
  'grandparent',
  'grandchild',
  'sibling',
  'parent_in_law',
  'will_beneficiary', // named in a notarial will
  'funeral_payer', // whoever paid for the funeral
  'other',
] as const;
export type HeirRelationship = (typeof HEIR_RELATIONSHIPS)[number];

/** Ranks 1–5 in order. */
export const HEIR_ORDER: readonly (readonly HeirRelationship[])[] = [
  ['spouse', 'child'],
  ['parent', 'grandparent', 'grandchild'],
  ['sibling'],
  ['parent_in_law'],
  ['will_beneficiary'],
];

export interface FamilyMember {
  relationship: HeirRelationship;
  deceased?: boolean;
}

export interface HeirsDecision<T extends FamilyMember> {
  /** 1–5 for a rank of the order; 6 when none is left (funeral cost to its payer, the rest to the fund). */
  rank: number;
  heirs: T[];
  /** Rank 6 only: who receives the funeral cost. */
  funeralCostTo: T[];
  /** Rank 6 only: the rest goes to the social-security fund. */
  remainderToFund: boolean;
  explanation: string;
}

const RANK_NAMES = [
  'the widow or widower and the children',
  'the parents, grandparents and grandchildren',
  'the siblings',
  'the parents-in-law',
  'the person named in a notarial will',
];

export function heirsEntitled<T extends FamilyMember>(familyMembers: readonly T[]): HeirsDecision<T> {
  const living = familyMembers.filter((member) => !member.deceased);
  const others = living.filter((member) => member.relationship === 'other').length;
  const court =
    others > 0
      ? ` ${others} relative(s) outside the order need a court determination to receive anything.`
      : '';
  for (const [i, relationships] of HEIR_ORDER.entries()) {
    const heirs = living.filter((member) => relationships.includes(member.relationship));
    if (heirs.length > 0) {
      const before = i === 0 ? '' : ' as no one of an earlier rank is alive';
      return {
        rank: i + 1,
        heirs,
        funeralCostTo: [],
        remainderToFund: false,
        explanation: `Rank ${i + 1}: ${RANK_NAMES[i]} receive (${heirs.length})${before}.${court}`,
      };
    }
  }
  const payers = living.filter((member) => member.relationship === 'funeral_payer');
  return {
    rank: HEIR_ORDER.length + 1,
    heirs: [],
    funeralCostTo: payers,
    remainderToFund: true,
    explanation: `No heir of ranks 1–${HEIR_ORDER.length}: ${
      payers.length > 0
        ? 'the funeral cost goes to whoever paid for the funeral and'
        : 'no funeral payer is known;'
    } the rest goes to the social-security fund.${court}`,
  };
}
