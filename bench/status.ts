// Status pages at the speed of a bare query: the family view GET /track/{n} and the staff view GET /claims/{n}
// against the ceiling, a bare Express + pg server answering one SELECT by key, each with autocannon, the same
// connections and the same duration, on a database of BENCH_STATUS_CLAIMS generated claims (default 2,000).
// Prints req/s, p50 and p99 beside the ceiling's; asserts no timing.
import { BENCH_TRACKING_CODE, benchClaimNumber, generateClaims } from './lib/generate';
import { benchDatabaseUrl, freshDatabase, load, printLoad, staffToken, startServer } from './lib/load';

const CLAIMS = Number(process.env.BENCH_STATUS_CLAIMS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** The claims the clients cycle through: every kind of claim, those with a scholarship included. */
const SAMPLE = 500;

async function main(): Promise<void> {
  const url = benchDatabaseUrl('santunan_bench_status');
  const db = await freshDatabase(url);
  await generateClaims(db, { claims: CLAIMS, dayPayouts: 0 });
  await db.destroy();

  const claims = Array.from({ length: SAMPLE }, (_, k) => benchClaimNumber(1 + ((k * 7) % CLAIMS)));
  const token = staffToken();
  const options = { connections: CONNECTIONS, seconds: SECONDS };
  console.log(
    `${CLAIMS} claims; ${CONNECTIONS} connections, ${SECONDS} s per run (after 2 s of warm-up), ` +
      `${SAMPLE} claims in turn; the family's requests from ${SAMPLE} client addresses`,
  );

  const bare = await startServer('bare', url);
  const ceiling = await load(
    'bare Express + pg, SELECT by key',
    bare.port,
    claims.map((c) => ({ path: `/claims/${c}` })),
    options,
  );
  await bare.stop();

  const app = await startServer('app', url);
  const family = await load(
    'family view GET /track/{n}',
    app.port,
    claims.map((c, k) => ({
      path: `/api/v1/track/${c}`,
      headers: { 'x-tracking-code': BENCH_TRACKING_CODE, 'x-forwarded-for': `10.1.${k >> 8}.${k & 255}` },
    })),
    options,
  );
  const staff = await load(
    'staff view GET /claims/{n}',
    app.port,
    claims.map((c) => ({ path: `/api/v1/claims/${c}`, headers: { authorization: `Bearer ${token}` } })),
    options,
  );
  await app.stop();

  printLoad(ceiling, [family, staff]);
  if ([ceiling, family, staff].some((f) => f.failures > 0)) {
    console.error('some requests failed: these figures are not valid');
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
