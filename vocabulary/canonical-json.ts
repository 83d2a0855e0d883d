// One text for one value, wherever a value is hashed: the audit export's hash chain (replay/hash-chain.ts) and the
// request hash that ties an Idempotency-Key to its body (api/temporal/intake.ts). Pure, so any layer may import it.

/**
 * JSON with object keys sorted by UTF-16 code unit at every level, undefined properties dropped (undefined in an
 * array is null, as JSON.stringify writes it) and no whitespace. A value JSON cannot hold (a function, a symbol, a
 * bare undefined) throws: it would hash as nothing.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`cannot hash a value of type ${typeof value}`);
    return text;
  }
  if (Array.isArray(value))
    return `[${value.map((v: unknown) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
