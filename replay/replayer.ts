// Replaying histories against the current workflow code, with one prebuilt bundle per process.
import type { DataConverter } from '@temporalio/common';
import { bundleWorkflowCode, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import type { History } from './proto-json';
import { historyFromJson } from './proto-json';
import { forReading } from '../codec/data-converter';
import { loadWorkflowBundle, type BundleSettings } from '../workflow-bundle';

export interface ReplayInput {
  workflowId: string;
  runId?: string;
  workflowType?: string;
  /** Protobuf form (as fetched) or proto3 JSON (as exported by the API or the Temporal CLI). */
  history: History | unknown;
}

export interface RunReplayResult {
  workflowId: string;
  runId: string;
  workflowType?: string;
  events: number;
  deterministic: boolean;
  /** When it failed: what the SDK reported; for a determinism error, the first divergence it found. */
  error?: { name: string; message: string };
  divergence?: string;
}

export interface ReplayerOptions {
  /** A prebuilt bundle ({ code } or { codePath }); built from workflowsPath on first use when absent. */
  workflowBundle?: WorkflowBundleOption;
  workflowsPath?: string;
  /**
   * An entry point's settings: load the bundle `npm run build` made (loadWorkflowBundle), as the workers do, instead
   * of bundling from source.
   */
  bundleSettings?: BundleSettings;
  /** The production data converter (payload codec included): replay decodes payloads as the worker did. */
  dataConverter?: DataConverter;
}

const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} };

function toProto(history: History | unknown): History {
  const events = (history as { events?: { eventId?: unknown }[] } | null)?.events;
  // Fetched histories carry Long event ids; JSON ones carry strings.
  return events && typeof events[0]?.eventId === 'string' ? historyFromJson(history) : (history as History);
}

/**
 * The first divergence, in the SDK's words, e.g. "Activity type of scheduled event 'notifyFamily' does not
 * match activity type of activity command 'recordStep'"; the full message stays in `error`.
 */
function firstDivergence(message: string): string {
  const detail = /Details: (.*)$/s.exec(message)?.[1] ?? message;
  // Core wraps it: `Failure { failure: Some(Failure { message: "[TMPRL1100] Nondeterminism error: …", … }`
  const inner = /message: "((?:[^"\\]|\\.)*)"/s.exec(detail)?.[1] ?? detail;
  return inner
    .replace(/\\"/g, '"')
    .replace(/^\[TMPRL\d+\]\s*/, '')
    .replace(/^Nondeterminism error:\s*/i, '')
    .trim();
}

export class Replayer {
  private bundle: Promise<WorkflowBundleOption> | undefined;

  constructor(private readonly options: ReplayerOptions = {}) {
    if (options.workflowBundle) this.bundle = Promise.resolve(options.workflowBundle);
  }

  /** Bundles the workflow code once; every later replay reuses it. */
  workflowBundle(): Promise<WorkflowBundleOption> {
    if (this.options.bundleSettings && !this.options.workflowsPath)
      this.bundle ??= loadWorkflowBundle(this.options.bundleSettings).catch((err: unknown) => {
        this.bundle = undefined;
        throw err;
      });
    this.bundle ??= bundleWorkflowCode({
      workflowsPath: this.options.workflowsPath ?? require.resolve('../workflows'),
      ...(this.options.dataConverter?.payloadConverterPath
        ? { payloadConverterPath: this.options.dataConverter.payloadConverterPath }
        : {}),
      ...(this.options.dataConverter?.failureConverterPath
        ? { failureConverterPath: this.options.dataConverter.failureConverterPath }
        : {}),
      logger: quiet,
    }).catch((err: unknown) => {
      this.bundle = undefined; // let a later call try again
      throw err;
    });
    return this.bundle;
  }

  /** Replays each history in turn on one replay worker, yielding a result per run as it finishes. */
  async *replayEach(
    inputs: Iterable<ReplayInput> | AsyncIterable<ReplayInput>,
  ): AsyncGenerator<RunReplayResult> {
    const workflowBundle = await this.workflowBundle();
    const pending: { input: ReplayInput; events: number }[] = [];
    async function* histories() {
      for await (const input of inputs) {
        const history = toProto(input.history);
        pending.push({ input, events: history.events?.length ?? 0 });
        yield { workflowId: input.workflowId, history };
      }
    }
    const results = Worker.runReplayHistories(
      {
        workflowBundle,
        ...(this.options.dataConverter ? { dataConverter: forReading(this.options.dataConverter) } : {}),
        replayName: 'santunan-replay',
      },
      histories(),
    );
    for await (const result of results) {
      const { input, events } = pending.shift()!;
      const error = result.error;
      yield {
        workflowId: input.workflowId,
        runId: input.runId ?? result.runId,
        ...(input.workflowType ? { workflowType: input.workflowType } : {}),
        events,
        deterministic: error === undefined,
        ...(error
          ? {
              error: {
                name: error instanceof DeterminismViolationError ? 'DeterminismViolationError' : error.name,
                message: error.message,
              },
              ...(error instanceof DeterminismViolationError
                ? { divergence: firstDivergence(error.message) }
                : {}),
            }
          : {}),
      };
    }
  }

  async replay(inputs: Iterable<ReplayInput> | AsyncIterable<ReplayInput>): Promise<RunReplayResult[]> {
    const out: RunReplayResult[] = [];
    for await (const result of this.replayEach(inputs)) out.push(result);
    return out;
  }
}

/** Replays one history and throws the SDK's error (DeterminismViolationError, ReplayError) if it fails. */
export async function replayOrThrow(
  options: ReplayerOptions & { workflowBundle: WorkflowBundleOption },
  input: ReplayInput,
): Promise<void> {
  await Worker.runReplayHistory(
    {
      workflowBundle: options.workflowBundle,
      ...(options.dataConverter ? { dataConverter: forReading(options.dataConverter) } : {}),
    },
    toProto(input.history),
    input.workflowId,
  );
}
