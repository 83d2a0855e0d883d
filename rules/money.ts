// Money is whole rupiah. Every amount is computed exactly with integers and rounded once, half up, to the
// rupiah: value × numerator / denominator.

export function mulDiv(value: number, numerator: number, denominator: number): number {
  for (const n of [value, numerator, denominator]) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Expected a non-negative integer, got ${n}`);
  }
  if (denominator === 0) throw new RangeError('Division by zero');
  const scaled = BigInt(value) * BigInt(numerator) * 2n + BigInt(denominator);
  return Number(scaled / (2n * BigInt(denominator)));
}

/** "Rp 5,000,000" */
export function rupiah(amount: number): string {
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}Rp ${digits}`;
}

export function sum(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + amount, 0);
}

/** Percent with up to two decimals as integer hundredths: 35 → 3500, 12.5 → 1250. */
export function basisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/** 3500 → "35%", 1250 → "12.5%" */
export function percentText(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const fraction = String(hundredths % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''}%`;
}
