// The one way a Santunan process connects to Temporal: the API's client, the worker's native connection, the
// replayer, the dev stack and the benches all come through here, with the settings config.ts reads in Temporal's own
// environment-configuration conventions (@temporalio/envconfig: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TLS_*,
// TEMPORAL_API_KEY, TEMPORAL_PROFILE and the TOML profiles of TEMPORAL_CONFIG_FILE).
import { Connection, type ConnectionOptions, type TLSConfig } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';

/** Where Temporal is and how to reach it: plain, TLS, mutual TLS, with or without an API key. */
export interface TemporalConnection {
  address: string;
  namespace: string;
  /** false: plaintext (a private network only). Otherwise TLS, with a client certificate pair for mutual TLS. */
  tls: TLSConfig | false;
  /** Sent as `Authorization: Bearer` on every call (Temporal Cloud API keys); only ever over TLS outside development. */
  apiKey?: string;
  /** Extra gRPC headers (TEMPORAL_GRPC_META_*). */
  metadata?: Record<string, string>;
}

/** The connection options both SDK connections share. */
function options(t: TemporalConnection) {
  return {
    address: t.address,
    tls: t.tls === false ? null : t.tls,
    ...(t.apiKey !== undefined ? { apiKey: t.apiKey } : {}),
    ...(t.metadata !== undefined ? { metadata: t.metadata } : {}),
  };
}

/** A client connection (API, replay, tools). `extra`: timeouts and interceptors, never where or how to connect. */
export function connectClient(
  t: TemporalConnection,
  extra: Omit<ConnectionOptions, 'address' | 'tls' | 'apiKey' | 'metadata'> = {},
): Promise<Connection> {
  return Connection.connect({ ...extra, ...options(t) });
}

/** A client connection made on first use: the API starts while Temporal is down and answers 503 meanwhile. */
export function lazyClientConnection(
  t: TemporalConnection,
  extra: Omit<ConnectionOptions, 'address' | 'tls' | 'apiKey' | 'metadata'> = {},
): Connection {
  return Connection.lazy({ ...extra, ...options(t) });
}

/** The worker's native (Rust core) connection. */
export function connectWorker(t: TemporalConnection): Promise<NativeConnection> {
  return NativeConnection.connect(options(t));
}
