// One claim for an officer or supervisor: the facts and service level, the document checklist and its verification,
// the assessment (each component with its legal basis and explanation), the decision, the account change and proofs
// of enrolment waiting for review, the payouts and the trail; an accident case's finding, items and closing
// (Accident.tsx). Every refusal of the API is shown in words.
import { Choices } from './Choices';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { requiredDocuments, type DocumentCode } from '../../../vocabulary/documents';
import { SUPERVISOR_APPROVAL_THRESHOLD } from '../../../rules/maker-checker';
import { AccidentCase } from './Accident';
import { ServiceLevelBadges } from './Badges';
import { day, moment, rupiah } from './format';
import { useStaffT } from './i18n';
import { Link } from './Link';
import { outcome, ProblemAlert, type Outcome, useFormAction } from './problem';
import { AccountReviewForm, ProofReviewForm } from './ReviewForms';
import { bearer, type Session } from './session';
import type { Problem, StaffClaim } from './types';
import type { ClaimStatus } from '../../../vocabulary/status';

/** Statuses the workflow moves on from by itself (registry check, transfers): the page follows them. */
const PASSING_STATUSES: readonly ClaimStatus[] = ['received', 'paying'];

/** The staff view of a claim (GET /claims/{n}). */
async function readClaim(session: Session, claimNumber: string): Promise<Outcome<StaffClaim>> {
  return outcome<StaffClaim>(
    api.GET('/claims/{claimNumber}', { params: { path: { claimNumber } }, headers: bearer(session) }),
  );
}

export function useClaim(session: Session, claimNumber: string) {
  const [claim, setClaim] = useState<StaffClaim | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [polls, setPolls] = useState(0);
  const load = async () => {
    const got = await readClaim(session, claimNumber);
    if (!got.ok) return setProblem(got.problem);
    setProblem(undefined);
    setClaim(got.data);
    return got.data;
  };
  /** After an action: reads again until the status (or the given check) changes, for up to about 15 s. */
  const refreshAfterAction = async (changed: (c: StaffClaim) => boolean) => {
    for (let i = 0; i < 30; i++) {
      const c = await load();
      if (c && changed(c)) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  useEffect(() => {
    setClaim(undefined);
    setPolls(0);
    void load();
  }, [claimNumber, session.token]);
  // A status the workflow leaves on its own within seconds: read again until it does (for up to a minute).
  useEffect(() => {
    if (!claim || !PASSING_STATUSES.includes(claim.status) || polls >= 60) return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      void load();
    }, 1000);
    return () => clearTimeout(timer);
  }, [claim, polls]);
  return { claim, problem, refreshAfterAction };
}

function Facts({ claim }: { claim: StaffClaim }) {
  const { t } = useStaffT();
  return (
    <dl class="facts card">
      <dt>{t('claim.status')}</dt>
      <dd data-testid="claim-status">{t(`status.${claim.status}`)}</dd>
      {claim.statusReason && (
        <>
          <dt>{t('claim.statusReason')}</dt>
          <dd lang="en">{claim.statusReason}</dd>
        </>
      )}
      <dt>{t('claim.program')}</dt>
      <dd>{claim.program}</dd>
      <dt>{t('claim.eventDate')}</dt>
      <dd>{day(claim.eventDate)}</dd>
      <dt>{t('claim.claimDate')}</dt>
      <dd>{day(claim.claimDate)}</dd>
      <dt>{t('claim.verificationDue')}</dt>
      <dd>{day(claim.verificationDue)}</dd>
      <dt>{t('claim.createdBy')}</dt>
      <dd>{claim.createdBy}</dd>
      {/* An accident case has no document verification and no heirs (its own part shows who did what). */}
      {!claim.accident && (
        <>
          <dt>{t('claim.verifiedBy')}</dt>
          <dd>{claim.verifiedBy ?? '–'}</dd>
          <dt>{t('claim.heirs')}</dt>
          <dd>
            {claim.heirs
              .map(
                (h) =>
                  `${h.name} (${t(`relationships.${h.relationship}`, { defaultValue: h.relationship })})`,
              )
              .join(', ')}
          </dd>
        </>
      )}
      <dt>{t('claim.account')}</dt>
      <dd>
        {claim.bankAccount.bankCode} {claim.bankAccount.accountNumber} · {claim.bankAccount.accountName}
      </dd>
    </dl>
  );
}

function Documents({ claim, session, onDone }: { claim: StaffClaim; session: Session; onDone: () => void }) {
  const { t } = useStaffT();
  const required = requiredDocuments(claim.program);
  const codes: DocumentCode[] = [...required, 'court_heir_determination'];
  const received = new Map(claim.documents.map((d) => [d.code, d]));
  const [problem, setProblem] = useState<Problem | undefined>();
  const [result, setResult] = useState<{ complete: boolean; missing: string[] } | undefined>();
  const [busy, setBusy] = useState(false);
  const open = claim.status === 'waiting_for_documents';

  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const checklist: Partial<Record<DocumentCode, boolean>> = {};
    for (const code of codes) {
      const ticked = (form.elements.namedItem(`doc-${code}`) as HTMLInputElement).checked;
      // A document the programme does not require is recorded only when it was received.
      if (ticked || required.includes(code)) checklist[code] = ticked;
    }
    const note = (form.elements.namedItem('verification-note') as HTMLTextAreaElement).value.trim();
    setBusy(true);
    const got = await outcome<{ complete: boolean; missing: string[] }>(
      api.POST('/claims/{claimNumber}/verification', {
        params: { path: { claimNumber: claim.claimNumber } },
        body: { checklist, ...(note ? { note } : {}) },
        headers: bearer(session),
      }),
    );
    setBusy(false);
    if (!got.ok) return setProblem(got.problem);
    setProblem(undefined);
    setResult(got.data);
    onDone();
  };

  return (
    <section aria-labelledby="documents-title" class="card">
      <h2 id="documents-title">{t('documents.title')}</h2>
      {open ? (
        <form onSubmit={submit}>
          <fieldset>
            <legend>{t('documents.legend')}</legend>
            {codes.map((code) => (
              <div class="check" key={code}>
                <input
                  type="checkbox"
                  id={`doc-${code}`}
                  name={`doc-${code}`}
                  defaultChecked={received.get(code)?.received ?? false}
                />
                <label for={`doc-${code}`}>
                  {t(`documents.names.${code}`)}
                  {!required.includes(code) && <span class="hint">{t('documents.onlyWithoutHeirs')}</span>}
                </label>
              </div>
            ))}
          </fieldset>
          <label for="verification-note">
            {t('documents.note')} <span class="hint">{t('common.optional')}</span>
          </label>
          <textarea id="verification-note" name="verification-note" rows={2} />
          {problem && <ProblemAlert problem={problem} action="verify" />}
          <button type="submit" class="primary" disabled={busy}>
            {t('documents.submit')}
          </button>
        </form>
      ) : (
        <ul class="checklist">
          {codes
            .filter((code) => required.includes(code) || received.get(code)?.received)
            .map((code) => {
              const d = received.get(code);
              return (
                <li key={code}>
                  <span class={`mark ${d?.received ? 'ok' : 'bad'}`} aria-hidden="true">
                    {d?.received ? '✓' : '✗'}
                  </span>{' '}
                  {t(`documents.names.${code}`)}:{' '}
                  {d
                    ? t(d.received ? 'documents.received' : 'documents.notReceived', { by: d.checkedBy })
                    : t('documents.notChecked')}
                </li>
              );
            })}
        </ul>
      )}
      {result && (
        <p role="status" class={`alert ${result.complete ? 'ok' : 'warn'}`}>
          {result.complete
            ? t('documents.complete')
            : t('documents.missing', {
                list: result.missing.map((m) => t(`documents.names.${m}`, { defaultValue: m })).join(', '),
              })}
        </p>
      )}
    </section>
  );
}

function Assessment({ claim }: { claim: StaffClaim }) {
  const { t } = useStaffT();
  const a = claim.assessment;
  return (
    <section aria-labelledby="assessment-title" class="card">
      <h2 id="assessment-title">{t('assessment.title')}</h2>
      {!a ? (
        <p class="muted">{t('assessment.none')}</p>
      ) : (
        <>
          <p>
            {t('assessment.regulation')}: <strong>{a.regulation}</strong>
          </p>
          <ul class="components">
            {a.components.map((c) => (
              <li key={c.code}>
                <h3>
                  {t(`components.${c.code}`, { defaultValue: c.code })}: {rupiah(c.amount)}
                </h3>
                <dl class="facts">
                  <dt>{t('assessment.basis')}</dt>
                  <dd>{c.basis}</dd>
                  <dt>{t('assessment.explanation')}</dt>
                  <dd lang="en">{c.explanation}</dd>
                </dl>
              </li>
            ))}
          </ul>
          <p class="total">
            {t('assessment.total')}: <strong data-testid="assessment-total">{rupiah(a.total)}</strong>
          </p>
          {a.recipients && (
            <p>
              {t('assessment.recipients')}: <span lang="en">{a.recipients.explanation}</span>
            </p>
          )}
          {a.notes.length > 0 && (
            <ul class="notes" lang="en">
              {a.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function Decision({ claim, session, onDone }: { claim: StaffClaim; session: Session; onDone: () => void }) {
  const { t } = useStaffT();
  const { problem, busy, submit } = useFormAction(async (form) => {
    const decision = (form.elements.namedItem('decision') as RadioNodeList).value as 'approve' | 'reject';
    const reason = (form.elements.namedItem('decision-reason') as HTMLTextAreaElement).value;
    return outcome(
      api.POST('/claims/{claimNumber}/decision', {
        params: { path: { claimNumber: claim.claimNumber } },
        body: { decision, reason },
        headers: bearer(session),
      }),
    );
  }, onDone);
  return (
    <section aria-labelledby="decision-title" class="card">
      <h2 id="decision-title">{t('decision.title')}</h2>
      {claim.decision ? (
        <p data-testid="decision">
          {t(`decision.${claim.decision.decision}d`, {
            by: claim.decision.decidedBy,
            at: moment(claim.decision.at),
          })}{' '}
          {t('decision.reasonWas')}: {claim.decision.reason}
        </p>
      ) : claim.status === 'waiting_for_decision' ? (
        <form onSubmit={submit}>
          <p class="hint">
            {t('decision.rules', {
              verifier: claim.verifiedBy ?? '–',
              threshold: rupiah(SUPERVISOR_APPROVAL_THRESHOLD),
            })}
          </p>
          <Choices
            legend={t('decision.legend')}
            name="decision"
            idPrefix="decision"
            choices={[
              { value: 'approve', label: t('decision.approve') },
              { value: 'reject', label: t('decision.reject') },
            ]}
          />
          <label for="decision-reason">{t('decision.reason')}</label>
          <textarea id="decision-reason" name="decision-reason" rows={2} required />
          {problem && <ProblemAlert problem={problem} action="decide" />}
          <button type="submit" class="primary" disabled={busy}>
            {t('decision.submit')}
          </button>
        </form>
      ) : (
        <p class="muted">{t('decision.notYet')}</p>
      )}
    </section>
  );
}

/** A claim date earlier than the day the claim reached the system waits for a supervisor (never the filer). */
function BackdatingDecision({
  claim,
  session,
  onDone,
}: {
  claim: StaffClaim;
  session: Session;
  onDone: () => void;
}) {
  const { t } = useStaffT();
  const requested = claim.events.find((e) => e.type === 'backdating_requested');
  const reason = typeof requested?.data?.reason === 'string' ? requested.data.reason : undefined;
  const { problem, busy, submit } = useFormAction(async (form) => {
    return outcome(
      api.POST('/claims/{claimNumber}/backdating-decision', {
        params: { path: { claimNumber: claim.claimNumber } },
        body: {
          decision: (form.elements.namedItem('backdating-decision') as RadioNodeList).value as
            'approve' | 'refuse',
          reason: (form.elements.namedItem('backdating-reason') as HTMLTextAreaElement).value,
        },
        headers: bearer(session),
      }),
    );
  }, onDone);
  return (
    <section aria-labelledby="backdating-title" class="card">
      <h2 id="backdating-title">{t('backdating.title')}</h2>
      <p>
        {t('backdating.asked', { date: day(claim.claimDate), by: claim.createdBy })}
        {reason && (
          <>
            {' '}
            {t('backdating.because')}: <q>{reason}</q>
          </>
        )}
      </p>
      <form onSubmit={submit}>
        <p class="hint">{t('backdating.rules')}</p>
        <Choices
          legend={t('backdating.legend')}
          name="backdating-decision"
          idPrefix="backdating"
          choices={[
            { value: 'approve', label: t('backdating.approve') },
            { value: 'refuse', label: t('backdating.refuse') },
          ]}
        />
        <label for="backdating-reason">{t('decision.reason')}</label>
        <textarea id="backdating-reason" name="backdating-reason" rows={2} required />
        {problem && <ProblemAlert problem={problem} action="backdating" />}
        <button type="submit" class="primary" disabled={busy}>
          {t('decision.submit')}
        </button>
      </form>
    </section>
  );
}

/** JKK, the employer more than 3 months in arrears: reimbursing it, once it paid the heirs, takes a supervisor. */
function ReimbursementDecision({
  claim,
  session,
  onDone,
}: {
  claim: StaffClaim;
  session: Session;
  onDone: () => void;
}) {
  const { t } = useStaffT();
  const r = claim.employerReimbursement;
  const { problem, busy, submit } = useFormAction(async (form) => {
    return outcome(
      api.POST('/claims/{claimNumber}/employer-settlement/decision', {
        params: { path: { claimNumber: claim.claimNumber } },
        body: {
          decision: (form.elements.namedItem('reimbursement-decision') as RadioNodeList).value as
            'approve' | 'reject',
          reason: (form.elements.namedItem('reimbursement-reason') as HTMLTextAreaElement).value,
        },
        headers: bearer(session),
      }),
    );
  }, onDone);
  return (
    <section aria-labelledby="reimbursement-title" class="card">
      <h2 id="reimbursement-title">{t('reimbursement.title')}</h2>
      {r && (
        <dl class="facts">
          <dt>{t('reimbursement.employer')}</dt>
          <dd>{r.employerId}</dd>
          <dt>{t('reimbursement.paidToHeirs')}</dt>
          <dd>
            {rupiah(r.amountPaidToHeirs)} · {day(r.paidToHeirsOn)}
          </dd>
          <dt>{t('reimbursement.proof')}</dt>
          <dd>{r.proofOfPaymentReference}</dd>
          <dt>{t('reimbursement.arrears')}</dt>
          <dd>{r.arrearsSettlementReference}</dd>
          <dt>{t('reimbursement.account')}</dt>
          <dd>
            {r.employerAccount.bankCode} {r.employerAccount.accountNumber} · {r.employerAccount.accountName}
          </dd>
          <dt>{t('reimbursement.recorded')}</dt>
          <dd>
            {r.recordedBy} · {moment(r.recordedAt)}
          </dd>
        </dl>
      )}
      <form onSubmit={submit}>
        <p class="hint">{t('reimbursement.rules')}</p>
        <Choices
          legend={t('reimbursement.legend')}
          name="reimbursement-decision"
          idPrefix="reimbursement"
          choices={[
            { value: 'approve', label: t('reimbursement.approve') },
            { value: 'reject', label: t('reimbursement.reject') },
          ]}
        />
        <label for="reimbursement-reason">{t('decision.reason')}</label>
        <textarea id="reimbursement-reason" name="reimbursement-reason" rows={2} required />
        {problem && <ProblemAlert problem={problem} action="reimbursement" />}
        <button type="submit" class="primary" disabled={busy}>
          {t('decision.submit')}
        </button>
      </form>
    </section>
  );
}

function Payouts({ claim }: { claim: StaffClaim }) {
  const { t } = useStaffT();
  if (claim.payouts.length === 0) return null;
  return (
    <section aria-labelledby="payouts-title" class="card">
      <h2 id="payouts-title">{t('payouts.title')}</h2>
      <ul class="plain">
        {claim.payouts.map((p) => (
          <li key={p.component}>
            <strong>{t(`components.${p.component}`, { defaultValue: p.component })}</strong>:{' '}
            {rupiah(p.amount)} · {t(`payouts.status.${p.status}`, { defaultValue: p.status })}
            {p.gatewayReference && ` · ${t('payouts.reference')} ${p.gatewayReference}`}
            {p.paidAt && ` · ${moment(p.paidAt)}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Trail({ claim }: { claim: StaffClaim }) {
  const { t } = useStaffT();
  return (
    <section aria-labelledby="trail-title" class="card">
      <h2 id="trail-title">{t('trail.title')}</h2>
      <ol class="trail">
        {claim.events.map((e) => (
          <li key={e.seq}>
            <span class="when">{moment(e.at)}</span>{' '}
            {t(`events.${e.type}`, { defaultValue: e.type.replace(/_/g, ' ') })}
            {e.actor && <span class="muted"> · {e.actor}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ClaimPage({ session, claimNumber }: { session: Session; claimNumber: string }) {
  const { t } = useStaffT();
  const { claim, problem, refreshAfterAction } = useClaim(session, claimNumber);
  const moved = (from: StaffClaim) => () => void refreshAfterAction((c) => c.status !== from.status);
  return (
    <article aria-labelledby="claim-title">
      <p>
        <Link href="/staff">← {t('nav.queue')}</Link>
      </p>
      <h1 id="claim-title" tabIndex={-1}>
        {t('claim.title', { claimNumber })}
      </h1>
      {problem && <ProblemAlert problem={problem} action="read" />}
      {!claim && !problem && <p aria-live="polite">{t('common.loading')}</p>}
      {claim && (
        <>
          <ServiceLevelBadges
            status={claim.status}
            verificationDue={claim.verificationDue}
            escalated={claim.escalated}
          />
          <Facts claim={claim} />
          {claim.status === 'waiting_for_backdating_approval' && (
            <BackdatingDecision claim={claim} session={session} onDone={moved(claim)} />
          )}
          {claim.accident ? (
            // An accident case has no document checklist or claim decision: its finding, items and closing instead.
            <AccidentCase
              claim={claim}
              session={session}
              refresh={(changed) => void refreshAfterAction(changed)}
            />
          ) : (
            <>
              <Documents claim={claim} session={session} onDone={moved(claim)} />
              <Assessment claim={claim} />
              <Decision claim={claim} session={session} onDone={moved(claim)} />
            </>
          )}
          {claim.status === 'waiting_for_reimbursement_approval' && (
            <ReimbursementDecision claim={claim} session={session} onDone={moved(claim)} />
          )}
          {claim.status === 'waiting_for_account_review' && (
            <AccountReviewForm
              session={session}
              target={{ kind: 'claim', claimNumber: claim.claimNumber }}
              change={claim.accountChanges.find((c) => c.status === 'pending')}
              onDone={moved(claim)}
            />
          )}
          {claim.scholarships.map((s) => (
            <section key={s.id} class="card" aria-labelledby={`scholarship-${s.childPosition}`}>
              <h2 id={`scholarship-${s.childPosition}`}>
                {t('scholarship.title', {
                  n: s.childPosition,
                  name: claim.children[s.childPosition - 1]?.name ?? '',
                })}
              </h2>
              <p>
                {t(`scholarship.status.${s.status}`, { defaultValue: s.status })} ·{' '}
                {t('scholarship.totalPaid')} {rupiah(s.totalPaid)}
              </p>
              {s.currentYear?.status === 'proof_under_review' && (
                <ProofReviewForm
                  session={session}
                  scholarship={s}
                  onDone={() =>
                    void refreshAfterAction(
                      (c) =>
                        c.scholarships.find((x) => x.id === s.id)?.currentYear?.status !==
                        'proof_under_review',
                    )
                  }
                />
              )}
              {s.status === 'waiting_for_account_review' && (
                <AccountReviewForm
                  session={session}
                  target={{ kind: 'scholarship', id: s.id }}
                  change={claim.accountChanges.find((c) => c.workflowId === s.id && c.status === 'pending')}
                  onDone={() =>
                    void refreshAfterAction(
                      (c) => c.scholarships.find((x) => x.id === s.id)?.status !== s.status,
                    )
                  }
                />
              )}
            </section>
          ))}
          <Payouts claim={claim} />
          <Trail claim={claim} />
        </>
      )}
    </article>
  );
}
