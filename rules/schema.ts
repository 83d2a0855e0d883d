// The quote contract: request and response, as strict zod schemas. Types are inferred from them.
import { z } from 'zod';
import { REGULATION_IDS, TRANSPORT_MODES } from './regulations/types';
import { PROGRAMS, type Program } from './programs';
import { GRADES, isValidGrade, SCHOOL_LEVELS } from './school';
import {
  ARREARS_MONTHS_MAX,
  CHILD_NAME_MAX,
  COMPONENT_CODES,
  DISABILITY_CODE_MAX,
  EVENTS,
  hasAtMostTwoDecimals,
  MAX_RUPIAH,
} from './quote-request';
import { isStorableText, TEXT_MESSAGE } from './text';

// The constants are defined in quote-request.ts (zod-free, for workflow code) and re-exported for the API's imports.
export { CHILD_NAME_MAX, COMPONENT_CODES, MAX_RUPIAH, type Program };

/** A free-text field of at most `max` characters that PostgreSQL can store (rules/text.ts, which workflows use). */
export function text(max: number) {
  return z.string().max(max).refine(isStorableText, TEXT_MESSAGE);
}

const REAL_DATE = 'must be a real calendar date written YYYY-MM-DD';
/** A real calendar date written YYYY-MM-DD (2023-02-30 is refused, and year 0000, which PostgreSQL has not). */
export const isoDate = z.iso.date({ error: REAL_DATE }).refine((date) => !date.startsWith('0000'), REAL_DATE);
const rupiahIn = z
  .int({ error: 'must be a whole number of rupiah' })
  .min(0, { error: 'must not be negative' })
  .max(MAX_RUPIAH, { error: `must be at most ${MAX_RUPIAH}` });
const rupiahOut = z.int().min(0);

const schoolingSchema = z
  .strictObject({
    level: z.enum(SCHOOL_LEVELS),
    grade: z.int({ error: 'must be a whole number' }),
  })
  .refine((schooling) => isValidGrade(schooling.level, schooling.grade), {
    path: ['grade'],
    error: (issue) => {
      const level = (issue.input as { level: keyof typeof GRADES }).level;
      return `must be ${GRADES[level].first}–${GRADES[level].last} for ${level}`;
    },
  });

export const quoteChildSchema = z.strictObject({
  name: text(CHILD_NAME_MAX).optional(),
  dateOfBirth: isoDate,
  registered: z.boolean().optional(),
  schooling: schoolingSchema.optional(),
  married: z.boolean().optional(),
  working: z.boolean().optional(),
});

const disabilitySchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        code: text(DISABILITY_CODE_MAX).min(1),
        functionLossPercent: z
          .number()
          .gt(0, { error: 'must be more than 0' })
          .max(100, { error: 'must be at most 100' })
          .refine(hasAtMostTwoDecimals, {
            error: 'must have at most two decimals',
          })
          .optional(),
      }),
    )
    .min(1, { error: 'must list at least one item' }),
  leftHanded: z.boolean().optional(),
});

const incapacitySchema = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((period) => period.to >= period.from, {
    path: ['to'],
    error: 'must not be before incapacity.from',
  });

export const quoteRequestSchema = z.strictObject({
  program: z.enum(PROGRAMS),
  event: z.enum(EVENTS),
  eventDate: isoDate,
  membershipStartDate: isoDate,
  claimDate: isoDate.optional(),
  monthlyWage: rupiahIn,
  actualMonthlyWage: rupiahIn.optional(),
  arrearsMonths: z
    .int({ error: 'must be a whole number of months' })
    .min(0)
    .max(ARREARS_MONTHS_MAX)
    .optional(),
  disability: disabilitySchema.optional(),
  incapacity: incapacitySchema.optional(),
  transport: z.array(z.strictObject({ mode: z.enum(TRANSPORT_MODES), amount: rupiahIn })).optional(),
  children: z.array(quoteChildSchema).optional(),
});

const benefitComponentSchema = z.strictObject({
  code: z.enum(COMPONENT_CODES),
  amount: rupiahOut,
  basis: z.string().min(1),
  explanation: z.string().min(1),
});

const planYearSchema = z.strictObject({
  schoolYear: z.string().regex(/^\d{4}\/\d{4}$/),
  level: z.enum(SCHOOL_LEVELS),
  grade: z.int(),
  amount: rupiahOut,
});

const childScholarshipSchema = z.strictObject({
  index: z.int().min(0),
  eligible: z.boolean(),
  reason: z.string(),
  total: rupiahOut,
  plan: z.array(planYearSchema),
});

const scholarshipSummarySchema = z.strictObject({
  eligible: z.boolean(),
  reason: z.string(),
  total: rupiahOut,
  children: z.array(childScholarshipSchema),
});

export const quoteResponseSchema = z.strictObject({
  regulation: z.enum(REGULATION_IDS),
  components: z.array(benefitComponentSchema),
  total: rupiahOut,
  expired: z.strictObject({ reason: z.string() }).optional(),
  employerLiability: z.strictObject({ amount: rupiahOut, reason: z.string() }).optional(),
  scholarship: scholarshipSummarySchema,
  notes: z.array(z.string()),
});

export type BenefitEvent = (typeof EVENTS)[number];
export type ComponentCode = (typeof COMPONENT_CODES)[number];
export type QuoteRequest = z.infer<typeof quoteRequestSchema>;
export type QuoteResponse = z.infer<typeof quoteResponseSchema>;
export type BenefitComponent = z.infer<typeof benefitComponentSchema>;
export type ScholarshipSummary = z.infer<typeof scholarshipSummarySchema>;
export type ChildScholarship = z.infer<typeof childScholarshipSchema>;
export type PlanYear = z.infer<typeof planYearSchema>;
export type Child = NonNullable<QuoteRequest['children']>[number];
export type Disability = NonNullable<QuoteRequest['disability']>;
export type Incapacity = NonNullable<QuoteRequest['incapacity']>;
export type TransportClaim = NonNullable<QuoteRequest['transport']>[number];
