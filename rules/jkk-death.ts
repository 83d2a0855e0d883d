// JKK death: 60% × 80 × wage (= 48 × wage), never less than the JKM lump sum, plus funeral and periodic.
import { component, fixedComponent, periodicComponent } from './components';
import { mulDiv, rupiah } from './money';
import type { Regulation } from './regulations/types';
import type { BenefitComponent } from './schema';

export function jkkDeathCompensation(regulation: Regulation, monthlyWage: number): BenefitComponent {
  const { wageFactor, deathPercent, deathMinimum } = regulation.jkk;
  const multiple = mulDiv(wageFactor, deathPercent, 100);
  const formula = mulDiv(monthlyWage, wageFactor * deathPercent, 100);
  const start = `${deathPercent}% × ${wageFactor} (= ${multiple}) × the reported monthly wage of ${rupiah(monthlyWage)} = ${rupiah(formula)}`;
  const explanation =
    formula >= deathMinimum
      ? `${start}, not below the minimum of ${rupiah(deathMinimum)}.`
      : `${start}, below the minimum, so the minimum of ${rupiah(deathMinimum)} is paid.`;
  return component(
    'death_compensation',
    Math.max(formula, deathMinimum),
    regulation.basis.jkk_death,
    explanation,
  );
}

export function jkkDeathComponents(regulation: Regulation, monthlyWage: number): BenefitComponent[] {
  const { jkk, basis } = regulation;
  return [
    jkkDeathCompensation(regulation, monthlyWage),
    periodicComponent(jkk.periodic, basis.jkk_periodic),
    fixedComponent('funeral', jkk.funeral, basis.jkk_funeral, 'funeral allowance'),
  ];
}
