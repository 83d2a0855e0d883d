// The regulation versions, oldest first. To add one: write its table (see types.ts), add its id to
// REGULATION_IDS, and append it here. regulationFor then picks it for events from its first date.
import { isIsoDate } from '../dates';
import { RuleError } from '../errors';
import { PP44_2015 } from './pp44-2015';
import { PP82_2019 } from './pp82-2019';
import type { Regulation } from './types';

export const REGULATIONS: readonly Regulation[] = [PP44_2015, PP82_2019];

/** The version in force on the event date (date of death, accident or diagnosis). */
export function regulationFor(eventDate: string): Regulation {
  if (!isIsoDate(eventDate))
    throw new RuleError('eventDate', 'must be a real calendar date written YYYY-MM-DD');
  const regulation = REGULATIONS.filter((version) => version.inForceFrom <= eventDate).at(-1);
  if (!regulation) {
    throw new RuleError(
      'eventDate',
      `events before ${REGULATIONS[0]?.inForceFrom} are not covered: no JKK/JKM regulation version applies to ${eventDate}`,
    );
  }
  return regulation;
}

export { PP44_2015, PP82_2019 };
export * from './types';
export { PARTIAL_DISABILITY_TABLE } from './partial-disability-table';
