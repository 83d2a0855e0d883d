// Strict schemas for the scholarship routes; the OpenAPI document is generated from them too.
import { z } from 'zod';
import { LIFE_EVENT_KINDS, WORK_TYPES } from '../../rules/scholarship-life-events';
import { GRADES, SCHOOL_LEVELS } from '../../rules';
import { CHILDREN_MAX, DOCUMENT_REFERENCE_MAX, INSTITUTION_MAX, NOTE_MAX } from '../../vocabulary/limits';
import { isoDate, scholarshipId, text } from '../../vocabulary/primitives';
import { PROOF_REVIEW_DECISIONS } from '../../vocabulary/messages/scholarship';

export const scholarshipIdParam = z.strictObject({ id: scholarshipId });

/** A school year in a path: the calendar year it starts in (2027 for 2027/2028), as a slash cannot be in a path. */
export const enrollmentYearParam = z.strictObject({
  id: scholarshipId,
  year: z
    .string()
    .regex(/^\d{4}$/, 'must be the year the school year starts in, such as 2027 for 2027/2028')
    .describe('The calendar year the school year starts in: 2027 for 2027/2028'),
});

export const proofReviewBody = z.strictObject({
  decision: z
    .enum(PROOF_REVIEW_DECISIONS)
    .describe('confirm: the year is paid; reject: the family may send another proof'),
  reason: text(NOTE_MAX).trim().min(1, 'must give a reason').describe('Told to the family when rejected'),
});

const schoolYear = z
  .string()
  .regex(/^\d{4}\/\d{4}$/, 'must be a school year such as 2027/2028')
  .refine(
    (v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1,
    'must be two consecutive years, such as 2027/2028',
  );

export const enrollmentBody = z
  .strictObject({
    schoolYear: schoolYear.describe('The school year the proof is for (July to June)'),
    level: z
      .enum(SCHOOL_LEVELS)
      .describe('TK, SD, SMP, SMA (or SMK), PT (higher education or vocational training)'),
    grade: z
      .number()
      .int('must be a whole number')
      .min(1)
      .max(12)
      .describe('National numbering: SMP 7–9, SMA 10–12'),
    institution: text(INSTITUTION_MAX).trim().min(1, 'must name the school'),
    documentReference: text(DOCUMENT_REFERENCE_MAX).trim().min(1, 'must give the reference of the proof'),
    graduated: z.boolean().default(false).describe('The final year of higher education'),
  })
  .superRefine((body, ctx) => {
    const { first, last } = GRADES[body.level];
    if (body.grade < first || body.grade > last) {
      ctx.addIssue({
        code: 'custom',
        path: ['grade'],
        message: `must be ${first}–${last} for ${body.level}`,
      });
    }
  });

export const lifeEventBody = z
  .strictObject({
    kind: z.enum(LIFE_EVENT_KINDS),
    date: isoDate.describe('When it happened'),
    work: z
      .strictObject({
        type: z.enum(WORK_TYPES),
        consecutiveMonths: z.number().int().min(1).max(600).optional(),
      })
      .optional()
      .describe(
        'For "working": wage work for at most 6 consecutive months, self-employment or an apprenticeship do not stop the scholarship',
      ),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'working' && !body.work) {
      ctx.addIssue({ code: 'custom', path: ['work'], message: 'is required when kind is working' });
    }
    if (body.work?.type === 'wage' && body.work.consecutiveMonths === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['work', 'consecutiveMonths'],
        message: 'is required for wage work',
      });
    }
  });

export const scholarshipChoiceBody = z.strictObject({
  children: z
    .array(z.number().int().min(1).max(CHILDREN_MAX))
    .min(1)
    .max(CHILDREN_MAX)
    .refine((positions) => new Set(positions).size === positions.length, 'must not repeat a child')
    .describe("The children's positions on the claim (1 = the first child listed)"),
  reason: text(NOTE_MAX).trim().optional(),
});
