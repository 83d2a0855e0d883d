// Runs the sandbox payment gateway on GATEWAY_HOST:GATEWAY_PORT, keeping its ledger under DATA_DIR.
import { join } from 'node:path';
import { loadEntryPointConfig } from '../config';
import { createSandboxGateway } from '../gateway/sandbox';
import { createLogger } from '../logger';

const config = loadEntryPointConfig('gateway');
const HOST = config.GATEWAY_HOST;
const logger = createLogger(config.LOG_LEVEL, 'sandbox-gateway');
const stateFile = join(config.DATA_DIR, 'gateway.json');
const { app } = createSandboxGateway({ stateFile, logger });

const server = app.listen(config.GATEWAY_PORT, HOST, (err?: Error) => {
  if (err) {
    logger.fatal({ err }, 'sandbox gateway could not start');
    process.exit(1);
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.GATEWAY_PORT;
  logger.info({ url: `http://${HOST}:${port}`, stateFile }, 'sandbox gateway listening');
});

let stopping = false;
function shutdown(signal: NodeJS.Signals): void {
  if (stopping) process.exit(1);
  stopping = true;
  logger.info({ signal }, 'sandbox gateway stopping');
  server.close(() => process.exit(0));
  // Requests held by a timeout fault would otherwise keep the process up for their full hold time.
  server.closeAllConnections();
}

process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
