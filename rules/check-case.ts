// Rule-level checks on a well-formed request: the combinations and dates the regulation does not allow.
import { RuleError } from './errors';
import type { QuoteRequest } from './schema';

export function checkCase(request: QuoteRequest): void {
  const { program, event, eventDate } = request;
  if (program === 'JKM') {
    if (event !== 'death') {
      throw new RuleError('event', `JKM pays only on death; ${event.replaceAll('_', ' ')} is a JKK event`);
    }
    for (const field of ['disability', 'incapacity', 'transport'] as const) {
      if (request[field] !== undefined)
        throw new RuleError(field, 'is a JKK benefit and does not apply to JKM');
    }
  }
  if (event === 'partial_disability' && !request.disability) {
    throw new RuleError('disability', 'is required for a partial disability');
  }
  if (event !== 'partial_disability' && request.disability) {
    throw new RuleError('disability', 'applies only to a partial disability');
  }
  if (event === 'temporary_incapacity' && !request.incapacity) {
    throw new RuleError('incapacity', 'is required for a temporary incapacity');
  }
  if (request.incapacity && request.incapacity.from < eventDate) {
    throw new RuleError('incapacity.from', `must not be before the event date ${eventDate}`);
  }
  if (request.claimDate !== undefined && request.claimDate < eventDate) {
    throw new RuleError('claimDate', `must not be before the event date ${eventDate}`);
  }
}
