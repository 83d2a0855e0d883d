// The one DataConverter for every Temporal Client and Worker (and for replaying histories): AES-256-GCM payloads
// and encoded failure messages. Workflow bundles made with bundleWorkflowCode need FAILURE_CONVERTER_PATH too.
import { defaultPayloadConverter, type DataConverter, type LoadedDataConverter } from '@temporalio/common';
import { AesGcmPayloadCodec } from './aes-gcm-codec';
import { failureConverter } from './failure-converter';
import type { PayloadKeys } from './keys';

export { AesGcmPayloadCodec, PayloadDecryptionError } from './aes-gcm-codec';
export { parsePayloadKeys, PayloadKeys } from './keys';

export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

export function createDataConverter(keys: PayloadKeys): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(keys)], failureConverterPath: FAILURE_CONVERTER_PATH };
}

/** The same converter, loaded: for reading histories without a Client (tests, tools). */
export function createLoadedDataConverter(keys: PayloadKeys): LoadedDataConverter {
  return {
    payloadConverter: defaultPayloadConverter,
    failureConverter,
    payloadCodecs: [new AesGcmPayloadCodec(keys)],
  };
}
