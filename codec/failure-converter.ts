// Failure messages and stack traces go into an encoded payload, so the codec encrypts them like any other data.
// Loaded by path (DataConverter.failureConverterPath) by clients, workers and the workflow bundle: no Node imports.
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
