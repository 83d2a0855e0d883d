// PP 82/2019, amending PP 44/2015: events from 2 December 2019.
import { PARTIAL_DISABILITY_TABLE } from './partial-disability-table';
import type { Regulation } from './types';
import { SCHOOL_ENTRY_AGES } from '../school-ages';

export const PP82_2019: Regulation = {
  id: 'PP82-2019',
  citation: 'PP 82/2019',
  inForceFrom: '2019-12-02',
  jkm: {
    lumpSum: 20_000_000,
    periodic: { monthly: 500_000, months: 24 },
    funeral: 10_000_000,
  },
  jkk: {
    wageFactor: 80,
    deathPercent: 60,
    deathMinimum: 20_000_000,
    funeral: 10_000_000,
    periodic: { monthly: 500_000, months: 24 },
    totalDisabilityPercent: 70,
    totalDisabilityPeriodic: { monthly: 500_000, months: 24 },
    partialDisabilityTable: PARTIAL_DISABILITY_TABLE,
    incapacityTiers: [
      { months: 12, percent: 100 },
      { months: null, percent: 50 },
    ],
    transportCaps: { land: 5_000_000, sea: 2_000_000, air: 10_000_000 },
    claimExpiryYears: 5,
    arrearsAgencyPaysUpToMonths: 3,
  },
  scholarship: {
    kind: 'staged',
    jkmMinContributionMonths: 36,
    maxChildren: 2,
    ageLimit: 23,
    // A child not at school is expected in TK at the youngest age TK admits (Permendikbud 1/2021).
    unschooledStartAge: SCHOOL_ENTRY_AGES.TK.from,
    paymentsBeganOn: '2021-04-01',
    // Assumed in force for life events from 1 January 2025 (DOMAIN.md: "since 2025").
    workExceptions: [{ from: '2025-01-01', maxConsecutiveWageMonths: 6, basis: 'Permenaker 1/2025' }],
    perChildCap: 87_000_000,
    levels: [
      { level: 'TK', amountPerYear: 1_500_000, maxYears: 2 },
      { level: 'SD', amountPerYear: 1_500_000, maxYears: 6 },
      { level: 'SMP', amountPerYear: 2_000_000, maxYears: 3 },
      { level: 'SMA', amountPerYear: 3_000_000, maxYears: 3 },
      { level: 'PT', amountPerYear: 12_000_000, maxYears: 5 },
    ],
  },
  // No article numbers: the sources at hand do not give them reliably.
  basis: {
    jkm_lump_sum: 'PP 82/2019 (JKM lump sum, santunan sekaligus)',
    jkm_periodic: 'PP 82/2019 (JKM periodic benefit, santunan berkala)',
    jkm_funeral: 'PP 82/2019 (JKM funeral cost, biaya pemakaman)',
    jkk_death: 'PP 82/2019 (JKK death compensation: 60% × 80 × wage, at least the JKM lump sum)',
    jkk_periodic: 'PP 82/2019 (JKK periodic benefit, santunan berkala)',
    jkk_funeral: 'PP 82/2019 (JKK funeral cost, biaya pemakaman)',
    total_disability: 'PP 82/2019 (JKK permanent total disability: 70% × 80 × wage)',
    partial_disability:
      'PP 82/2019 (JKK partial disability: table % × 80 × wage); table: PP 44/2015, annex III',
    temporary_incapacity: 'PP 82/2019 (JKK temporary incapacity, STMB)',
    transport: 'PP 82/2019 (JKK transport, capped per mode)',
    scholarship: 'PP 82/2019 (scholarship); Permenaker 5/2021 as amended by Permenaker 1/2025',
    claim_expiry: 'PP 82/2019 (JKK claim expires 5 years after the accident)',
    employer_liability: 'PP 44/2015 as amended by PP 82/2019 (employer obligations)',
    jkk_arrears:
      'PP 44/2015 as amended by PP 82/2019 (JKK contributions more than 3 months in arrears at the accident: the employer pays the benefits first and is reimbursed after settling the arrears and fines)',
    jkm_arrears:
      'PP 44/2015 as amended by PP 82/2019 (JKM is due when the membership is active at death; the arrears rule covers JKK contributions only)',
    // Assumed unchanged by PP 82/2019: no source at hand shows it amending PP 44/2015 Pasal 37(5) or 40(2).
    jkm_heirs: 'PP 44/2015 Pasal 40(2) (heirs of a JKM death, in order)',
    jkk_heirs: 'PP 44/2015 Pasal 37(5) (heirs of a JKK death, in order)',
  },
};
