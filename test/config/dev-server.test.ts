// npm start's Temporal dev server: persisted to DATA_DIR/temporal.sqlite with the pragmas asked for, or in memory.
import { loadConfig } from '../../config';
import { devServerArgs } from '../../bin/lib/dev-server';

const env = (extra: Record<string, string> = {}) =>
  loadConfig([], { NODE_ENV: 'development', TEMPORAL_ADDRESS: '127.0.0.1:7300', ...extra });

describe('the dev server of npm start', () => {
  it('persists to the SQLite file under the data directory by default, with a write-ahead log', () => {
    const args = devServerArgs(env(), '/srv/data');
    expect(args.slice(0, 8)).toEqual([
      'server',
      'start-dev',
      '--db-filename',
      '/srv/data/temporal.sqlite',
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
    ]);
    expect(args).toEqual(expect.arrayContaining(['--ip', '127.0.0.1', '--port', '7300']));
  });

  it('leaves SQLite its own settings when TEMPORAL_DEV_SQLITE_PRAGMAS is empty', () => {
    const args = devServerArgs(env({ TEMPORAL_DEV_SQLITE_PRAGMAS: '' }), '/srv/data');
    expect(args).toContain('--db-filename');
    expect(args).not.toContain('--sqlite-pragma');
  });

  it('passes each pragma of TEMPORAL_DEV_SQLITE_PRAGMAS to the server', () => {
    const args = devServerArgs(
      env({ TEMPORAL_DEV_SQLITE_PRAGMAS: 'journal_mode=truncate,busy_timeout=5000' }),
      '/d',
    );
    expect(args.slice(2, 8)).toEqual([
      '--db-filename',
      '/d/temporal.sqlite',
      '--sqlite-pragma',
      'journal_mode=truncate',
      '--sqlite-pragma',
      'busy_timeout=5000',
    ]);
  });

  it('keeps nothing on disk with TEMPORAL_DEV_PERSISTENCE=memory', () => {
    const args = devServerArgs(env({ TEMPORAL_DEV_PERSISTENCE: 'memory' }), '/d');
    expect(args).not.toContain('--db-filename');
    expect(args).not.toContain('--sqlite-pragma');
  });

  it('refuses a pragma list it cannot pass on, naming the variable', () => {
    expect(() => env({ TEMPORAL_DEV_SQLITE_PRAGMAS: 'journal_mode=wal; drop' })).toThrow(
      /TEMPORAL_DEV_SQLITE_PRAGMAS/,
    );
    expect(() => env({ TEMPORAL_DEV_PERSISTENCE: 'disk' })).toThrow(/TEMPORAL_DEV_PERSISTENCE/);
  });
});
