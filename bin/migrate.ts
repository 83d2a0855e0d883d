// Creates the database if missing, runs the migrations, and (with --seed) the development registry.
import { loadConfig } from '../config';
import { createDb, ensureDatabase } from '../db/config';
import { seedRegistry } from '../db/seeds/registry';
import { jakartaDate } from '../rules';

async function main(): Promise<void> {
  const config = loadConfig();
  await ensureDatabase(config.DATABASE_URL);
  const db = createDb(config.DATABASE_URL);
  try {
    const [, applied] = (await db.migrate.latest()) as [number, string[]];
    console.log(`migrations: ${applied.length} applied`);
    if (process.argv.includes('--seed')) {
      const seeded = await seedRegistry(db, jakartaDate(Date.now()));
      console.log(`seed: ${seeded.participants} participants across ${seeded.employers} employers`);
    }
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
