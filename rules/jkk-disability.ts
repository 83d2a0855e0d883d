// JKK disability: permanent total (70% × 80 × wage + periodic) and partial, from the annex table.
import { component, periodicComponent } from './components';
import { RuleError } from './errors';
import { basisPoints, mulDiv, percentText, rupiah, sum } from './money';
import type { PartialDisabilityEntry, Regulation } from './regulations/types';
import type { BenefitComponent, Disability } from './schema';

export function totalDisabilityComponents(regulation: Regulation, monthlyWage: number): BenefitComponent[] {
  const { wageFactor, totalDisabilityPercent, totalDisabilityPeriodic } = regulation.jkk;
  const amount = mulDiv(monthlyWage, wageFactor * totalDisabilityPercent, 100);
  const multiple = mulDiv(wageFactor, totalDisabilityPercent, 100);
  return [
    component(
      'disability_compensation',
      amount,
      regulation.basis.total_disability,
      `${totalDisabilityPercent}% × ${wageFactor} (= ${multiple}) × the reported monthly wage of ${rupiah(monthlyWage)} = ${rupiah(amount)} for permanent total disability.`,
    ),
    periodicComponent(totalDisabilityPeriodic, regulation.basis.jkk_periodic),
  ];
}

/** The table percent for a code; a left-handed worker takes the mirror-image entry's percent. */
function partialDisabilityPercent(
  table: readonly PartialDisabilityEntry[],
  code: string,
  leftHanded = false,
): { entry: PartialDisabilityEntry; percent: number } | undefined {
  const entry = table.find((candidate) => candidate.code === code);
  if (!entry) return undefined;
  const mirror = leftHanded && entry.swapsForLeftHandedWith;
  const swapped = mirror ? table.find((candidate) => candidate.code === mirror) : undefined;
  return { entry, percent: swapped ? swapped.percent : entry.percent };
}

interface PartialDisabilityLine {
  code: string;
  tablePercent: number;
  functionLossPercent?: number;
  amount: number;
  explanation: string;
}

/** Anatomical: table % × 80 × wage. Functional: % of function lost × table % × 80 × wage. Rounded per item. */
function partialDisabilityLines(
  regulation: Regulation,
  monthlyWage: number,
  disability: Disability,
): PartialDisabilityLine[] {
  const { wageFactor, partialDisabilityTable } = regulation.jkk;
  return disability.items.map((item, index) => {
    const found = partialDisabilityPercent(partialDisabilityTable, item.code, disability.leftHanded);
    if (!found) {
      const known = partialDisabilityTable.map((entry) => entry.code).join(', ');
      throw new RuleError(
        `disability.items.${index}.code`,
        `is not in the partial-disability table (${known})`,
      );
    }
    const table = basisPoints(found.percent);
    const swapNote = found.percent !== found.entry.percent ? ', swapped for a left-handed worker' : '';
    const what = `${found.entry.label} (${percentText(table)}${swapNote})`;
    if (item.functionLossPercent === undefined) {
      const amount = mulDiv(monthlyWage, wageFactor * table, 10_000);
      return {
        code: item.code,
        tablePercent: found.percent,
        amount,
        explanation: `${what}: ${percentText(table)} × ${wageFactor} × ${rupiah(monthlyWage)} = ${rupiah(amount)}`,
      };
    }
    const lost = basisPoints(item.functionLossPercent);
    const amount = mulDiv(monthlyWage, wageFactor * table * lost, 100_000_000);
    return {
      code: item.code,
      tablePercent: found.percent,
      functionLossPercent: item.functionLossPercent,
      amount,
      explanation: `${what}, ${percentText(lost)} of function lost: ${percentText(lost)} × ${percentText(table)} × ${wageFactor} × ${rupiah(monthlyWage)} = ${rupiah(amount)}`,
    };
  });
}

export function partialDisabilityComponent(
  regulation: Regulation,
  monthlyWage: number,
  disability: Disability,
): BenefitComponent {
  const lines = partialDisabilityLines(regulation, monthlyWage, disability);
  const combined = sum(lines.map((line) => line.amount));
  // Items together never pay more than permanent total disability would (its lump sum, 70% × 80 × wage).
  const { wageFactor, totalDisabilityPercent } = regulation.jkk;
  const ceiling = mulDiv(monthlyWage, wageFactor * totalDisabilityPercent, 100);
  const amount = Math.min(combined, ceiling);
  const detail = lines.map((line) => line.explanation).join('; ');
  const capped =
    amount < combined
      ? `; together ${rupiah(combined)}, more than permanent total disability pays, so ${rupiah(ceiling)}`
      : '';
  const explanation =
    lines.length === 1
      ? `Partial disability on the reported monthly wage: ${detail}${capped}.`
      : `Partial disability on the reported monthly wage: ${detail}${capped || `; together ${rupiah(amount)}`}.`;
  return component('disability_compensation', amount, regulation.basis.partial_disability, explanation);
}
