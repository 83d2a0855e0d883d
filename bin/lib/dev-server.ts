// The Temporal dev server's command line for `npm start` (bin/dev.ts): where it persists, and how.
import { join } from 'node:path';
import type { Config } from '../../config';

type DevServerConfig = Pick<
  Config,
  | 'TEMPORAL_ADDRESS'
  | 'TEMPORAL_UI_PORT'
  | 'TEMPORAL_NAMESPACE'
  | 'TEMPORAL_DEV_PERSISTENCE'
  | 'TEMPORAL_DEV_SQLITE_PRAGMAS'
>;

/** `temporal server start-dev`'s arguments: a SQLite file under dataDir (with its pragmas), or memory only. */
export function devServerArgs(config: DevServerConfig, dataDir: string): string[] {
  const [host, port] = config.TEMPORAL_ADDRESS.split(':');
  const persistence =
    config.TEMPORAL_DEV_PERSISTENCE === 'memory'
      ? []
      : [
          '--db-filename',
          join(dataDir, 'temporal.sqlite'),
          ...config.TEMPORAL_DEV_SQLITE_PRAGMAS.split(',')
            .filter((pragma) => pragma !== '')
            .flatMap((pragma) => ['--sqlite-pragma', pragma]),
        ];
  return [
    'server',
    'start-dev',
    ...persistence,
    '--ip',
    host ?? '127.0.0.1',
    '--port',
    port ?? '7233',
    '--ui-port',
    String(config.TEMPORAL_UI_PORT),
    '--namespace',
    config.TEMPORAL_NAMESPACE,
    '--log-level',
    'error',
  ];
}
