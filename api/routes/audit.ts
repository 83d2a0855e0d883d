// Auditors: a claim's Temporal history (with a hash chain), its replay against the current code with the
// decision trail, and the audit log of API actions. Auditors only: officers and supervisors get 403. Runs that
// Temporal no longer has (past the namespace's retention) are read from the archive; `source` says which.
import { ArchiveIntegrityError, exportClaimHistory, replayClaim as replayHistories } from '../../replay';
import { HttpProblem, problems } from '../middleware/problem';
import { auditLogQuery, replayBody } from '../schemas/audit-log';
import { claimNumberParam } from '../schemas/claims';
import { claimReplayResponse, historyExportResponse } from '../schemas/history';
import { fromTemporal } from '../temporal/updates';
import { decodeAuditCursor, listAuditLog as auditLogPage } from '../views/audit-log';
import { json, problem, route, staffErrors } from './route';

const auditors = { staff: ['auditor'] } as const;
const noHistory = problem('No workflow history for this claim, in Temporal or in the archive');
const archiveAltered = problem(
  'An archived history no longer matches the digest recorded when it was archived',
);

/** Reads the histories; an archived copy that no longer matches its recorded digest is reported, not served. */
async function readHistories<T>(work: Promise<T>): Promise<T> {
  try {
    return await fromTemporal(work);
  } catch (err) {
    if (err instanceof ArchiveIntegrityError) {
      throw new HttpProblem(
        500,
        'archive-integrity',
        'The archived history does not match its digest',
        err.message,
      );
    }
    throw err;
  }
}

export const getClaimHistory = route({
  operationId: 'getClaimHistory',
  summary:
    "The claim's Temporal histories (the claim and every run of its scholarships), each as " +
    '`temporal workflow show --output json` prints it, with a sha256 hash chain over its events; runs past ' +
    "Temporal's retention from the archive, `source` saying which (auditor)",
  method: 'get',
  path: '/claims/:claimNumber/history',
  access: auditors,
  request: { params: claimNumberParam },
  responses: { 200: json(historyExportResponse), ...staffErrors, 404: noHistory, 500: archiveAltered },
  async handle({ deps, params, res }) {
    const exported = await readHistories(
      exportClaimHistory(deps.temporal, params.claimNumber, { archive: deps.stores.historyArchive }),
    );
    if (!exported) throw problems.notFound('No workflow history for this claim.');
    res.json(exported);
  },
});

export const replayClaim = route({
  operationId: 'replayClaim',
  summary:
    'Replay those histories against the current workflow code: deterministic or not per run (with the ' +
    'first divergence), and the decision trail read back from them (auditor)',
  method: 'post',
  path: '/claims/:claimNumber/replay',
  access: auditors,
  request: { params: claimNumberParam, body: replayBody },
  responses: { 200: json(claimReplayResponse), ...staffErrors, 404: noHistory, 500: archiveAltered },
  async handle({ deps, params, res }) {
    const replayed = await readHistories(
      replayHistories(deps.temporal, deps.replayer, params.claimNumber, {
        archive: deps.stores.historyArchive,
      }),
    );
    if (!replayed) throw problems.notFound('No workflow history for this claim.');
    res.json(replayed);
  },
});

export const listAuditLog = route({
  operationId: 'listAuditLog',
  summary: 'Every action through the API, refused ones included, newest first, with nextCursor (auditor)',
  method: 'get',
  path: '/audit-log',
  access: auditors,
  request: { query: auditLogQuery },
  responses: { 200: json('object', 'A page of audit entries'), ...staffErrors },
  async handle({ deps, query, res }) {
    let after: number | undefined;
    if (query.cursor !== undefined) {
      after = decodeAuditCursor(query.cursor);
      if (after === undefined)
        throw problems.validation([{ field: 'cursor', message: 'is not a cursor from this API' }]);
    }
    res.json(await auditLogPage(deps.stores, { ...query, ...(after !== undefined ? { after } : {}) }));
  },
});
