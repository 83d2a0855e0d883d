// Payload encryption keys: PAYLOAD_KEYS=kid1:base64key,kid0:base64oldkey. The first encrypts; all of them decrypt.
/**
 * The configured keys. The key material is held in a private field: it never shows in JSON, util.inspect or a
 * worker's debug log of its options, only the key ids do.
 */
export class PayloadKeys {
  readonly #keys: ReadonlyMap<string, Buffer>;

  constructor(
    /** The key id new payloads are encrypted with. */
    readonly currentKeyId: string,
    keys: ReadonlyMap<string, Buffer>,
  ) {
    if (!keys.has(currentKeyId))
      throw new PayloadKeyConfigError(`no key for the current key id "${currentKeyId}"`);
    this.#keys = keys;
  }

  /** Every configured key id: the current one first, then the retired ones that old histories still need. */
  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  key(id: string): Buffer | undefined {
    return this.#keys.get(id);
  }

  toJSON() {
    return { currentKeyId: this.currentKeyId, keyIds: this.keyIds };
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `PayloadKeys { current: ${this.currentKeyId}, ids: ${this.keyIds.join(', ')} }`;
  }
}

/** A well-known key for development and tests only; config refuses to run without PAYLOAD_KEYS in production. */
export const DEV_PAYLOAD_KEYS = 'dev:d7KWv46MvXtxMQvOjPW47Vtkykm944nKSUW0Uc1JqqU=';

const KEY_ID = /^[A-Za-z0-9._-]{1,32}$/;
const BASE64 = /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$/;

class PayloadKeyConfigError extends Error {
  override name = 'PayloadKeyConfigError';
}

/** Parses a PAYLOAD_KEYS value. Errors name the entry, never the key material. */
export function parsePayloadKeys(spec: string): PayloadKeys {
  const entries = spec
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  if (entries.length === 0) throw new PayloadKeyConfigError('needs at least one key as keyId:base64key');
  const keys = new Map<string, Buffer>();
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    const material = colon > 0 ? entry.slice(colon + 1) : '';
    if (!KEY_ID.test(id)) {
      throw new PayloadKeyConfigError(
        `entry ${i + 1} must be keyId:base64key, the id 1-32 of A-Z a-z 0-9 . _ -`,
      );
    }
    const key = BASE64.test(material) ? Buffer.from(material, 'base64') : Buffer.alloc(0);
    if (key.length !== 32)
      throw new PayloadKeyConfigError(`key "${id}" must be 32 bytes (AES-256), base64-encoded`);
    if (keys.has(id)) throw new PayloadKeyConfigError(`key id "${id}" appears twice`);
    keys.set(id, key);
  });
  return new PayloadKeys(entries[0]!.slice(0, entries[0]!.indexOf(':')), keys);
}
