// The payload codec on its own: AES-256-GCM, the key id in the metadata, rotation, and clear errors.
import { inspect } from 'node:util';
import { ApplicationFailure, defaultPayloadConverter, type Payload } from '@temporalio/common';
import {
  AesGcmPayloadCodec,
  createDataConverter,
  parsePayloadKeys,
  PayloadDecryptionError,
} from '../../codec/data-converter';
import { failureConverter } from '../../codec/failure-converter';

const KEY_A = 'vQ0bS0WqgQ5m8XqzJ1o2m7cZ9b0n5zq7Rk3f1o8wJ2Y=';
const KEY_B = 'Q2hhbmdlZCBrZXkgZm9yIHJvdGF0aW9uIHRlc3QhISE=';
const CANARY = {
  participantNik: '3174999911112222',
  accountNumber: '7766554433221',
  heir: 'Kanari Wulandari',
};

const toPayload = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);
const fromPayload = (payload: Payload): unknown => defaultPayloadConverter.fromPayload(payload);
const bytes = (p: Payload) => Buffer.concat([...Object.values(p.metadata ?? {}), p.data ?? new Uint8Array()]);
const meta = (p: Payload, key: string) => Buffer.from(p.metadata?.[key] ?? new Uint8Array()).toString('utf8');

describe('AesGcmPayloadCodec', () => {
  const codec = new AesGcmPayloadCodec(parsePayloadKeys(`a:${KEY_A}`));

  it('encrypts a payload so that none of its content is readable, with the key id in the metadata', async () => {
    const [encrypted] = await codec.encode([toPayload(CANARY)]);
    const raw = bytes(encrypted!).toString('latin1');
    for (const value of Object.values(CANARY)) expect(raw).not.toContain(value);
    expect(raw).not.toContain('json/plain');
    expect(meta(encrypted!, 'encoding')).toBe('binary/encrypted');
    expect(meta(encrypted!, 'encryption-key-id')).toBe('a');
    expect(meta(encrypted!, 'encryption-cipher')).toBe('AES-256-GCM');
  });

  it('decrypts with the right key, metadata and data intact', async () => {
    const original = toPayload(CANARY);
    const [decoded] = await codec.decode(await codec.encode([original]));
    expect(decoded).toEqual({ metadata: original.metadata, data: original.data });
    expect(fromPayload(decoded!)).toEqual(CANARY);
  });

  it('encrypts the same value differently every time (a fresh IV per payload)', async () => {
    const [one, two] = await codec.encode([toPayload(CANARY), toPayload(CANARY)]);
    expect(Buffer.from(one!.data!).equals(Buffer.from(two!.data!))).toBe(false);
  });

  it('fails with a clear error naming the key id when the key under that id is wrong', async () => {
    const encrypted = await codec.encode([toPayload(CANARY)]);
    const impostor = new AesGcmPayloadCodec(parsePayloadKeys(`a:${KEY_B}`));
    await expect(impostor.decode(encrypted)).rejects.toThrow(PayloadDecryptionError);
    await expect(impostor.decode(encrypted)).rejects.toThrow(
      'Cannot decrypt a payload with key id "a": the key is wrong or the payload was altered.',
    );
  });

  it('fails with a clear error when the key id is not configured', async () => {
    const encrypted = await codec.encode([toPayload(CANARY)]);
    const other = new AesGcmPayloadCodec(parsePayloadKeys(`b:${KEY_B}`));
    await expect(other.decode(encrypted)).rejects.toThrow(
      /key id "a": PAYLOAD_KEYS has no such key \(configured: b\)/,
    );
  });

  it('after a rotation, encrypts with the new key and still decrypts what the old key wrote', async () => {
    const old = await codec.encode([toPayload(CANARY)]);
    const rotated = new AesGcmPayloadCodec(parsePayloadKeys(`b:${KEY_B},a:${KEY_A}`));
    const [fresh] = await rotated.encode([toPayload(CANARY)]);
    expect(meta(fresh!, 'encryption-key-id')).toBe('b');
    expect((await rotated.decode([...old, fresh!])).map(fromPayload)).toEqual([CANARY, CANARY]);
    // Once the old key is dropped, what it wrote can no longer be read.
    const retired = new AesGcmPayloadCodec(parsePayloadKeys(`b:${KEY_B}`));
    await expect(retired.decode(old)).rejects.toThrow(/key id "a"/);
  });

  it('refuses a payload whose data or key id was altered', async () => {
    const both = new AesGcmPayloadCodec(parsePayloadKeys(`a:${KEY_A},b:${KEY_A}`));
    const [encrypted] = await both.encode([toPayload(CANARY)]);
    const flipped = Buffer.from(encrypted!.data!);
    flipped[20] = flipped[20]! ^ 1;
    await expect(both.decode([{ ...encrypted!, data: flipped }])).rejects.toThrow(
      /wrong or the payload was altered/,
    );
    // The same key under another id: the id is authenticated, so the swap is caught.
    const swapped = {
      ...encrypted!,
      metadata: { ...encrypted!.metadata, 'encryption-key-id': Buffer.from('b') },
    };
    await expect(both.decode([swapped])).rejects.toThrow(/key id "b": the key is wrong/);
    await expect(both.decode([{ ...encrypted!, data: Buffer.from([1, 2, 3]) }])).rejects.toThrow(/malformed/);
  });

  it('refuses a payload that is not encrypted, unless it is reading old histories', async () => {
    const plain = toPayload({ status: 'paid' });
    const [refused] = await codec.decode([plain]);
    expect(Buffer.from(refused!.metadata!.encoding!).toString()).toBe('binary/refused-plaintext');
    expect(() => defaultPayloadConverter.fromPayload(refused!)).toThrow(/Unknown encoding/);
    const reader = new AesGcmPayloadCodec(parsePayloadKeys(`a:${KEY_A}`), 'read');
    expect(await reader.decode([plain])).toEqual([plain]);
  });
});

describe('failure messages', () => {
  it('are moved into an encoded payload, which the codec encrypts', async () => {
    const codec = new AesGcmPayloadCodec(parsePayloadKeys(`a:${KEY_A}`));
    const failure = failureConverter.errorToFailure(
      ApplicationFailure.create({
        message: `participant ${CANARY.participantNik} refused`,
        type: 'InvalidInput',
      }),
      defaultPayloadConverter,
    );
    expect(failure.message).toBe('Encoded failure');
    expect(failure.stackTrace).toBe('');
    const [sealed] = await codec.encode([failure.encodedAttributes!]);
    expect(bytes(sealed!).toString('latin1')).not.toContain(CANARY.participantNik);
    const [opened] = await codec.decode([sealed!]);
    expect(fromPayload(opened!)).toMatchObject({ message: `participant ${CANARY.participantNik} refused` });
  });

  it('use the shared failure converter in every data converter', () => {
    const converter = createDataConverter(parsePayloadKeys(`a:${KEY_A}`));
    expect(converter.failureConverterPath).toBe(require.resolve('../../codec/failure-converter'));
    expect(converter.payloadCodecs).toHaveLength(1);
  });
});

describe('PAYLOAD_KEYS', () => {
  it('puts the first key first and keeps the rest for decryption', () => {
    const keys = parsePayloadKeys(` new:${KEY_B} , old:${KEY_A} `);
    expect(keys.currentKeyId).toBe('new');
    expect(keys.keyIds).toEqual(['new', 'old']);
  });

  it.each([
    ['empty', ''],
    ['no id', KEY_A],
    ['a short key', 'a:c2hvcnQ='],
    ['not base64', 'a:!!!!'],
    ['a duplicate id', `a:${KEY_A},a:${KEY_B}`],
    ['a bad id', `a b:${KEY_A}`],
  ])('refuses %s without echoing key material', (_name, spec) => {
    let message = '';
    try {
      parsePayloadKeys(spec);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).not.toBe('');
    expect(message).not.toContain(KEY_A);
    expect(message).not.toContain(KEY_B);
  });

  it('never shows key material in JSON or util.inspect, only key ids', () => {
    const keys = parsePayloadKeys(`new:${KEY_B},old:${KEY_A}`);
    const codec = new AesGcmPayloadCodec(keys);
    for (const shown of [JSON.stringify({ codec, keys }), inspect({ codec, keys }, { depth: 10 })]) {
      expect(shown).toContain('new');
      expect(shown).not.toContain(KEY_A);
      expect(shown).not.toContain(KEY_B);
      expect(shown).not.toContain(Buffer.from(KEY_A, 'base64').toString('hex'));
    }
  });
});
