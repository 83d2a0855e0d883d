// The shape of one regulation version. Every amount, rate, cap and legal citation is data in a table.
import type { SchoolLevel } from '../school';

export const REGULATION_IDS = ['PP44-2015', 'PP82-2019'] as const;
type RegulationId = (typeof REGULATION_IDS)[number];

export const TRANSPORT_MODES = ['land', 'sea', 'air'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/** A benefit paid as `months` monthly amounts at once (santunan berkala). */
export interface Periodic {
  monthly: number;
  months: number;
}

/** STMB tiers in order; `months: null` means until recovery. */
export interface IncapacityTier {
  months: number | null;
  percent: number;
}

export interface PartialDisabilityEntry {
  code: string;
  label: string;
  /** Percent of 80 × wage; may carry decimals (two at most). */
  percent: number;
  /** The mirror-image entry whose percent applies instead for a left-handed worker. */
  swapsForLeftHandedWith?: string;
}

interface ScholarshipLevel {
  level: SchoolLevel;
  amountPerYear: number;
  maxYears: number;
}

interface ScholarshipCommon {
  /** Minimum contribution period for a JKM death; a JKK death or total disability needs none. */
  jkmMinContributionMonths: number;
  maxChildren: number;
  /** A child of this age or older on the event date does not qualify. */
  ageLimit: number;
}

/**
 * Work a child still studying may do without losing the scholarship, for life events on or after `from`
 * (Permenaker 1/2025): self-employment, an apprenticeship, and wage work of at most `maxConsecutiveWageMonths`.
 */
interface ScholarshipWorkException {
  from: string;
  maxConsecutiveWageMonths: number;
  basis: string;
}

/** Staged: paid per school year for the level attended. */
export interface StagedScholarship extends ScholarshipCommon {
  /** In force from their dates, oldest first; before the first one, any work ends the scholarship. */
  workExceptions: readonly ScholarshipWorkException[];
  kind: 'staged';
  levels: readonly ScholarshipLevel[];
  perChildCap: number;
  /** A child not at school starts TK in the first school year beginning on or after this birthday. */
  unschooledStartAge: number;
  /** Payments of staged scholarships began on this date (procedure, not entitlement). */
  paymentsBeganOn: string;
}

/** One payment, included in the cash total. */
export interface LumpSumScholarship extends ScholarshipCommon {
  kind: 'lump_sum';
  amount: number;
}

type BasisTopic =
  | 'jkm_lump_sum'
  | 'jkm_periodic'
  | 'jkm_funeral'
  | 'jkk_death'
  | 'jkk_periodic'
  | 'jkk_funeral'
  | 'total_disability'
  | 'partial_disability'
  | 'temporary_incapacity'
  | 'transport'
  | 'scholarship'
  | 'claim_expiry'
  | 'employer_liability'
  | 'jkk_arrears'
  | 'jkm_arrears'
  | 'jkm_heirs'
  | 'jkk_heirs';

export interface Regulation {
  id: RegulationId;
  /** As cited in a basis, e.g. 'PP 82/2019'. */
  citation: string;
  /** First event date the version governs; it governs until the next version's first date. */
  inForceFrom: string;
  jkm: {
    /** santunan sekaligus */
    lumpSum: number;
    periodic: Periodic;
    /** biaya pemakaman */
    funeral: number;
  };
  jkk: {
    /** Factor applied to the wage in every compensation formula: "… × 80 × wage". */
    wageFactor: number;
    deathPercent: number;
    /** Death compensation is never less than this (the version's JKM lump sum). */
    deathMinimum: number;
    funeral: number;
    periodic: Periodic;
    totalDisabilityPercent: number;
    totalDisabilityPeriodic: Periodic;
    partialDisabilityTable: readonly PartialDisabilityEntry[];
    incapacityTiers: readonly IncapacityTier[];
    transportCaps: Readonly<Record<TransportMode, number>>;
    claimExpiryYears: number;
    /** Arrears beyond this many months: the employer pays first and is reimbursed later. */
    arrearsAgencyPaysUpToMonths: number;
  };
  scholarship: StagedScholarship | LumpSumScholarship;
  basis: Readonly<Record<BasisTopic, string>>;
}
