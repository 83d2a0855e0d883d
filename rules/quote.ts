// The quote: every component of a case under the regulation in force on the event date, with reasons.
import { cashComponents } from './cash-benefits';
import { checkCase } from './check-case';
import { contributionMonths } from './contribution';
import { employerLiability } from './employer-liability';
import { arrearsPayout } from './employer-pays-first';
import { claimExpiry } from './expiry';
import { rupiah, sum } from './money';
import { regulationFor } from './regulations';
import type { Regulation } from './regulations/types';
import { scholarshipFor } from './scholarship';
import { isQuoteRequest } from './quote-request';
import type * as Schema from './schema';
import type { QuoteRequest, QuoteResponse } from './schema';

/**
 * The request as the schema parses it. A request the zod-free check accepts is what the schema would return; only
 * another loads the schema (and zod), to refuse it with its ZodError: workflow code that prices a case loads no zod.
 */
function parsedRequest(input: QuoteRequest): QuoteRequest {
  if (isQuoteRequest(input)) return input;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { quoteRequestSchema } = require('./schema') as typeof Schema;
  return quoteRequestSchema.parse(input);
}

/** Pure. Throws a ZodError for a malformed request and a RuleError for a case the rules refuse. */
export function quote(input: QuoteRequest): QuoteResponse {
  const request = parsedRequest(input);
  const regulation = regulationFor(request.eventDate);
  checkCase(request);
  const months = contributionMonths(request.membershipStartDate, request.eventDate);
  const children = request.children ?? [];
  const notes = [
    `${regulation.citation} applies: the event date ${request.eventDate} is on or after ${regulation.inForceFrom}.`,
    `Contribution period (masa iur): ${months} whole months from ${request.membershipStartDate} to ${request.eventDate}.`,
    ...caseNotes(regulation, request),
  ];

  const scholarship = scholarshipFor(regulation, {
    program: request.program,
    event: request.event,
    eventDate: request.eventDate,
    contributionMonths: months,
    children,
  });
  const components = [...cashComponents(regulation, request, request.monthlyWage), ...scholarship.components];
  const total = sum(components.map((component) => component.amount));

  const expiry = claimExpiry(regulation, request.program, request.eventDate, request.claimDate);
  if (expiry.expired) {
    const reason = expiry.reason ?? 'The claim has expired.';
    return {
      regulation: regulation.id,
      components: [],
      total: 0,
      expired: { reason },
      scholarship: {
        eligible: false,
        reason,
        total: 0,
        children: children.map((_, index) => ({ index, eligible: false, reason, total: 0, plan: [] })),
      },
      notes: [...notes, `Before it expired, the claim's cash benefit would have been ${rupiah(total)}.`],
    };
  }

  const { actualMonthlyWage } = request;
  const liability = employerLiability(regulation, {
    program: request.program,
    reportedWage: request.monthlyWage,
    benefitOnReportedWage: total,
    arrearsMonths: request.arrearsMonths,
    ...(actualMonthlyWage !== undefined && actualMonthlyWage > request.monthlyWage
      ? {
          actualWage: actualMonthlyWage,
          benefitOnActualWage: sum(
            [...cashComponents(regulation, request, actualMonthlyWage), ...scholarship.components].map(
              (c) => c.amount,
            ),
          ),
        }
      : {}),
  });
  if (scholarship.summary.total > 0) {
    notes.push(
      `The staged scholarship plan (${rupiah(scholarship.summary.total)}) is paid per school year on proof of enrolment and is not in the total.`,
    );
  }
  return {
    regulation: regulation.id,
    components,
    total,
    ...(liability ? { employerLiability: liability } : {}),
    scholarship: scholarship.summary,
    notes: [...notes, ...scholarship.notes],
  };
}

function caseNotes(regulation: Regulation, request: QuoteRequest): string[] {
  const notes: string[] = [];
  if (request.program === 'JKK') {
    notes.push(
      'Medical care is reimbursed against receipts without a ceiling and is not part of this quote.',
    );
  }
  if (request.actualMonthlyWage !== undefined && request.actualMonthlyWage < request.monthlyWage) {
    notes.push(
      `The actual wage of ${rupiah(request.actualMonthlyWage)} is below the reported ${rupiah(request.monthlyWage)}: benefits use the reported wage.`,
    );
  }
  // More than the limit is the employer's liability (employerLiability); the agency pays in every other case.
  const arrears = arrearsPayout(regulation, request.program, request.arrearsMonths ?? 0);
  if (arrears && !arrears.employerPaysFirst) notes.push(`${arrears.explanation} (${arrears.basis})`);
  return notes;
}
