// Request factories for the rules tests: a valid case, changed only where a test needs it.
import type { BenefitComponent, ComponentCode, QuoteRequest, QuoteResponse } from '../../rules';

export function jkmDeath(overrides: Partial<QuoteRequest> = {}): QuoteRequest {
  return {
    program: 'JKM',
    event: 'death',
    eventDate: '2024-03-01',
    membershipStartDate: '2020-01-01',
    monthlyWage: 5_000_000,
    ...overrides,
  };
}

export function jkkCase(event: QuoteRequest['event'], overrides: Partial<QuoteRequest> = {}): QuoteRequest {
  return { ...jkmDeath(), program: 'JKK', event, ...overrides };
}

export function amountOf(response: QuoteResponse, code: ComponentCode): number | undefined {
  return response.components.find((component: BenefitComponent) => component.code === code)?.amount;
}

export function amounts(response: QuoteResponse): Partial<Record<ComponentCode, number>> {
  return Object.fromEntries(response.components.map((component) => [component.code, component.amount]));
}

/** Runs `fn` and returns the RuleError or ZodError it throws, for checking its field. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}
