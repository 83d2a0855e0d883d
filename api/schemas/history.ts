// What the auditors' history and replay routes answer, for the OpenAPI document (the top level; a history's
// events are documented by Temporal's own proto3 JSON).
import { z } from 'zod';
import { CLAIM_HISTORY_SOURCES, HISTORY_SOURCES } from '../../replay/archive';

const claimSource = z
  .enum(CLAIM_HISTORY_SOURCES)
  .describe(
    "Where the runs were read from: Temporal, the archive (Temporal no longer has them: past the namespace's " +
      'retention), or both',
  );
const runSource = z.enum(HISTORY_SOURCES).describe('Where this run was read from');

const hashChain = z.looseObject({
  algorithm: z.literal('sha256'),
  canonicalization: z.literal('json-sorted-keys'),
  genesis: z.string(),
  links: z.array(z.string()),
  head: z.string(),
});

export const historyExportResponse = z.looseObject({
  format: z.literal('santunan.history-export/v1'),
  claimNumber: z.string(),
  namespace: z.string(),
  exportedAt: z.string(),
  source: claimSource,
  runs: z.array(
    z.looseObject({
      workflowId: z.string(),
      runId: z.string(),
      workflowType: z.string(),
      eventCount: z.number().int(),
      history: z.looseObject({ events: z.array(z.looseObject({})) }),
      hashChain,
      source: runSource,
    }),
  ),
  digest: z.string().describe("sha256 over the runs' ids and chain heads, in order"),
});

export const claimReplayResponse = z.looseObject({
  claimNumber: z.string(),
  replayedAt: z.string(),
  source: claimSource,
  deterministic: z.boolean(),
  histories: z.number().int(),
  events: z.number().int(),
  runs: z.array(
    z.looseObject({
      workflowId: z.string(),
      runId: z.string(),
      events: z.number().int(),
      deterministic: z.boolean(),
      source: runSource,
    }),
  ),
  decisionTrail: z.looseObject({}),
});
