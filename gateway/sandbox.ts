// A local sandbox payment gateway, modelled on a bank disbursement API. Money "moves" synchronously: a
// disbursement is created either completed or failed. Tests can make it misbehave through queued faults.
//
// Refused accounts: an account number starting with `000` is always refused (status `failed`, failureCode
// `ACCOUNT_REFUSED`); any other account can be refused once with a `refuse_account` fault.
import { randomUUID } from 'node:crypto';
import express, { type Express, type Response } from 'express';
import type { Logger } from 'pino';
import { FaultQueue, type FaultContext } from './faults';
import { HttpProblem, invalidRequest, problemMiddleware, sendProblem } from './problem';
import { maskDigits } from '../vocabulary/masking';
import { DisbursementStore, fingerprintOf } from './store';
import {
  disbursementRequestSchema,
  faultSchema,
  idempotencyKeySchema,
  statementQuerySchema,
  type Disbursement,
  type Fault,
  type FaultInput,
  type ValidDisbursementRequest,
} from './types';

const ALWAYS_REFUSED_ACCOUNT_PREFIX = '000';

export interface SandboxGatewayOptions {
  /** How long a `timeout` fault holds the request before answering 504. Default 30 s. */
  timeoutMs?: number;
  /** When given, disbursements are written here after each change and read back at start. */
  stateFile?: string;
  /** The clock that stamps createdAt/completedAt (and so decides the statement day). */
  now?: () => Date;
  logger?: Logger;
}

/** The same fault and inspection hooks as the `/_sandbox` routes, for tests in the same process. */
export interface SandboxControls {
  inject(fault: FaultInput): Fault;
  clear(): void;
  faults(): Fault[];
  all(): Disbursement[];
}

export interface SandboxGateway {
  app: Express;
  controls: SandboxControls;
}

export function createSandboxGateway(options: SandboxGatewayOptions = {}): SandboxGateway {
  const { timeoutMs = 30_000, now = () => new Date(), logger } = options;
  const store = new DisbursementStore(options.stateFile);
  const faults = new FaultQueue();

  const controls: SandboxControls = {
    inject: (input) => {
      const fault = faultSchema.parse(input);
      faults.add(fault);
      return fault;
    },
    clear: () => faults.clear(),
    faults: () => faults.pending(),
    all: () => store.all(),
  };

  function disburse(key: string, req: ValidDisbursementRequest, ctx: FaultContext) {
    const existing = store.findByKey(key);
    if (existing) {
      if (existing.fingerprint !== fingerprintOf(req)) {
        throw new HttpProblem(
          409,
          'idempotency-key-reused',
          'The Idempotency-Key was used for another transfer',
          {
            field: 'Idempotency-Key',
            detail: 'amount, currency, bank or account differ from the first request with this key',
          },
        );
      }
      return { status: 200, disbursement: existing.disbursement };
    }
    const refused =
      req.accountNumber.startsWith(ALWAYS_REFUSED_ACCOUNT_PREFIX) ||
      faults.take(['refuse_account'], ctx) !== undefined;
    const at = now().toISOString();
    const disbursement: Disbursement = {
      id: `dsb_${randomUUID()}`,
      idempotencyKey: key,
      status: refused ? 'failed' : 'completed',
      amount: req.amount,
      currency: req.currency,
      bankCode: req.bankCode,
      accountNumber: maskDigits(req.accountNumber),
      accountName: req.accountName,
      reference: req.reference,
      ...(req.description === undefined ? {} : { description: req.description }),
      createdAt: at,
      ...(refused ? { failureCode: 'ACCOUNT_REFUSED' as const } : { completedAt: at }),
    };
    store.add({ disbursement, fingerprint: fingerprintOf(req) });
    logger?.info(
      {
        disbursementId: disbursement.id,
        status: disbursement.status,
        amount: req.amount,
        reference: req.reference,
      },
      'disbursement created',
    );
    return { status: 201, disbursement };
  }

  function holdThenTimeOut(res: Response): void {
    const timer = setTimeout(() => {
      sendProblem(
        res,
        new HttpProblem(504, 'bank-timeout', 'The bank did not answer in time (injected fault)'),
      );
    }, timeoutMs);
    res.on('close', () => clearTimeout(timer));
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.post('/disbursements', (req, res) => {
    const key = idempotencyKeySchema.safeParse(req.get('Idempotency-Key'));
    if (!key.success) {
      throw new HttpProblem(400, 'idempotency-key-required', 'The Idempotency-Key header is required', {
        field: 'Idempotency-Key',
        detail: 'send a non-empty Idempotency-Key header of at most 255 characters',
      });
    }
    const body = disbursementRequestSchema.safeParse(req.body);
    if (!body.success) throw invalidRequest(body.error, 'body');

    const ctx = { idempotencyKey: key.data, accountNumber: body.data.accountNumber };
    const fault = faults.take(['http_500', 'timeout', 'lost_response', 'reject_request'], ctx);
    if (fault) logger?.warn({ fault }, 'injecting fault');
    if (fault === 'reject_request') {
      throw new HttpProblem(422, 'request-rejected', 'The bank refused the request (injected fault)', {
        field: 'accountName',
      });
    }
    if (fault === 'http_500') {
      throw new HttpProblem(
        500,
        'bank-unavailable',
        'The bank failed to process the request (injected fault)',
      );
    }
    if (fault === 'timeout') return holdThenTimeOut(res);

    const { status, disbursement } = disburse(key.data, body.data, ctx);
    // The transfer went through; the caller never learns it.
    if (fault === 'lost_response') return void req.socket.destroy();
    res.status(status).json(disbursement);
  });

  app.get('/disbursements', (req, res) => {
    const query = statementQuerySchema.safeParse(req.query);
    if (!query.success) throw invalidRequest(query.error, 'query');
    res.json(store.statement(query.data.date));
  });

  app.get('/disbursements/:id', (req, res) => {
    const disbursement = store.findById(req.params.id);
    if (!disbursement) throw new HttpProblem(404, 'not-found', 'No such disbursement', { field: 'id' });
    res.json(disbursement);
  });

  app.post('/_sandbox/faults', (req, res) => {
    const fault = faultSchema.safeParse(req.body);
    if (!fault.success) throw invalidRequest(fault.error, 'body');
    res.status(201).json(controls.inject(fault.data));
  });

  app.get('/_sandbox/faults', (_req, res) => {
    res.json({ faults: controls.faults() });
  });

  app.delete('/_sandbox/faults', (_req, res) => {
    controls.clear();
    res.status(204).end();
  });

  app.get('/_sandbox/disbursements', (_req, res) => {
    res.json({ disbursements: controls.all() });
  });

  app.use(() => {
    throw new HttpProblem(404, 'not-found', 'No such route');
  });
  app.use(problemMiddleware((err) => logger?.error({ err }, 'sandbox gateway failed')));

  return { app, controls };
}
