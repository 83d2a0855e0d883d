// PP 44/2015: events from 1 July 2015 to 1 December 2019.
import { PARTIAL_DISABILITY_TABLE } from './partial-disability-table';
import type { Regulation } from './types';

export const PP44_2015: Regulation = {
  id: 'PP44-2015',
  citation: 'PP 44/2015',
  inForceFrom: '2015-07-01',
  jkm: {
    lumpSum: 16_200_000,
    periodic: { monthly: 200_000, months: 24 },
    funeral: 3_000_000,
  },
  jkk: {
    wageFactor: 80,
    deathPercent: 60,
    // "At least the JKM lump sum": this version's JKM lump sum, 16,200,000 (not the later 20,000,000).
    deathMinimum: 16_200_000,
    funeral: 3_000_000,
    periodic: { monthly: 200_000, months: 24 },
    totalDisabilityPercent: 70,
    // Assumed to follow this version's periodic benefit (24 × 200,000), as the later version's follows its own.
    totalDisabilityPeriodic: { monthly: 200_000, months: 24 },
    partialDisabilityTable: PARTIAL_DISABILITY_TABLE,
    incapacityTiers: [
      { months: 6, percent: 100 },
      { months: 6, percent: 75 },
      { months: null, percent: 50 },
    ],
    transportCaps: { land: 1_000_000, sea: 1_500_000, air: 2_500_000 },
    claimExpiryYears: 2,
    arrearsAgencyPaysUpToMonths: 3,
  },
  scholarship: {
    kind: 'lump_sum',
    amount: 12_000_000,
    jkmMinContributionMonths: 60,
    maxChildren: 1,
    ageLimit: 23,
  },
  basis: {
    jkm_lump_sum: 'PP 44/2015 (JKM lump sum, santunan sekaligus)',
    jkm_periodic: 'PP 44/2015 (JKM periodic benefit, santunan berkala)',
    jkm_funeral: 'PP 44/2015 (JKM funeral cost, biaya pemakaman)',
    jkk_death: 'PP 44/2015 (JKK death compensation: 60% × 80 × wage, at least the JKM lump sum)',
    jkk_periodic: 'PP 44/2015 (JKK periodic benefit, santunan berkala)',
    jkk_funeral: 'PP 44/2015 (JKK funeral cost, biaya pemakaman)',
    total_disability: 'PP 44/2015 (JKK permanent total disability: 70% × 80 × wage)',
    partial_disability: 'PP 44/2015 (JKK partial disability: table % × 80 × wage; table in annex III)',
    temporary_incapacity: 'PP 44/2015 (JKK temporary incapacity, STMB)',
    transport: 'PP 44/2015 (JKK transport, capped per mode)',
    scholarship: 'PP 44/2015 (scholarship lump sum for one child)',
    claim_expiry: 'PP 44/2015 (JKK claim expires 2 years after the accident)',
    employer_liability: 'PP 44/2015 (employer obligations)',
    // No article numbers: the sources at hand (DOMAIN.md, "Procedure, deadlines, liabilities") give none.
    jkk_arrears:
      'PP 44/2015 (JKK contributions more than 3 months in arrears at the accident: the employer pays the benefits first and is reimbursed after settling the arrears and fines)',
    jkm_arrears:
      'PP 44/2015 (JKM is due when the membership is active at death; the arrears rule covers JKK contributions only)',
    // The order of heirs as published in PP 44/2015's text: Pasal 40(2) for JKM, Pasal 37(5) for a JKK death.
    jkm_heirs: 'PP 44/2015 Pasal 40(2) (heirs of a JKM death, in order)',
    jkk_heirs: 'PP 44/2015 Pasal 37(5) (heirs of a JKK death, in order)',
  },
};
