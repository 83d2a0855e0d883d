// Claim expiry: a JKK claim expires a number of years after the accident, set by the regulation in force
// on the event date. JKM claims have no expiry in these rules.
import { addYears } from './dates';
import type { Regulation } from './regulations/types';
import type { Program } from './schema';

export interface ClaimExpiry {
  /** The last day a claim can be made; null when the claim does not expire. */
  lastDay: string | null;
  expired: boolean;
  reason?: string;
}

export function claimExpiry(
  regulation: Regulation,
  program: Program,
  eventDate: string,
  claimDate?: string,
): ClaimExpiry {
  if (program !== 'JKK') return { lastDay: null, expired: false };
  const years = regulation.jkk.claimExpiryYears;
  const lastDay = addYears(eventDate, years);
  if (claimDate === undefined || claimDate <= lastDay) return { lastDay, expired: false };
  return {
    lastDay,
    expired: true,
    reason: `The JKK claim of ${claimDate} is more than ${years} years after the accident of ${eventDate} (${regulation.citation}): it expired after ${lastDay}.`,
  };
}
