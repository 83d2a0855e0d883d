// Creates the database if missing, runs the migrations, and (with --seed) the development registry.
import { isDevelopment, loadEntryPointConfig } from '../config';
import { createDb, ensureDatabase } from '../db/config';
import { seedRegistry } from '../db/seeds/registry';
import { jakartaDate } from '../rules';

async function main(): Promise<void> {
  const config = loadEntryPointConfig('migrate');
  // The development registry is made-up people: never seeded where NODE_ENV says anything but development or test.
  const seed = process.argv.includes('--seed');
  if (seed && !isDevelopment({ NODE_ENV: process.env.NODE_ENV ?? 'development' }))
    throw new Error(
      'migrate --seed: the development registry is seeded only when NODE_ENV is development or test',
    );
  await ensureDatabase(config.DATABASE_URL);
  const db = createDb(config.DATABASE_URL);
  try {
    const [, applied] = (await db.migrate.latest()) as [number, string[]];
    console.log(`migrations: ${applied.length} applied`);
    if (seed) {
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
