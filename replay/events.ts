// A run's history read as calls: activities (input, result), updates (who asked, what, the answer), markers
// and the close. Payloads are decoded with the production data converter (payload codec included).
import { arrayFromPayloads, type LoadedDataConverter, type Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { UpdateDefinition } from '@temporalio/common';
import type { Activities } from '../activities';
import type { RunHistory } from './fetch';

type Event = NonNullable<RunHistory['history']['events']>[number];
type Payloads = { payloads?: Payload[] | null } | null | undefined;

export interface ActivityCall {
  type: string;
  scheduledAt: string;
  input: unknown[];
  closedAt?: string;
  status: 'completed' | 'failed' | 'timed_out' | 'canceled' | 'pending';
  result?: unknown;
  failure?: string;
  /**
   * A local activity: its marker keeps the result but not the arguments (input is empty), so the activities the
   * trail reads answer with what they recorded (activities/claims.ts; patch claim-shape-fewer-round-trips).
   */
  local?: true;
}

export interface UpdateCall {
  name: string;
  id: string;
  acceptedAt: string;
  input: unknown[];
  status: 'completed' | 'failed' | 'pending';
  result?: unknown;
  failure?: string;
}

export interface RunCalls {
  workflowId: string;
  runId: string;
  workflowType: string;
  startedAt: string;
  input: unknown[];
  activities: ActivityCall[];
  updates: UpdateCall[];
  signals: { name: string; at: string; input: unknown[] }[];
  /** Patch ids this run recorded with patched()/deprecatePatch(). */
  patches: string[];
  close?: {
    status: 'completed' | 'failed' | 'continued_as_new' | 'terminated' | 'canceled' | 'timed_out';
    at: string;
    /** The workflow's result; for continue-as-new, the next run's input. */
    result?: unknown;
    failure?: string;
  };
}

/** Seconds as number, string or Long (from either protobufjs copy: not all of them have Long's methods). */
function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'object' && 'low' in value && 'high' in value) {
    const { low, high } = value as { low: number; high: number };
    return high * 2 ** 32 + (low >>> 0);
  }
  return Number(value);
}

function at(event: Event): string {
  const ts = event.eventTime;
  if (!ts) return '';
  return new Date(toNumber(ts.seconds) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6)).toISOString();
}

function idOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

type Failure = temporal.api.failure.v1.IFailure | null | undefined;

/** The payloads as the worker wrote them: the codecs undone last to first. */
async function decodeWithCodecs(converter: LoadedDataConverter, payloads: Payload[]): Promise<Payload[]> {
  let decoded = payloads;
  for (const codec of [...converter.payloadCodecs].reverse()) decoded = await codec.decode(decoded);
  return decoded;
}

/** The failure's message, decoded: with encodeCommonAttributes the history only says "Encoded failure". */
async function failureMessage(converter: LoadedDataConverter, failure: Failure): Promise<string> {
  if (!failure) return '';
  const encoded = failure.encodedAttributes
    ? (await decodeWithCodecs(converter, [failure.encodedAttributes]))[0]
    : undefined;
  const decoded = { ...failure, encodedAttributes: encoded };
  return converter.failureConverter.failureToError(decoded, converter.payloadConverter).message;
}

async function decode(converter: LoadedDataConverter, payloads: Payloads): Promise<unknown[]> {
  if (!payloads?.payloads?.length) return [];
  return arrayFromPayloads(converter.payloadConverter, await decodeWithCodecs(converter, payloads.payloads));
}

/** The marker the SDK records for a local activity once it has completed or failed for good. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

/** A local activity's marker as a call: its type from the SDK's own data (plain JSON), its result or failure. */
async function localActivity(converter: LoadedDataConverter, e: Event): Promise<ActivityCall> {
  const marker = e.markerRecordedEventAttributes!;
  const data = marker.details?.data?.payloads?.[0]?.data;
  const info = data ? (JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type?: string }) : {};
  return {
    type: info.activity_type ?? '',
    scheduledAt: at(e),
    closedAt: at(e),
    input: [],
    local: true,
    ...(marker.failure
      ? { status: 'failed', failure: await failureMessage(converter, marker.failure) }
      : { status: 'completed', result: (await decode(converter, marker.details?.result))[0] }),
  };
}

/** Reads the run's history in event order. */
export async function readRun(run: RunHistory, converter: LoadedDataConverter): Promise<RunCalls> {
  const events = run.history.events ?? [];
  const calls: RunCalls = {
    workflowId: run.workflowId,
    runId: run.runId,
    workflowType: run.workflowType,
    startedAt: events[0] ? at(events[0]) : '',
    input: [],
    activities: [],
    updates: [],
    signals: [],
    patches: [],
  };
  const activities = new Map<string, ActivityCall>();
  const updates = new Map<string, UpdateCall>();

  for (const e of events) {
    const closeAt = at(e);
    if (e.workflowExecutionStartedEventAttributes) {
      calls.input = await decode(converter, e.workflowExecutionStartedEventAttributes.input);
    } else if (e.activityTaskScheduledEventAttributes) {
      const a = e.activityTaskScheduledEventAttributes;
      const call: ActivityCall = {
        type: a.activityType?.name ?? '',
        scheduledAt: at(e),
        input: await decode(converter, a.input),
        status: 'pending',
      };
      activities.set(idOf(e.eventId), call);
      calls.activities.push(call);
    } else if (e.activityTaskCompletedEventAttributes) {
      const a = e.activityTaskCompletedEventAttributes;
      const call = activities.get(idOf(a.scheduledEventId));
      if (call)
        Object.assign(call, {
          status: 'completed',
          closedAt: closeAt,
          result: (await decode(converter, a.result))[0],
        });
    } else if (e.activityTaskFailedEventAttributes) {
      const a = e.activityTaskFailedEventAttributes;
      const call = activities.get(idOf(a.scheduledEventId));
      if (call)
        Object.assign(call, {
          status: 'failed',
          closedAt: closeAt,
          failure: await failureMessage(converter, a.failure),
        });
    } else if (e.activityTaskTimedOutEventAttributes) {
      const call = activities.get(idOf(e.activityTaskTimedOutEventAttributes.scheduledEventId));
      if (call) Object.assign(call, { status: 'timed_out', closedAt: closeAt });
    } else if (e.activityTaskCanceledEventAttributes) {
      const call = activities.get(idOf(e.activityTaskCanceledEventAttributes.scheduledEventId));
      if (call) Object.assign(call, { status: 'canceled', closedAt: closeAt });
    } else if (e.workflowExecutionUpdateAcceptedEventAttributes) {
      const request = e.workflowExecutionUpdateAcceptedEventAttributes.acceptedRequest;
      const call: UpdateCall = {
        name: request?.input?.name ?? '',
        id: request?.meta?.updateId ?? '',
        acceptedAt: at(e),
        input: await decode(converter, request?.input?.args),
        status: 'pending',
      };
      updates.set(call.id, call);
      calls.updates.push(call);
    } else if (e.workflowExecutionUpdateCompletedEventAttributes) {
      const done = e.workflowExecutionUpdateCompletedEventAttributes;
      const call = updates.get(done.meta?.updateId ?? '');
      if (call && done.outcome?.failure) {
        Object.assign(call, {
          status: 'failed',
          failure: await failureMessage(converter, done.outcome.failure),
        });
      } else if (call) {
        Object.assign(call, {
          status: 'completed',
          result: (await decode(converter, done.outcome?.success))[0],
        });
      }
    } else if (e.workflowExecutionSignaledEventAttributes) {
      const s = e.workflowExecutionSignaledEventAttributes;
      calls.signals.push({ name: s.signalName ?? '', at: at(e), input: await decode(converter, s.input) });
    } else if (e.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER) {
      calls.activities.push(await localActivity(converter, e));
    } else if (e.markerRecordedEventAttributes?.markerName === 'core_patch') {
      const details = e.markerRecordedEventAttributes.details;
      const data = details?.['patch-data'] ?? details?.patch_data;
      const [patch] = data ? await decode(converter, data) : [];
      const id = (patch as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') calls.patches.push(id);
    } else if (e.workflowExecutionCompletedEventAttributes) {
      const result = (await decode(converter, e.workflowExecutionCompletedEventAttributes.result))[0];
      calls.close = { status: 'completed', at: closeAt, result };
    } else if (e.workflowExecutionFailedEventAttributes) {
      const failure = await failureMessage(converter, e.workflowExecutionFailedEventAttributes.failure);
      calls.close = { status: 'failed', at: closeAt, failure };
    } else if (e.workflowExecutionContinuedAsNewEventAttributes) {
      const next = await decode(converter, e.workflowExecutionContinuedAsNewEventAttributes.input);
      calls.close = { status: 'continued_as_new', at: closeAt, result: next[0] };
    } else if (e.workflowExecutionTerminatedEventAttributes) {
      calls.close = {
        status: 'terminated',
        at: closeAt,
        failure: e.workflowExecutionTerminatedEventAttributes.reason ?? '',
      };
    } else if (e.workflowExecutionCanceledEventAttributes) {
      calls.close = { status: 'canceled', at: closeAt };
    } else if (e.workflowExecutionTimedOutEventAttributes) {
      calls.close = { status: 'timed_out', at: closeAt };
    }
  }
  return calls;
}

/** A completed update's request and answer, typed by its definition; undefined for any other update. */
export function updateOf<Ret, Arg>(
  update: UpdateCall,
  definition: UpdateDefinition<Ret, [Arg]>,
): { request: Arg; result: Ret | undefined } | undefined {
  if (update.name !== definition.name) return undefined;
  return { request: update.input[0] as Arg, result: update.result as Ret | undefined };
}

/** An activity call's arguments and result, typed by the activity's own signature; undefined for any other. */
export function activityOf<Name extends keyof Activities>(
  call: ActivityCall,
  name: Name,
):
  | { args: Parameters<Activities[Name]>; result: Awaited<ReturnType<Activities[Name]>> | undefined }
  | undefined {
  if (call.type !== name) return undefined;
  return {
    args: call.input as Parameters<Activities[Name]>,
    result: call.result as Awaited<ReturnType<Activities[Name]>> | undefined,
  };
}
