// The family's calls, through the typed client: the claim by number with the tracking code in the X-Tracking-Code
// header (never in a URL), a new bank account, and a proof of enrolment. Every refusal becomes one of a few outcomes
// the page words itself; a wrong code and an unknown claim are the same `notFound`, as the API answers them.
import { api, type paths } from '../api/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
/** What /track answers: a claim, or an accident case (JKK, the worker lives), told apart by `event`. */
export type Tracked = Json<paths['/track/{claimNumber}']['get']['responses'][200]>;
export type FamilyAccident = Extract<Tracked, { event: 'accident' }>;
export type FamilyClaim = Exclude<Tracked, { event: 'accident' }>;
export type AccidentItem = FamilyAccident['items'][number];

export function isAccident(tracked: Tracked): tracked is FamilyAccident {
  return 'event' in tracked && tracked.event === 'accident';
}
export type Scholarship = FamilyClaim['scholarships'][number];
export type BankAccount =
  paths['/claims/{claimNumber}/bank-account']['post']['requestBody']['content']['application/json'];
export type Enrollment =
  paths['/scholarships/{id}/enrollments']['post']['requestBody']['content']['application/json'];

export interface Credentials {
  claimNumber: string;
  trackingCode: string;
}

export type Refusal =
  | { kind: 'notFound' }
  | { kind: 'rateLimited'; minutes: number }
  | { kind: 'invalid'; detail: string; fields: string[] }
  | { kind: 'conflict'; detail: string }
  | { kind: 'failed' };

export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

interface Problem {
  detail?: string;
  errors?: { field: string; message: string }[];
}

function refusal(response: Response | undefined, problem: Problem | undefined): Refusal {
  switch (response?.status) {
    case 401:
    case 404:
      return { kind: 'notFound' };
    case 429: {
      const seconds = Number(response.headers.get('Retry-After'));
      return { kind: 'rateLimited', minutes: Math.max(1, Math.ceil((seconds || 60) / 60)) };
    }
    case 400:
    case 422:
      return {
        kind: 'invalid',
        detail: problem?.detail ?? '',
        fields: (problem?.errors ?? []).map((e) => e.field),
      };
    case 409:
      return { kind: 'conflict', detail: problem?.detail ?? '' };
    default:
      return { kind: 'failed' };
  }
}

async function attempt<T>(
  call: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Outcome<T>> {
  try {
    const { data, error, response } = await call();
    if (response.ok && data !== undefined) return { ok: true, value: data };
    return { ok: false, refusal: refusal(response, error as Problem | undefined) };
  } catch {
    return { ok: false, refusal: { kind: 'failed' } };
  }
}

const code = (c: Credentials) => ({ 'X-Tracking-Code': c.trackingCode });

export function trackClaim(c: Credentials): Promise<Outcome<Tracked>> {
  return attempt(() =>
    api.GET('/track/{claimNumber}', {
      params: { path: { claimNumber: c.claimNumber } },
      headers: code(c),
      cache: 'no-store',
    }),
  );
}

export function sendBankAccount(c: Credentials, account: BankAccount): Promise<Outcome<unknown>> {
  return attempt(() =>
    api.POST('/claims/{claimNumber}/bank-account', {
      params: { path: { claimNumber: c.claimNumber } },
      headers: code(c),
      body: account,
    }),
  );
}

export function sendScholarshipBankAccount(
  c: Credentials,
  scholarshipId: string,
  account: BankAccount,
): Promise<Outcome<unknown>> {
  return attempt(() =>
    api.POST('/scholarships/{id}/bank-account', {
      params: { path: { id: scholarshipId } },
      headers: code(c),
      body: account,
    }),
  );
}

export function sendEnrollment(
  c: Credentials,
  scholarshipId: string,
  proof: Enrollment,
): Promise<Outcome<unknown>> {
  return attempt(() =>
    api.POST('/scholarships/{id}/enrollments', {
      params: { path: { id: scholarshipId } },
      headers: code(c),
      body: proof,
    }),
  );
}
