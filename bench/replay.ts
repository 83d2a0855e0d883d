// Replay throughput: 200 recorded claim histories (the committed fixtures, shortest to longest, repeated with
// distinct workflow ids) replayed with one prebuilt bundle, against the ceiling: trivial no-op workflow
// histories of the same lengths, recorded here on the time-skipping server. Prints figures; asserts no timing.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  Worker,
  type WorkflowBundleOption,
} from '@temporalio/worker';
import { Replayer, type ReplayInput } from '../replay';
import { historyToJsonObject, type History } from '../replay/proto-json';
import { testDataConverter } from '../test/helpers/codec';
import { root, temporalBinaries } from '../test/helpers/paths';

const HISTORIES = 200;
const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} };

interface Fixture {
  name: string;
  events: number;
  json: { events: unknown[] };
}

const dir = join(root, 'test', 'replay', 'histories');
const jsonIn = (folder: string) =>
  readdirSync(join(dir, folder))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${folder}/${f}`);

/** Every committed history but the negative control: claims, and the school-year runs of the scholarships. */
function fixtures(): Fixture[] {
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'altered')
    .map((d) => d.name);
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.json')), ...folders.flatMap(jsonIn)];
  return files
    .map((name) => {
      const json = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { events: unknown[] };
      return { name, events: json.events.length, json };
    })
    .sort((a, b) => a.events - b.events);
}

/** 6 events per no-op activity, 5 per timer, 5 for start and completion: counts for exactly `events` events. */
function shape(events: number): { activities: number; timers: number } {
  const rest = Math.max(0, events - 5);
  for (let activities = Math.floor(rest / 6); activities >= 0; activities--) {
    if ((rest - 6 * activities) % 5 === 0) return { activities, timers: (rest - 6 * activities) / 5 };
  }
  return { activities: Math.round(rest / 6), timers: 0 };
}

async function recordNoopHistories(lengths: number[]): Promise<Map<number, History>> {
  const { testServer } = temporalBinaries();
  const env = await TestWorkflowEnvironment.createTimeSkipping(
    testServer ? { server: { executable: { type: 'existing-path', path: testServer } } } : {},
  );
  try {
    const taskQueue = `bench-noop-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./lib/noop-workflow'),
      activities: { noop: async () => undefined },
    });
    return await worker.runUntil(async () => {
      const out = new Map<number, History>();
      for (const length of lengths) {
        const { activities, timers } = shape(length);
        const handle = await env.client.workflow.start('noopWorkflow', {
          taskQueue,
          workflowId: `noop-${length}-${randomUUID()}`,
          args: [activities, timers],
        });
        await handle.result();
        out.set(length, await handle.fetchHistory());
      }
      return out;
    });
  } finally {
    await env.teardown();
  }
}

async function measure(replayer: Replayer, inputs: ReplayInput[]) {
  const started = process.hrtime.bigint();
  const results = await replayer.replay(inputs);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const events = results.reduce((sum, r) => sum + r.events, 0);
  const failures = results.filter((r) => !r.deterministic);
  if (failures.length > 0) {
    throw new Error(`${failures.length} histories did not replay: ${failures[0]!.error?.message ?? ''}`);
  }
  return { histories: results.length, events, seconds, rate: events / seconds };
}

async function main(): Promise<void> {
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
  });
  const recorded = fixtures();
  // Round-robin over the fixtures, shortest first: every length is represented about equally.
  const claimInputs: ReplayInput[] = Array.from({ length: HISTORIES }, (_, i) => {
    const f = recorded[i % recorded.length]!;
    return { workflowId: `bench-${i}-${f.name}`, history: f.json };
  });

  const claimBundle: WorkflowBundleOption = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    failureConverterPath: testDataConverter.failureConverterPath,
    logger: quiet,
  });
  const noopBundle: WorkflowBundleOption = await bundleWorkflowCode({
    workflowsPath: require.resolve('./lib/noop-workflow'),
    logger: quiet,
  });
  const appAndNoopBundle: WorkflowBundleOption = await bundleWorkflowCode({
    workflowsPath: require.resolve('./lib/app-and-noop'),
    failureConverterPath: testDataConverter.failureConverterPath,
    logger: quiet,
  });
  const lengths = [...new Set(recorded.map((f) => f.events))];
  const noops = await recordNoopHistories(lengths);
  const noopInputs: ReplayInput[] = claimInputs.map((input, i) => {
    const length = recorded[i % recorded.length]!.events;
    return { workflowId: `noop-${i}`, history: historyToJsonObject(noops.get(length)!) };
  });

  const claims = new Replayer({ workflowBundle: claimBundle, dataConverter: testDataConverter });
  const ceiling = new Replayer({ workflowBundle: noopBundle });
  await claims.replay(claimInputs.slice(0, recorded.length)); // warm-up: V8 and the bundle's first load
  await ceiling.replay(noopInputs.slice(0, recorded.length));
  const claim = await measure(claims, claimInputs);
  const noop = await measure(ceiling, noopInputs);
  const noopInApp = await measure(
    new Replayer({ workflowBundle: appAndNoopBundle, dataConverter: testDataConverter }),
    noopInputs,
  );
  const full = jsonIn('scholarship-full');
  const scholarship = await measure(
    claims,
    full.map((f) => ({ workflowId: f, history: JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown })),
  );

  const noopLengths = lengths.map((l) => historyToJsonObject(noops.get(l)!).events.length);
  const row = (name: string, m: Awaited<ReturnType<typeof measure>>) =>
    `${name.padEnd(32)} ${String(m.histories).padStart(5)} ${String(m.events).padStart(8)} ${m.seconds
      .toFixed(2)
      .padStart(8)} ${Math.round(m.rate).toString().padStart(10)}`;
  console.log('\nreplay (one prebuilt bundle, one replay worker per batch)');
  console.log(
    `recorded histories: ${recorded.length} (claims and school-year runs), ${lengths[0]} to ` +
      `${lengths[lengths.length - 1]} events each, cycled to ${HISTORIES}`,
  );
  console.log(`no-op histories: lengths ${noopLengths.join(', ')} (claims: ${lengths.join(', ')})`);
  console.log(
    `${''.padEnd(32)} ${'runs'.padStart(5)} ${'events'.padStart(8)} ${'seconds'.padStart(8)} ${'events/s'.padStart(10)}`,
  );
  console.log(row('recorded histories', claim));
  console.log(row('no-op histories (ceiling)', noop));
  console.log(row('no-op histories, app bundle', noopInApp));
  console.log(row('a full scholarship (claim + 19)', scholarship));
  console.log(`claim / ceiling: ${(claim.rate / noop.rate).toFixed(2)}× (target ≥ 0.5×)`);
  console.log(
    `a full scholarship's ${scholarship.histories} histories: ${scholarship.seconds.toFixed(2)} s (target < 2 s)`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
