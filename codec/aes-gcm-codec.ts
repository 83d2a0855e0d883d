// Encrypts every Temporal payload with AES-256-GCM, so histories hold no readable personal data. The key id travels
// in the payload's metadata, so a history written under a retired key still decrypts after a rotation.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import type { PayloadKeys } from './keys';

const ENCRYPTED_ENCODING = 'binary/encrypted';
const KEY_ID_METADATA = 'encryption-key-id';
const CIPHER_METADATA = 'encryption-cipher';
const CIPHER = 'AES-256-GCM';
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A payload that cannot be decrypted: unknown key id, wrong key, altered or malformed data. */
export class PayloadDecryptionError extends Error {
  override name = 'PayloadDecryptionError';
  constructor(
    message: string,
    readonly keyId?: string,
  ) {
    super(message);
  }
}

const text = (s: string) => new TextEncoder().encode(s);
const str = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b).toString('utf8') : undefined);

/** The authenticated data: the key id cannot be swapped without the tag failing. */
const aad = (keyId: string) => Buffer.from(`santunan-payload-v${VERSION}:${keyId}`, 'utf8');

/** The whole inner payload, metadata included (the encoding names the data type, itself a hint worth hiding). */
function serialize(payload: Payload): Buffer {
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(payload.metadata ?? {}))
    metadata[k] = Buffer.from(v).toString('base64');
  return Buffer.from(
    JSON.stringify({ metadata, data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64') }),
  );
}

function deserialize(plain: Buffer): Payload {
  const parsed = JSON.parse(plain.toString('utf8')) as { metadata: Record<string, string>; data: string };
  const metadata: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parsed.metadata))
    metadata[k] = new Uint8Array(Buffer.from(v, 'base64'));
  return { metadata, data: new Uint8Array(Buffer.from(parsed.data, 'base64')) };
}

function isEncrypted(payload: Payload): boolean {
  return str(payload.metadata?.[METADATA_ENCODING_KEY]) === ENCRYPTED_ENCODING;
}

/**
 * What a payload that was never encrypted meets on decode. `refuse` (the default, for workers and clients): a
 * workflow start, signal or update sent by a client without the keys is never run. `read` (for reading recorded
 * histories and showing payloads in the web UI only): histories written before the codec existed stay readable.
 */
export type PlaintextPolicy = 'refuse' | 'read';

/** What a refused plaintext payload decodes to: an encoding that Temporal's payload converters refuse to read. */
export const REFUSED_PLAINTEXT_ENCODING = 'binary/refused-plaintext';

export class AesGcmPayloadCodec implements PayloadCodec {
  constructor(
    private readonly keys: PayloadKeys,
    private readonly plaintext: PlaintextPolicy = 'refuse',
  ) {}

  /** The same keys, for reading recorded histories: old plaintext payloads are read as they are. */
  reading(): AesGcmPayloadCodec {
    return new AesGcmPayloadCodec(this.keys, 'read');
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.encrypt(p));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.decrypt(p));
  }

  encrypt(payload: Payload): Payload {
    const keyId = this.keys.currentKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.key(keyId)!, iv);
    cipher.setAAD(aad(keyId));
    const sealed = Buffer.concat([cipher.update(serialize(payload)), cipher.final()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: text(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: text(keyId),
        [CIPHER_METADATA]: text(CIPHER),
      },
      data: new Uint8Array(Buffer.concat([Buffer.of(VERSION), iv, sealed, cipher.getAuthTag()])),
    };
  }

  /** A payload that was never encrypted is refused, or read unchanged under the `read` policy. */
  decrypt(payload: Payload): Payload {
    if (!isEncrypted(payload)) {
      if (this.plaintext === 'read') return payload;
      // Not thrown here: a codec error fails the whole workflow task, again and again, so a forged update would jam
      // the claim. Decoded to an encoding no payload converter knows instead, the update is rejected inside the
      // workflow (its caller gets the error) and the claim goes on; a forged start never gets its input.
      return {
        metadata: { [METADATA_ENCODING_KEY]: text(REFUSED_PLAINTEXT_ENCODING) },
        data: new Uint8Array(),
      };
    }
    const keyId = str(payload.metadata?.[KEY_ID_METADATA]);
    if (!keyId)
      throw new PayloadDecryptionError(`Cannot decrypt a payload: it carries no ${KEY_ID_METADATA}.`);
    const key = this.keys.key(keyId);
    if (!key) {
      throw new PayloadDecryptionError(
        `Cannot decrypt a payload encrypted with key id "${keyId}": PAYLOAD_KEYS has no such key ` +
          `(configured: ${this.keys.keyIds.join(', ')}). Add the retired key after the current one.`,
        keyId,
      );
    }
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < 1 + IV_BYTES + TAG_BYTES || data[0] !== VERSION) {
      throw new PayloadDecryptionError(
        `Cannot decrypt a payload with key id "${keyId}": it is malformed.`,
        keyId,
      );
    }
    const iv = data.subarray(1, 1 + IV_BYTES);
    const tag = data.subarray(data.length - TAG_BYTES);
    const sealed = data.subarray(1 + IV_BYTES, data.length - TAG_BYTES);
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(aad(keyId));
      decipher.setAuthTag(tag);
      plain = Buffer.concat([decipher.update(sealed), decipher.final()]);
    } catch {
      throw new PayloadDecryptionError(
        `Cannot decrypt a payload with key id "${keyId}": the key is wrong or the payload was altered.`,
        keyId,
      );
    }
    return deserialize(plain);
  }
}
