// Who receives which part of a death benefit: the heirs of the highest rank present on the claim (heirs.ts), or,
// with none, the funeral cost to whoever paid for the funeral and the rest to the social-security fund.
import { HEIR_ORDER, heirsEntitled, type FamilyMember, type HeirRelationship } from './heirs';
import type { Program } from './programs';
import type { Regulation } from './regulations/types';

/** Part of a benefit: its component codes and their sum. */
interface BenefitShare {
  components: string[];
  amount: number;
}

/** An heir who receives, by position on the claim (from 1): never a name or a national ID. */
interface RecipientHeir {
  position: number;
  relationship: HeirRelationship;
}

export interface BenefitRecipients {
  /** 1–5: a rank of the order; 6: no heir of the order (funeral cost to its payer, the rest to the fund). */
  rank: number;
  /** Who receives; with more than one, they receive `receives` together. */
  heirs: RecipientHeir[];
  receives: BenefitShare;
  /** Rank 6: what goes to the social-security fund (Dana Jaminan Sosial) instead of anyone on the claim. */
  toFund: BenefitShare | null;
  /** No heir of ranks 1–5: a court determination of heirs (penetapan ahli waris) must be on file. */
  courtDetermination: boolean;
  basis: string;
  explanation: string;
}

/** The components rank 6 gives to whoever paid for the funeral. */
const FUNERAL_COMPONENTS: readonly string[] = ['funeral'];

type Numbered = FamilyMember & { position: number };

function numbered(members: readonly FamilyMember[]): Numbered[] {
  return members.map((m, i) => ({ position: i + 1, relationship: m.relationship, deceased: m.deceased }));
}

function share(components: readonly { code: string; amount: number }[]): BenefitShare {
  return {
    components: components.map((c) => c.code),
    amount: components.reduce((sum, c) => sum + c.amount, 0),
  };
}

/** True when no one of ranks 1–5 is on the claim: only relatives outside the order, or a funeral payer. */
export function needsCourtDetermination(members: readonly FamilyMember[]): boolean {
  return heirsEntitled(members).rank > HEIR_ORDER.length;
}

/** Positions (from 1) of the members who receive anything: the highest rank present, or rank 6's funeral payers. */
export function recipientPositions(members: readonly FamilyMember[]): number[] {
  const decision = heirsEntitled(numbered(members));
  return [...decision.heirs, ...decision.funeralCostTo].map((m) => m.position);
}

/** Who receives each component of the benefit, under the heirs' article of the regulation in force. */
export function benefitRecipients(
  regulation: Regulation,
  program: Program,
  members: readonly FamilyMember[],
  components: readonly { code: string; amount: number }[],
): BenefitRecipients {
  const decision = heirsEntitled(numbered(members));
  const ranked = decision.rank <= HEIR_ORDER.length;
  const receiving = ranked ? decision.heirs : decision.funeralCostTo;
  const theirs = ranked
    ? components
    : components.filter((c) => receiving.length > 0 && FUNERAL_COMPONENTS.includes(c.code));
  const fund = components.filter((c) => !theirs.includes(c));
  return {
    rank: decision.rank,
    heirs: receiving.map((m) => ({ position: m.position, relationship: m.relationship })),
    receives: share(theirs),
    toFund: decision.remainderToFund ? share(fund) : null,
    courtDetermination: !ranked,
    basis: regulation.basis[program === 'JKK' ? 'jkk_heirs' : 'jkm_heirs'],
    explanation: decision.explanation,
  };
}
