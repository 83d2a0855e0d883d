// The second pair of eyes: a proposed bank account (a claim's or a scholarship's) and a proof of enrolment, each
// approved or rejected with a reason by someone other than who proposed or sent it (the API refuses otherwise).
import { Choices } from './Choices';
import { api } from '../api/client';
import { moment, rupiah } from './format';
import { useStaffT } from './i18n';
import { outcome, ProblemAlert, useFormAction } from './problem';
import { bearer, type Session } from './session';
import type { AccountChange, Scholarship } from './types';

type AccountTarget = { kind: 'claim'; claimNumber: string } | { kind: 'scholarship'; id: string };

function value(form: HTMLFormElement, name: string): string {
  const field = form.elements.namedItem(name) as HTMLInputElement | RadioNodeList | null;
  return field?.value ?? '';
}

export function AccountReviewForm({
  session,
  target,
  change,
  onDone,
}: {
  session: Session;
  target: AccountTarget;
  change: AccountChange | undefined;
  onDone: () => void;
}) {
  const { t } = useStaffT();
  const prefix = target.kind === 'claim' ? 'account' : `account-${target.id}`;
  const { problem, busy, submit } = useFormAction(async (form) => {
    const body = {
      decision: value(form, `${prefix}-decision`) as 'approve' | 'reject',
      identityCheck: value(form, `${prefix}-identity`),
      reason: value(form, `${prefix}-reason`),
    };
    return outcome(
      target.kind === 'claim'
        ? api.POST('/claims/{claimNumber}/bank-account/review', {
            params: { path: { claimNumber: target.claimNumber } },
            body,
            headers: bearer(session),
          })
        : api.POST('/scholarships/{id}/bank-account/review', {
            params: { path: { id: target.id } },
            body,
            headers: bearer(session),
          }),
    );
  }, onDone);
  return (
    <section class="card" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>{t('accountReview.title')}</h2>
      {change && (
        <dl class="facts">
          <dt>{t('accountReview.account')}</dt>
          <dd>
            {change.bankCode} {change.accountNumber} · {change.accountName}
          </dd>
          <dt>{t('accountReview.holder')}</dt>
          <dd>{t(change.holderMatches ? 'accountReview.holderMatches' : 'accountReview.holderDiffers')}</dd>
          <dt>{t('accountReview.proposed')}</dt>
          <dd>
            {change.proposedBy === 'family' ? t('accountReview.family') : change.proposedBy} ·{' '}
            {moment(change.proposedAt)}
          </dd>
        </dl>
      )}
      <form onSubmit={submit}>
        <p class="hint">{t('accountReview.rules')}</p>
        <Choices
          legend={t('accountReview.legend')}
          name={`${prefix}-decision`}
          idPrefix={prefix}
          choices={[
            { value: 'approve', label: t('accountReview.approve') },
            { value: 'reject', label: t('accountReview.reject') },
          ]}
        />
        <label for={`${prefix}-identity`}>
          {t('accountReview.identityCheck')}
          <span class="hint">{t('accountReview.identityHint')}</span>
        </label>
        <textarea id={`${prefix}-identity`} name={`${prefix}-identity`} rows={2} required />
        <label for={`${prefix}-reason`}>{t('accountReview.reason')}</label>
        <textarea id={`${prefix}-reason`} name={`${prefix}-reason`} rows={2} required />
        {problem && <ProblemAlert problem={problem} action="accountReview" />}
        <button type="submit" class="primary" disabled={busy}>
          {t('accountReview.submit')}
        </button>
      </form>
    </section>
  );
}

export function ProofReviewForm({
  session,
  scholarship,
  onDone,
}: {
  session: Session;
  scholarship: Scholarship;
  onDone: () => void;
}) {
  const { t } = useStaffT();
  const year = scholarship.currentYear!;
  const prefix = `proof-${scholarship.id}`;
  const { problem, busy, submit } = useFormAction(async (form) => {
    return outcome(
      api.POST('/scholarships/{id}/enrollments/{year}/review', {
        params: { path: { id: scholarship.id, year: year.schoolYear.slice(0, 4) } },
        body: {
          decision: value(form, `${prefix}-decision`) as 'confirm' | 'reject',
          reason: value(form, `${prefix}-reason`),
        },
        headers: bearer(session),
      }),
    );
  }, onDone);
  return (
    <form onSubmit={submit} class="subform" aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{t('proofReview.title', { year: year.schoolYear })}</h3>
      {year.submitted && (
        <p>
          {t('proofReview.submitted', {
            level: year.submitted.level,
            grade: year.submitted.grade,
            institution: year.submitted.institution,
            by:
              year.submitted.submittedBy === 'family'
                ? t('accountReview.family')
                : (year.submitted.submittedBy ?? '–'),
          })}{' '}
          {year.expectedAmount !== null && t('proofReview.amount', { amount: rupiah(year.expectedAmount) })}
        </p>
      )}
      <Choices
        legend={t('proofReview.legend')}
        name={`${prefix}-decision`}
        idPrefix={prefix}
        choices={[
          { value: 'confirm', label: t('proofReview.confirm') },
          { value: 'reject', label: t('proofReview.reject') },
        ]}
      />
      <label for={`${prefix}-reason`}>
        {t('proofReview.reason')}
        <span class="hint">{t('proofReview.reasonHint')}</span>
      </label>
      <textarea id={`${prefix}-reason`} name={`${prefix}-reason`} rows={2} required />
      {problem && <ProblemAlert problem={problem} action="proofReview" />}
      <button type="submit" class="primary" disabled={busy}>
        {t('proofReview.submit')}
      </button>
    </form>
  );
}
