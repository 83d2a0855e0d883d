// npm start's Temporal dev server: persisted to DATA_DIR/temporal.sqlite with the pragmas asked for, or in memory.
import { loadConfig } from '../../config';
import { devServerArgs } from '../../bin/lib/dev-server';

const env = (extra: Record<string, string> = {}) =>
  loadConfig([], { NODE_ENV: 'development', TEMPORAL_ADDRESS: '127.0.0.1:7300', ...extra });

describe('the dev server of npm start', () => {
  it('persists to the SQLite file under the data directory by default, with SQLite’s own settings', () => {
    const args = devServerArgs(env(), '/srv/data');
    expect(args.slice(0, 4)).toEqual(['server', 'start-dev', '--db-filename', '/srv/data/temporal.sqlite']);
    expect(args).not.toContain('--sqlite-pragma');
    expect(args).toEqual(expect.arrayContaining(['--ip', '127.0.0.1', '--port', '7300']));
  });

  it('passes each pragma of TEMPORAL_DEV_SQLITE_PRAGMAS to the server', () => {
    const args = devServerArgs(
      env({ TEMPORAL_DEV_SQLITE_PRAGMAS: 'journal_mode=wal,synchronous=normal' }),
      '/d',
    );
    expect(args.slice(2, 8)).toEqual([
      '--db-filename',
      '/d/temporal.sqlite',
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
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
