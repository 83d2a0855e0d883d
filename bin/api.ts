// The HTTP API. Stateless: run as many behind a load balancer as needed.
import { loadEntryPointConfig } from '../config';
import { createLogger } from '../logger';
import { startApi } from './lib/api';

async function main(): Promise<void> {
  const config = loadEntryPointConfig('api');
  const logger = createLogger(config.LOG_LEVEL, 'api');
  const api = await startApi(config, logger);
  logger.info({ port: config.API_PORT }, 'API listening');
  const stop = () => {
    void api.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
