// How a national ID (NIK) or an account number is shown to anyone but the staff who need it whole.

/** Keeps the last four characters: enough to tell two accounts apart, not enough to use one. */
export function maskDigits(value: string): string {
  return value.length <= 4 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}
