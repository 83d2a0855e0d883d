// Staff routes: intake, work queue, claim detail, verification, decision, bank account.
import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { Db } from '../../db/config';
import { decideUpdate, updateBankAccountUpdate, verifyUpdate } from '../../vocabulary/messages/claim';
import type { Actor } from '../../vocabulary/actors';
import { requireStaff, type Staff } from '../auth';
import { startClaim } from '../intake';
import { parse, problems } from '../problem';
import {
  bankAccountBody,
  claimNumberParam,
  createClaimBody,
  decisionBody,
  idempotencyKeyHeader,
  listClaimsQuery,
  verificationBody,
} from '../schemas';
import { sendClaimUpdate } from '../temporal';
import { decodeCursor, findClaim, listClaims, staffClaimView } from '../views';
import { checkDecider } from '../maker-checker';
import { checkFamilyAccess } from './track';

export interface ClaimsRouterDeps {
  db: Db;
  temporal: Client;
  authSecret: string;
  taskQueue?: string;
  now?: () => Date;
}

function staffActor(staff: Staff): Actor {
  return { kind: 'staff', id: staff.id, role: staff.role };
}

export function createClaimsRouter(deps: ClaimsRouterDeps): Router {
  const { db, temporal, authSecret } = deps;
  const router = Router();
  const staff = requireStaff(authSecret, ['officer', 'supervisor', 'auditor']);
  const officer = requireStaff(authSecret, ['officer', 'supervisor']);

  /** Loads the claim or answers 404, so later steps can rely on it existing. */
  async function existingClaim(params: unknown) {
    const { claimNumber } = parse(claimNumberParam, params);
    const claim = await findClaim(db, claimNumber);
    if (!claim) throw problems.notFound();
    return claim as Record<string, unknown> & { claim_number: string };
  }

  router.post('/claims', requireStaff(authSecret, ['officer']), async (req, res) => {
    const rawKey = req.get('idempotency-key');
    const key = rawKey === undefined ? undefined : parse(idempotencyKeyHeader, rawKey, 'Idempotency-Key');
    const body = parse(createClaimBody, req.body);
    const result = await startClaim(deps, req.staff!, body, key);
    const status = result.replayed
      ? ((await findClaim(db, result.claimNumber))?.status ?? 'received')
      : 'received';
    res
      .status(result.replayed ? 200 : 201)
      .location(`/api/v1/claims/${result.claimNumber}`)
      .json({
        claimNumber: result.claimNumber,
        ...(result.trackingCode ? { trackingCode: result.trackingCode } : {}),
        status,
      });
  });

  router.get('/claims', staff, async (req, res) => {
    const query = parse(listClaimsQuery, req.query);
    let after: [string, string] | undefined;
    if (query.cursor !== undefined) {
      after = decodeCursor(query.cursor);
      if (!after) throw problems.validation([{ field: 'cursor', message: 'is not a cursor from this API' }]);
    }
    res.json(await listClaims(db, { status: query.status, limit: query.limit, after }));
  });

  router.get('/claims/:claimNumber', staff, async (req, res) => {
    const claim = await existingClaim(req.params);
    res.json(await staffClaimView(db, claim));
  });

  router.post('/claims/:claimNumber/verification', officer, async (req, res) => {
    const claim = await existingClaim(req.params);
    const body = parse(verificationBody, req.body);
    const result = await sendClaimUpdate(temporal, claim.claim_number, verifyUpdate, {
      actor: staffActor(req.staff!),
      checklist: body.checklist,
      ...(body.note ? { note: body.note } : {}),
    });
    res.json(result);
  });

  router.post('/claims/:claimNumber/decision', officer, async (req, res) => {
    const claim = await existingClaim(req.params);
    const body = parse(decisionBody, req.body);
    await checkDecider(db, claim, req.staff!, body.decision);
    const result = await sendClaimUpdate(temporal, claim.claim_number, decideUpdate, {
      actor: staffActor(req.staff!),
      decision: body.decision,
      reason: body.reason,
    });
    res.json(result);
  });

  // Officers with a token, or the family with its tracking code.
  router.post('/claims/:claimNumber/bank-account', async (req, res) => {
    let actor: Actor;
    let claim: Record<string, unknown> & { claim_number: string };
    if (req.get('authorization')) {
      await new Promise<void>((resolve, reject) =>
        officer(req, res, (err?: unknown) => (err ? reject(err) : resolve())),
      );
      actor = staffActor(req.staff!);
      claim = await existingClaim(req.params);
    } else {
      const { claimNumber } = parse(claimNumberParam, req.params);
      const found = await findClaim(db, claimNumber);
      checkFamilyAccess(req, found);
      claim = found;
      actor = { kind: 'family' };
    }
    const body = parse(bankAccountBody, req.body);
    const result = await sendClaimUpdate(temporal, claim.claim_number, updateBankAccountUpdate, {
      actor,
      bankAccount: body,
    });
    res.json(result);
  });

  return router;
}
