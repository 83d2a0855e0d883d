// Histories as the proto3 JSON that `temporal workflow show --output json` writes, and back.
// The SDK's historyToJSON/historyFromJSON do the same, but in this install @temporalio/common and
// @temporalio/proto each carry their own protobufjs copy, and protojson's `instanceof Type` check fails
// across copies ("type must be a Type"). So we use the protobufjs that @temporalio/proto's root was built with.
import { createRequire } from 'node:module';
import type { History } from '@temporalio/common/lib/proto-utils';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

export type { History };

interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}

const protojson = createRequire(require.resolve('@temporalio/proto'))(
  'protobufjs/ext/protojson',
) as ProtoJson;
const root = patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown };
const historyType = root.lookupType('temporal.api.history.v1.History');

/** One history event in proto3 JSON: eventId and taskId as strings, enums as their constant names. */
export type JsonEvent = Record<string, unknown> & { eventId: string; eventType: string; eventTime?: string };
export interface JsonHistory {
  events: JsonEvent[];
}

/** The history as the Temporal CLI prints it (2-space indent, no trailing newline). */
export function historyToJson(history: History): string {
  const message = proto.temporal.api.history.v1.History.fromObject(history);
  return JSON.stringify(protojson.toJson(historyType, message), null, 2);
}

export function historyToJsonObject(history: History): JsonHistory {
  return JSON.parse(historyToJson(history)) as JsonHistory;
}

// Older tools (tctl, early SDKs) wrote enum values as PascalCase without their prefix: accept those too,
// as the SDK's historyFromJSON does.
function constantCase(s: string): string {
  return s.replace(/[^\b][A-Z]/g, (m) => `${m[0]}_${m[1]}`).toUpperCase();
}

function fixEnum(obj: Record<string, unknown>, attr: string, prefix: string): Record<string, unknown> {
  const value = obj[attr];
  if (typeof value !== 'string' || value.startsWith(prefix)) return {};
  return { [attr]: `${prefix}_${constantCase(value)}` };
}

function fixEvent(e: Record<string, unknown>): Record<string, unknown> {
  const key = Object.keys(e).find((k) => k.endsWith('EventAttributes'));
  if (!key) throw new TypeError(`History event ${String(e.eventId)} has no attributes`);
  const attrs = e[key] as Record<string, unknown>;
  const taskQueue = attrs.taskQueue as Record<string, unknown> | undefined;
  const childFailure = attrs.childWorkflowExecutionFailureInfo as Record<string, unknown> | undefined;
  return {
    ...e,
    ...fixEnum(e, 'eventType', 'EVENT_TYPE'),
    [key]: {
      ...attrs,
      ...(taskQueue ? { taskQueue: { ...taskQueue, ...fixEnum(taskQueue, 'kind', 'TASK_QUEUE_KIND') } } : {}),
      ...fixEnum(attrs, 'parentClosePolicy', 'PARENT_CLOSE_POLICY'),
      ...fixEnum(attrs, 'workflowIdReusePolicy', 'WORKFLOW_ID_REUSE_POLICY'),
      ...fixEnum(attrs, 'initiator', 'CONTINUE_AS_NEW_INITIATOR'),
      ...fixEnum(attrs, 'retryState', 'RETRY_STATE'),
      ...(childFailure
        ? {
            childWorkflowExecutionFailureInfo: {
              ...childFailure,
              ...fixEnum(childFailure, 'retryState', 'RETRY_STATE'),
            },
          }
        : {}),
    },
  };
}

/** Parses a history in proto3 JSON (a string or the parsed object) into the protobuf form the SDK replays. */
export function historyFromJson(json: unknown): History {
  const value = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { events?: unknown }).events)) {
    throw new TypeError('Not a workflow history: expected an object with an array of events');
  }
  const events = (value as { events: Record<string, unknown>[] }).events.map(fixEvent);
  const loaded = protojson.fromJson(historyType, { events }, { ignoreUnknownFields: true });
  if (!loaded) throw new TypeError('Not a workflow history');
  return loaded as History;
}
