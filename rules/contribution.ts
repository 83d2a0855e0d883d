// Contribution period (masa iur): whole months from the membership start to the event.
import { wholeMonthsBetween } from './dates';
import { RuleError } from './errors';

/** Whole months from `membershipStartDate` to `eventDate`; "at least 3 years" means at least 36. */
export function contributionMonths(membershipStartDate: string, eventDate: string): number {
  if (membershipStartDate > eventDate) {
    throw new RuleError('membershipStartDate', `must not be after the event date ${eventDate}`);
  }
  return wholeMonthsBetween(membershipStartDate, eventDate);
}
