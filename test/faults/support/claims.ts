// Claims driven through the HTTP API as officers would: file, verify, approve, and retry what the API asks to be
// retried (503 + Retry-After). Every answer is kept, so a test can show no request ever got a 500.
import { signStaffToken, type Staff } from '../../../api/middleware/auth';
import type { Db } from '../../../db/config';
import { jakartaDate } from '../../../rules';
import { createParticipant, FULL_CHECKLIST } from '../../helpers/factories';
import { sleep, until } from './ports';
import { AUTH_SECRET } from './stack';

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
  body: Record<string, any>;
  retryAfter: string | null;
}

export const OFFICER_1: Staff = { id: 'officer-1', role: 'officer' };
export const OFFICER_2: Staff = { id: 'officer-2', role: 'officer' };
export const OFFICER_3: Staff = { id: 'officer-3', role: 'officer' };
export const AUDITOR: Staff = { id: 'auditor-1', role: 'auditor' };

export class ApiClient {
  /** Every answer received: method, path and status. */
  readonly answers: { method: string; path: string; status: number }[] = [];

  constructor(private readonly base: string) {}

  async call(method: string, path: string, as?: Staff, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(as ? { authorization: `Bearer ${signStaffToken(AUTH_SECRET, as)}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    this.answers.push({ method, path, status: res.status });
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : {}) as Answer['body'],
      retryAfter: res.headers.get('retry-after'),
    } satisfies Answer;
  }

  /** Repeats the call while the API answers 503, waiting as Retry-After says (capped, to keep tests quick). */
  async retrying(method: string, path: string, as?: Staff, body?: unknown, headers?: Record<string, string>) {
    const deadline = Date.now() + 150_000;
    for (;;) {
      const answer = await this.call(method, path, as, body, headers);
      if (answer.status !== 503 || Date.now() > deadline) return answer;
      await sleep(Math.min(Number(answer.retryAfter ?? 1), 1) * 1000);
    }
  }

  async status(claimNumber: string): Promise<string | undefined> {
    const answer = await this.call('GET', `/claims/${claimNumber}`, OFFICER_1);
    return answer.status === 200 ? (answer.body.status as string) : undefined;
  }

  async waitForStatus(claimNumber: string, wanted: readonly string[], timeoutMs = 120_000): Promise<string> {
    let seen: string | undefined;
    await until(
      async () => {
        seen = await this.status(claimNumber);
        return seen !== undefined && wanted.includes(seen);
      },
      `${claimNumber} to reach ${wanted.join(' or ')}`,
      timeoutMs,
    );
    return seen!;
  }

  serverErrors() {
    return this.answers.filter((a) => a.status >= 500 && a.status !== 503);
  }
}

/** A JKM death the day before, for an active participant: 42,000,000 in three components under PP 82/2019. */
export function claimBody(participantNik: string, accountNumber = '1234567890') {
  return {
    program: 'JKM',
    participantNik,
    eventDate: jakartaDate(Date.now() - 86_400_000),
    heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
    bankAccount: { bankCode: 'BRI', accountNumber, accountName: 'Sri Wahyuni' },
  };
}

export const JKM_TOTAL = 42_000_000;

export async function participant(db: Db): Promise<string> {
  return (await createParticipant(db, { membershipStartDate: '2015-01-01', monthlyWage: 5_000_000 })).nik;
}

/** Files a claim, retrying with the same Idempotency-Key until the API acknowledges it. */
export async function fileClaim(
  api: ApiClient,
  nik: string,
  key: string,
  accountNumber?: string,
): Promise<string> {
  const answer = await api.retrying('POST', '/claims', OFFICER_1, claimBody(nik, accountNumber), {
    'Idempotency-Key': key,
  });
  if (answer.status !== 201 && answer.status !== 200) {
    throw new Error(`POST /claims answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body.claimNumber as string;
}

/**
 * Sends a verification or decision until it is taken. A 409 after a lost answer means an earlier attempt was
 * taken (the claim moved on): that is success too.
 */
async function act(
  api: ApiClient,
  claimNumber: string,
  step: 'verification' | 'decision',
  movedOn: string[],
) {
  const [as, body] =
    step === 'verification'
      ? [OFFICER_1, { checklist: FULL_CHECKLIST }]
      : [OFFICER_2, { decision: 'approve', reason: 'Complete file' }];
  for (let attempt = 0; attempt < 60; attempt++) {
    const answer = await api.retrying('POST', `/claims/${claimNumber}/${step}`, as, body);
    if (answer.status === 200) return;
    if (answer.status === 409 && movedOn.includes((await api.status(claimNumber)) ?? '')) return;
    if (answer.status !== 409)
      throw new Error(`${step} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    await sleep(500);
  }
  throw new Error(`${step} of ${claimNumber} never went through`);
}

export async function verify(api: ApiClient, claimNumber: string): Promise<void> {
  await api.waitForStatus(claimNumber, ['waiting_for_documents']);
  await act(api, claimNumber, 'verification', ['waiting_for_decision', 'paying', 'paid']);
}

export async function approve(api: ApiClient, claimNumber: string): Promise<void> {
  await api.waitForStatus(claimNumber, ['waiting_for_decision']);
  await act(api, claimNumber, 'decision', ['paying', 'paid', 'waiting_for_bank_account']);
}

/** File, verify, approve and wait until paid. */
export async function claimToPaid(api: ApiClient, nik: string, key: string): Promise<string> {
  const claimNumber = await fileClaim(api, nik, key);
  await verify(api, claimNumber);
  await approve(api, claimNumber);
  await api.waitForStatus(claimNumber, ['paid'], 180_000);
  return claimNumber;
}
