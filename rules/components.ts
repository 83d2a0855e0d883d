// Builders shared by the calculators, so every component reads the same way.
import { rupiah } from './money';
import type { Periodic } from './regulations/types';
import type { BenefitComponent, ComponentCode } from './schema';

export function component(
  code: ComponentCode,
  amount: number,
  basis: string,
  explanation: string,
): BenefitComponent {
  return { code, amount, basis, explanation };
}

/** santunan berkala: the monthly amounts paid at once. */
export function periodicComponent(periodic: Periodic, basis: string): BenefitComponent {
  const amount = periodic.monthly * periodic.months;
  return component(
    'periodic',
    amount,
    basis,
    `${periodic.months} monthly payments of ${rupiah(periodic.monthly)}, paid at once = ${rupiah(amount)}.`,
  );
}

export function fixedComponent(
  code: ComponentCode,
  amount: number,
  basis: string,
  what: string,
  context = '',
): BenefitComponent {
  return component(
    code,
    amount,
    basis,
    `A fixed ${what} of ${rupiah(amount)}${context ? ` ${context}` : ''}.`,
  );
}
