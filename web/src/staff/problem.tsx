// An API refusal (problem+json) in the reader's language: the rule in words from the page's texts, keyed by the
// problem's stable type and the action refused, then the API's own detail and the fields it names.
import { useState } from 'preact/hooks';
import type { Problem } from './types';
import { SUPERVISOR_APPROVAL_THRESHOLD } from '../../../rules/maker-checker';
import { rupiah } from './format';
import { useStaffT } from './i18n';

/** What the staff member was doing when refused: the same rule reads differently per action. */
export type Action =
  | 'verify'
  | 'decide'
  | 'backdating'
  | 'reimbursement'
  | 'accountReview'
  | 'proofReview'
  | 'finding'
  | 'findingConfirmation'
  | 'itemVerify'
  | 'itemDecide'
  | 'closingDecide'
  | 'read'
  | 'replay'
  | 'export';

const KNOWN = [
  'maker-checker',
  'supervisor-required',
  'unauthorized',
  'forbidden',
  'not-found',
  'validation',
  'unprocessable',
  'conflict',
  'wrong-state',
  'closed',
  'unavailable',
] as const;
type Known = (typeof KNOWN)[number];

/** The problem's type without the URL base: "https://santunan.dev/problems/maker-checker" → "maker-checker". */
export function problemKind(problem: Problem): Known | undefined {
  const kind = problem.type?.split('/').pop();
  return (KNOWN as readonly string[]).includes(kind ?? '') ? (kind as Known) : undefined;
}

export function ProblemAlert({ problem, action }: { problem: Problem; action: Action }) {
  const { t } = useStaffT();
  const kind = problemKind(problem);
  const values = { defaultValue: '', threshold: rupiah(SUPERVISOR_APPROVAL_THRESHOLD) };
  const specific = kind ? t(`problems.${action}.${kind}`, values) : '';
  const general = kind ? t(`problems.${kind}`, values) : '';
  const words = specific || general || problem.title || t('problems.unknown');
  return (
    <div class="alert bad" role="alert" data-problem={kind ?? 'unknown'}>
      <p class="problem-words">
        <strong>{t('problems.refused')}</strong> {words}
      </p>
      {problem.detail && (
        <p class="problem-detail">
          {t('problems.apiSaid')}: <span lang="en">{problem.detail}</span>
        </p>
      )}
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e) => (
            <li key={e.field}>
              <code>{e.field}</code>: <span lang="en">{e.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Whatever openapi-fetch gave back as the error, or a network failure, as a problem. */
export function asProblem(error: unknown, status?: number): Problem {
  if (error && typeof error === 'object' && ('title' in error || 'type' in error)) return error as Problem;
  return { status, title: typeof error === 'string' ? error : undefined };
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; problem: Problem };

/** An openapi-fetch call's answer, or the network failure, as data or a problem (the client never throws here). */
export async function outcome<T>(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
): Promise<Outcome<T>> {
  try {
    const { data, error, response } = await call;
    if (response.ok) return { ok: true, data: data as T };
    return { ok: false, problem: asProblem(error, response.status) };
  } catch {
    return { ok: false, problem: { type: 'unavailable', title: 'Network error' } };
  }
}

/**
 * A staff form's action: on submit, `send` the request built from the form; while it runs the button is busy; a
 * refusal is kept to be shown in words, and success clears it and calls `onDone`.
 */
export function useFormAction(
  send: (form: HTMLFormElement) => Promise<Outcome<unknown>>,
  onDone: () => void,
): { problem: Problem | undefined; busy: boolean; submit: (e: Event) => Promise<void> } {
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const got = await send(e.currentTarget as HTMLFormElement);
    setBusy(false);
    if (!got.ok) return setProblem(got.problem);
    setProblem(undefined);
    onDone();
  };
  return { problem, busy, submit };
}
