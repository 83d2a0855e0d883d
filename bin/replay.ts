// npm run replay -- <claimNumber | path/to/history.json | --all [--since YYYY-MM-DD]> [more claims or files]
// Replays workflow histories against the current workflow code, with one bundle and the production payload codec.
//   claimNumber   the claim's workflow and every run of its scholarships, from TEMPORAL_ADDRESS
//   file.json     a history from `temporal workflow show --output json`, or an export from the API (its hash
//                 chains are checked too)
//   --all         every claim and scholarship run in TEMPORAL_NAMESPACE (started since --since), with a
//                 progress bar and a summary
// Exit code: 0 when every run replays, 1 when any run is non-deterministic (or cannot be replayed), 2 on misuse.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { SingleBar } from 'cli-progress';
import { createDataConverter } from '../codec/data-converter';
import { loadEntryPointConfig } from '../config';
import {
  fetchClaimHistories,
  historyFromJson,
  isHistoryExport,
  Replayer,
  verifyExport,
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

function line(result: RunReplayResult): string {
  const run = `${result.workflowId} ${result.runId} (${result.events} events)`;
  return result.deterministic
    ? `ok    ${run}`
    : `FAIL  ${run}\n      ${result.error?.name}: ${result.divergence ?? result.error?.message}`;
}

/** The histories in a file: one CLI history, or every run of an API export (whose hash chains must verify). */
function fromFile(path: string): { inputs: ReplayInput[]; chainFailures: string[] } {
  const json = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (isHistoryExport(json)) {
    const check = verifyExport(json);
    const chainFailures = check.runs
      .filter((r) => !r.valid)
      .map((r) => `${r.workflowId} ${r.runId}: hash chain broken: ${r.valid ? '' : r.reason}`);
    if (!check.digestValid) chainFailures.push(`${path}: the export digest does not match its runs`);
    const inputs = json.runs.map((r) => ({
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
        workflowId,
        ...(started?.workflowType?.name ? { workflowType: started.workflowType.name } : {}),
        history,
      },
    ],
    chainFailures: [],
  };
}

/** Every run in the namespace whose type this bundle knows, in listing order, a few downloads ahead. */
async function* allRuns(client: Client, query: string, ahead = 8): AsyncGenerator<ReplayInput> {
  const pending: Promise<ReplayInput>[] = [];
  for await (const { workflowId, runId, type } of client.workflow.list({ query })) {
    const download = client.workflow
      .getHandle(workflowId, runId)
      .fetchHistory()
      .then((history) => ({ workflowId, runId, workflowType: type, history }));
    download.catch(() => undefined); // awaited below, in order; this only keeps Node from calling it unhandled
    pending.push(download);
    if (pending.length >= ahead) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
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
      for await (const result of replayer.replayEach(allRuns(client!, query))) {
        totals.histories += 1;
        totals.events += result.events;
        if (!result.deterministic) failures.push(result);
        bar.setTotal(Math.max(count, totals.histories));
        bar.update(totals.histories, { events: totals.events, failures: failures.length });
      }
      bar.stop();
      for (const failure of failures) console.log(line(failure));
      totals.failures = failures.length;
    } else {
      // Every target's histories first, then one replay worker for all of them.
      const inputs: ReplayInput[] = [];
      for (const target of positionals) {
        if (isClaimNumber(target)) {
          const runs = await fetchClaimHistories(client!, target);
          if (!runs) {
            console.log(`FAIL  ${target}: no workflow history for this claim`);
            totals.failures += 1;
          }
          inputs.push(...(runs ?? []));
        } else {
          const file = fromFile(target);
          for (const failure of file.chainFailures) console.log(`FAIL  ${failure}`);
          totals.failures += file.chainFailures.length;
          inputs.push(...file.inputs);
        }
      }
      for await (const result of replayer.replayEach(inputs)) {
        totals.histories += 1;
        totals.events += result.events;
        if (!result.deterministic) totals.failures += 1;
        console.log(line(result));
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
