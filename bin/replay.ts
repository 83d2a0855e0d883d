// npm run replay -- <claimNumber | path/to/history.json | --all [--since YYYY-MM-DD]> [more claims or files]
// Replays workflow histories against the current workflow code, with one bundle and the production payload codec.
//   claimNumber   the claim's workflow and every run of its scholarships, from TEMPORAL_ADDRESS, and from the
//                 history archive in DATABASE_URL for the runs Temporal no longer has (past retention)
//   file.json     a history from `temporal workflow show --output json`, or an export from the API (its hash
//                 chains are checked too)
//   --all         every claim and scholarship run in TEMPORAL_NAMESPACE (started since --since), then the archived
//                 runs Temporal no longer has, with a progress bar and a summary
// Each run's line says where its history came from: temporal, archive or file.
// Exit code: 0 when every run replays, 1 when any run is non-deterministic (or cannot be replayed), 2 on misuse.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { SingleBar } from 'cli-progress';
import { createDataConverter } from '../codec/data-converter';
import { loadEntryPointConfig } from '../config';
import { createDb } from '../db/config';
import { createStores, type HistoryArchiveStore } from '../db/stores';
import {
  archivedRunHistory,
  fetchClaimHistories,
  historyFromJson,
  isHistoryExport,
  Replayer,
  verifyExport,
  type HistorySource,
  type ReplayInput,
  type RunReplayResult,
} from '../replay';
import { connectClient } from '../temporal-connection';
import { isClaimNumber } from '../vocabulary/ids';
import * as workflows from '../workflows';

const EXIT_NON_DETERMINISTIC = 1;
const EXIT_USAGE = 2;
const USAGE = 'usage: npm run replay -- <claimNumber | path/to/history.json | --all [--since YYYY-MM-DD]> …';

interface Totals {
  histories: number;
  events: number;
  failures: number;
}

type Source = HistorySource | 'file';
type SourcedInput = ReplayInput & { source: Source };

function line(result: RunReplayResult, source: Source | undefined): string {
  const run = `${result.workflowId} ${result.runId} (${result.events} events, from ${source ?? 'file'})`;
  return result.deterministic
    ? `ok    ${run}`
    : `FAIL  ${run}\n      ${result.error?.name}: ${result.divergence ?? result.error?.message}`;
}

/** The histories in a file: one CLI history, or every run of an API export (whose hash chains must verify). */
function fromFile(path: string): { inputs: SourcedInput[]; chainFailures: string[] } {
  const json = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (isHistoryExport(json)) {
    const check = verifyExport(json);
    const chainFailures = check.runs
      .filter((r) => !r.valid)
      .map((r) => `${r.workflowId} ${r.runId}: hash chain broken: ${r.valid ? '' : r.reason}`);
    if (!check.digestValid) chainFailures.push(`${path}: the export digest does not match its runs`);
    const inputs = json.runs.map((r) => ({
      source: 'file' as const,
      workflowId: r.workflowId,
      runId: r.runId,
      workflowType: r.workflowType,
      history: r.history,
    }));
    return { inputs, chainFailures };
  }
  const history = historyFromJson(json);
  const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
  // Recent servers write the workflow id into the first event; older ones do not: name it after the file.
  const workflowId =
    (started as { workflowId?: string } | null | undefined)?.workflowId || basename(path, '.json');
  return {
    inputs: [
      {
        source: 'file',
        workflowId,
        ...(started?.workflowType?.name ? { workflowType: started.workflowType.name } : {}),
        history,
      },
    ],
    chainFailures: [],
  };
}

/** Every run in the namespace whose type this bundle knows, in listing order, a few downloads ahead. */
async function* allRuns(client: Client, query: string, ahead = 8): AsyncGenerator<SourcedInput> {
  const pending: Promise<SourcedInput>[] = [];
  for await (const { workflowId, runId, type } of client.workflow.list({ query })) {
    const download = client.workflow
      .getHandle(workflowId, runId)
      .fetchHistory()
      .then((history) => ({ workflowId, runId, workflowType: type, history, source: 'temporal' as const }));
    download.catch(() => undefined); // awaited below, in order; this only keeps Node from calling it unhandled
    pending.push(download);
    if (pending.length >= ahead) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
}

/** Temporal's runs, then the archived runs Temporal no longer has (past retention). */
async function* allRunsWithArchive(
  client: Client,
  query: string,
  archive: HistoryArchiveStore,
  since: string | undefined,
): AsyncGenerator<SourcedInput> {
  const seen = new Set<string>();
  for await (const input of allRuns(client, query)) {
    seen.add(`${input.workflowId}/${input.runId}`);
    yield input;
  }
  const startedSince = since ? { startedSince: new Date(`${since}T00:00:00Z`) } : {};
  for await (const record of archive.allRuns(startedSince)) {
    if (!seen.has(`${record.workflowId}/${record.runId}`)) yield archivedRunHistory(record);
  }
}

function workflowTypes(): string[] {
  return Object.entries(workflows)
    .filter(([, value]) => typeof value === 'function')
    .map(([name]) => name);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { all: { type: 'boolean', default: false }, since: { type: 'string' } },
  });
  if ((!values.all && positionals.length === 0) || (values.since && !values.all)) {
    console.error(USAGE);
    return EXIT_USAGE;
  }
  if (
    values.since !== undefined &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(values.since) || Number.isNaN(Date.parse(values.since)))
  ) {
    console.error('--since must be a date as YYYY-MM-DD');
    return EXIT_USAGE;
  }
  const config = loadEntryPointConfig('replay');
  // Replay logs only errors: a divergence is reported below, not as a worker warning.
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
  });
  // An auditor replays histories of every age, those recorded before payloads were encrypted too.
  const dataConverter = createDataConverter(config.PAYLOAD_KEYS, 'read');
  const replayer = new Replayer({ dataConverter, bundleSettings: config });
  const needsServer = values.all || positionals.some((p) => isClaimNumber(p));
  const connection = needsServer ? await connectClient(config.TEMPORAL) : undefined;
  const client = connection
    ? new Client({ connection, namespace: config.TEMPORAL.namespace, dataConverter })
    : undefined;
  // The archive is read only for runs Temporal no longer has (and by --all): no connection is made otherwise.
  const db = needsServer ? createDb(config.DATABASE_URL, { max: 2 }) : undefined;
  const archive = db ? createStores(db).historyArchive : undefined;
  const sources = new Map<string, Source>();
  const sourceOf = (r: RunReplayResult) => sources.get(`${r.workflowId}/${r.runId}`);
  const tracked = async function* (inputs: Iterable<SourcedInput> | AsyncIterable<SourcedInput>) {
    for await (const input of inputs) {
      if (input.runId) sources.set(`${input.workflowId}/${input.runId}`, input.source);
      yield input;
    }
  };
  const totals: Totals = { histories: 0, events: 0, failures: 0 };
  const started = Date.now();
  try {
    await replayer.workflowBundle(); // bundled once, before the clock for events/s starts
    const replayStarted = Date.now();

    if (values.all) {
      const types = workflowTypes().map((t) => `'${t}'`);
      const query = [
        `WorkflowType IN (${types.join(', ')})`,
        ...(values.since ? [`StartTime >= '${values.since}T00:00:00Z'`] : []),
      ].join(' AND ');
      const { count } = await client!.workflow.count(query);
      const bar = new SingleBar({
        format: 'replaying [{bar}] {value}/{total} histories | {events} events | {failures} failed',
        hideCursor: true,
      });
      bar.start(count, 0, { events: 0, failures: 0 });
      const failures: RunReplayResult[] = [];
      for await (const result of replayer.replayEach(
        tracked(allRunsWithArchive(client!, query, archive!, values.since)),
      )) {
        totals.histories += 1;
        totals.events += result.events;
        if (!result.deterministic) failures.push(result);
        bar.setTotal(Math.max(count, totals.histories));
        bar.update(totals.histories, { events: totals.events, failures: failures.length });
      }
      bar.stop();
      for (const failure of failures) console.log(line(failure, sourceOf(failure)));
      const fromArchive = [...sources.values()].filter((source) => source === 'archive').length;
      if (fromArchive > 0) console.log(`${fromArchive} of them from the archive (no longer in Temporal)`);
      totals.failures = failures.length;
    } else {
      // Every target's histories first, then one replay worker for all of them.
      const inputs: SourcedInput[] = [];
      for (const target of positionals) {
        if (isClaimNumber(target)) {
          const runs = await fetchClaimHistories(client!, target, archive);
          if (!runs) {
            console.log(`FAIL  ${target}: no workflow history for this claim`);
            totals.failures += 1;
          }
          inputs.push(...(runs ?? []).map((r) => ({ ...r, source: r.source ?? ('temporal' as const) })));
        } else {
          const file = fromFile(target);
          for (const failure of file.chainFailures) console.log(`FAIL  ${failure}`);
          totals.failures += file.chainFailures.length;
          inputs.push(...file.inputs);
        }
      }
      for await (const result of replayer.replayEach(tracked(inputs))) {
        totals.histories += 1;
        totals.events += result.events;
        if (!result.deterministic) totals.failures += 1;
        console.log(line(result, sourceOf(result)));
      }
    }

    const seconds = (Date.now() - replayStarted) / 1000;
    const rate = seconds > 0 ? Math.round(totals.events / seconds) : totals.events;
    console.log(
      `\n${totals.histories} histories, ${totals.events} events, ${totals.failures} failures, ` +
        `${rate} events/s (${seconds.toFixed(1)} s; ${((Date.now() - started) / 1000).toFixed(1)} s with the bundle)`,
    );
    return totals.failures > 0 ? EXIT_NON_DETERMINISTIC : 0;
  } finally {
    await connection?.close();
    await db?.destroy();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = EXIT_NON_DETERMINISTIC;
  },
);
