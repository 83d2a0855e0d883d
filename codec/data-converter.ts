// The one DataConverter for every Temporal Client and Worker (and for replaying histories): AES-256-GCM payloads
// and encoded failure messages. Workflow bundles made with bundleWorkflowCode need FAILURE_CONVERTER_PATH too.
import {
  defaultPayloadConverter,
  type DataConverter,
  type LoadedDataConverter,
  type PayloadCodec,
} from '@temporalio/common';
import { AesGcmPayloadCodec, type PlaintextPolicy } from './aes-gcm-codec';
import { failureConverter } from './failure-converter';
import type { PayloadKeys } from './keys';

export { AesGcmPayloadCodec, PayloadDecryptionError, type PlaintextPolicy } from './aes-gcm-codec';
export { parsePayloadKeys, PayloadKeys } from './keys';

export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/** Workers and clients refuse plaintext payloads; a replayer of old histories passes `read`. */
export function createDataConverter(keys: PayloadKeys, plaintext: PlaintextPolicy = 'refuse'): DataConverter {
  return {
    payloadCodecs: [new AesGcmPayloadCodec(keys, plaintext)],
    failureConverterPath: FAILURE_CONVERTER_PATH,
  };
}

/**
 * A converter for reading recorded histories (replay, export, the decision trail): its payload codec reads the
 * plaintext payloads of histories written before the codec existed, which a worker's codec refuses.
 */
export function forReading<C extends { payloadCodecs?: PayloadCodec[] }>(converter: C): C {
  return {
    ...converter,
    payloadCodecs: converter.payloadCodecs?.map((c) => (c instanceof AesGcmPayloadCodec ? c.reading() : c)),
  };
}

/** The same converter, loaded: for reading histories without a Client (tests, tools); it reads old plaintext. */
export function createLoadedDataConverter(keys: PayloadKeys): LoadedDataConverter {
  return {
    payloadConverter: defaultPayloadConverter,
    failureConverter,
    payloadCodecs: [new AesGcmPayloadCodec(keys, 'read')],
  };
}
