// Scholarship routes: proof of enrolment (officer, or the family with its tracking code), a replacement bank
// account after a refusal, life events (officer), and the officer's choice of children on a claim.
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { Router, type Request } from 'express';
import type { Logger } from 'pino';
import type { Db } from '../../db/config';
import {
  chooseScholarshipChildrenUpdate,
  reportLifeEventUpdate,
  submitEnrollmentUpdate,
} from '../../vocabulary/messages/scholarship';
import { claimWorkflowId } from '../../vocabulary/ids';
import { FailureType } from '../../vocabulary/failures';
import { updateBankAccountUpdate } from '../../vocabulary/messages/claim';
import type { Actor } from '../../vocabulary/actors';
import { requireStaff, staffFromRequest } from '../auth';
import { parse, problems } from '../problem';
import {
  enrollmentBody,
  lifeEventBody,
  scholarshipChoiceBody,
  scholarshipIdParam,
} from '../scholarship-schemas';
import { bankAccountBody, claimNumberParam } from '../schemas';
import { toHttpProblem } from '../temporal';
import { findClaim } from '../views';
import { checkFamilyAccess } from './track';

export interface ScholarshipsRouterDeps {
  db: Db;
  temporal: Client;
  authSecret: string;
  logger: Logger;
}

/** Sends an update; a refusal becomes a problem, InvalidInput naming `field`, a finished workflow `closed`. */
async function sendUpdate<Ret, Args extends [unknown]>(
  temporal: Client,
  workflowId: string,
  update: UpdateDefinition<Ret, Args>,
  arg: Args[0],
  field: string,
  closed: string,
): Promise<Ret> {
  try {
    return await temporal.workflow
      .getHandle(workflowId)
      .executeUpdate(update, { args: [arg] as unknown as Args });
  } catch (err) {
    if (
      err instanceof WorkflowUpdateFailedError &&
      err.cause instanceof ApplicationFailure &&
      err.cause.type === FailureType.InvalidInput
    ) {
      throw problems.unprocessable(field, err.cause.message);
    }
    const problem = toHttpProblem(err);
    if (problem?.type === 'closed') throw problems.conflict(closed, 'closed');
    if (problem) throw problem;
    throw err;
  }
}

export function createScholarshipsRouter(deps: ScholarshipsRouterDeps): Router {
  const { db, temporal, authSecret } = deps;
  const router = Router();
  const officer = requireStaff(authSecret, ['officer', 'supervisor']);
  // Family requests are rate-limited by createApp (FAMILY_ROUTES), with the tracking page's counters.

  /** The scholarship and who acts: an officer (bearer token) or the family (its claim's tracking code). */
  async function access(req: Request): Promise<{ id: string; actor: Actor }> {
    const staff = staffFromRequest(req, authSecret);
    if (staff && staff.role !== 'officer' && staff.role !== 'supervisor') {
      throw problems.forbidden('This needs the role officer or supervisor.');
    }
    if (!staff && req.get('x-tracking-code') === undefined) {
      throw problems.unauthorized('A staff bearer token or the X-Tracking-Code header is required.');
    }
    const { id } = parse(scholarshipIdParam, { id: req.params.id });
    const row = await db('scholarships').where({ workflow_id: id }).first('claim_number');
    if (staff) {
      if (!row) throw problems.notFound('No such scholarship.');
      return { id, actor: { kind: 'staff', id: staff.id, role: staff.role } };
    }
    checkFamilyAccess(req, row ? await findClaim(db, row.claim_number) : undefined);
    return { id, actor: { kind: 'family' } };
  }

  router.post('/scholarships/:id/enrollments', async (req, res) => {
    const { id, actor } = await access(req);
    const body = parse(enrollmentBody, req.body);
    const result = await sendUpdate(
      temporal,
      id,
      submitEnrollmentUpdate,
      { actor, ...body },
      'grade',
      'The scholarship has ended.',
    );
    res.json(result);
  });

  router.post('/scholarships/:id/bank-account', async (req, res) => {
    const { id, actor } = await access(req);
    const body = parse(bankAccountBody, req.body);
    const result = await sendUpdate(
      temporal,
      id,
      updateBankAccountUpdate,
      { actor, bankAccount: body },
      '(body)',
      'The scholarship has ended.',
    );
    res.json(result);
  });

  router.post('/scholarships/:id/life-events', officer, async (req, res) => {
    const { id, actor } = await access(req);
    const body = parse(lifeEventBody, req.body);
    const result = await sendUpdate(
      temporal,
      id,
      reportLifeEventUpdate,
      { actor, ...body },
      'work',
      'The scholarship has ended.',
    );
    res.json(result);
  });

  router.post('/claims/:claimNumber/scholarship-children', officer, async (req, res) => {
    const { claimNumber } = parse(claimNumberParam, req.params);
    if (!(await findClaim(db, claimNumber))) throw problems.notFound();
    const body = parse(scholarshipChoiceBody, req.body);
    const staff = req.staff!;
    const result = await sendUpdate(
      temporal,
      claimWorkflowId(claimNumber),
      chooseScholarshipChildrenUpdate,
      {
        actor: { kind: 'staff', id: staff.id, role: staff.role },
        children: body.children,
        ...(body.reason ? { reason: body.reason } : {}),
      },
      'children',
      'The claim is closed.',
    );
    res.json(result);
  });

  return router;
}
