// Tests encrypt Temporal payloads exactly as production does, with a fixed test key.
import {
  AesGcmPayloadCodec,
  createDataConverter,
  createLoadedDataConverter,
  parsePayloadKeys,
} from '../../codec/data-converter';

export const TEST_PAYLOAD_KEYS_SPEC = 'test1:ZTa4XPc9HxdXK7aFBvNUh97CSQBEOnsYX+m9Ar3EinM=';
export const TEST_PAYLOAD_KEYS = parsePayloadKeys(TEST_PAYLOAD_KEYS_SPEC);

/** For every test Client and Worker. */
export const testDataConverter = createDataConverter(TEST_PAYLOAD_KEYS);
/** For the API's codec routes, which show payloads of every age (as bin/lib/api.ts gives them). */
export const testPayloadCodec = new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS, 'read');
/** For reading recorded histories without a Client. */
export const testLoadedDataConverter = createLoadedDataConverter(TEST_PAYLOAD_KEYS);
