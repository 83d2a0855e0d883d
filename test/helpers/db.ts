// Each test file gets its own database, copied from the migrated template: no test sees another's rows.
import { randomBytes } from 'node:crypto';
import { createDb, dropDatabase, ensureDatabase, type Db } from '../../db/config';
import { databaseUrl, templateUrl } from './paths';

export interface TestDb {
  db: Db;
  url: string;
  drop(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  const name = `santunan_t_${randomBytes(5).toString('hex')}`;
  const url = databaseUrl(name);
  const template = new URL(templateUrl()).pathname.slice(1);
  for (let attempt = 0; ; attempt++) {
    try {
      await ensureDatabase(url, template);
      break;
    } catch (err) {
      // "source database is being accessed by other users": another file is copying it right now.
      if ((err as { code?: string }).code !== '55006' || attempt > 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const db = createDb(url, { max: 5 });
  return {
    db,
    url,
    async drop() {
      await db.destroy();
      await dropDatabase(url);
    },
  };
}
