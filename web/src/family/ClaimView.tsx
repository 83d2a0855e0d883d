// The claim in plain words: where it is now and what the agency does, what is needed from the family and by when,
// what has happened, the benefit, the payments (masked account, transfer reference), and each child's scholarship.
import { Fragment, type Ref } from 'preact';
import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import { claimStatus } from '../i18n/status';
import { isRefusedStatus } from '../../../vocabulary/status';
import { AccountForm } from './AccountForm';
import { day, moment, rupiah } from './format';
import { refusalText } from './refusal';
import { Scholarships } from './Scholarships';
import { sendBankAccount, type Credentials, type FamilyClaim, type Refusal } from './track';

const EARLY = new Set(['received', 'waiting_for_documents']);

export function ClaimView(props: {
  claim: FamilyClaim;
  credentials: Credentials;
  heading: Ref<HTMLHeadingElement>;
  busy: boolean;
  refusal?: Refusal;
  updatedAt?: Date;
  onRefresh(): void;
  onSignOut(): void;
}) {
  const { t } = useT();
  const { claim } = props;
  // What was just sent, said until the next refresh: the form itself goes once the claim moves on.
  const [notice, setNotice] = useState<string>();
  const sent = (key: string) => () => {
    setNotice(t(key));
    props.onRefresh();
  };
  const step = (s: string) => t(`steps.${s}`, { defaultValue: '' }) || t('steps.other', { step: s });
  const tone =
    claim.status === 'paid'
      ? 'ok'
      : claim.status === 'rejected' || claim.status === 'ineligible'
        ? 'bad'
        : 'warn';
  const proofsDue = claim.scholarships.filter(
    (s) => s.status === 'waiting_for_proof' && s.currentYear?.deadline,
  );
  const needsAccount = claim.status === 'waiting_for_bank_account';
  const needsDocuments = claim.status === 'waiting_for_documents' && claim.missingDocuments.length > 0;
  return (
    <>
      <section class="card" aria-labelledby="claim-heading">
        <div class="row">
          <h2 id="claim-heading" ref={props.heading} tabIndex={-1}>
            {claim.claimNumber}
          </h2>
          <div>
            <button
              class="secondary"
              type="button"
              onClick={() => {
                setNotice(undefined);
                props.onRefresh();
              }}
              disabled={props.busy}
            >
              {t('family.refresh')}
            </button>{' '}
            <button class="secondary" type="button" onClick={props.onSignOut}>
              {t('family.signOut')}
            </button>
          </div>
        </div>
        <p class="muted">{t(`family.programs.${claim.program}`)}</p>
        <h3>{t('family.now')}</h3>
        <p class="status" data-status={claim.status}>
          <span class={`badge ${tone}`}>{claimStatus(claim.status)}</span>
        </p>
        {claim.statusReason && isRefusedStatus(claim.status) && (
          <p>{t('family.reason', { reason: claim.statusReason })}</p>
        )}
        {claim.verificationDue && EARLY.has(claim.status) && (
          <p>{t('family.agencyDue', { date: day(claim.verificationDue) })}</p>
        )}
        <p class="muted" aria-live="polite">
          {props.updatedAt && t('family.refreshed', { time: moment(props.updatedAt.toISOString()) })}
        </p>
        {props.refusal && (
          <p class="alert bad" role="alert">
            {refusalText(t, props.refusal)}
          </p>
        )}
        <div role="status">{notice && <p class="alert ok">{notice}</p>}</div>
      </section>

      <section class="card" aria-labelledby="needed-heading">
        <h2 id="needed-heading">{t('family.neededTitle')}</h2>
        {!needsAccount && !needsDocuments && proofsDue.length === 0 && <p>{t('family.neededNothing')}</p>}
        {needsDocuments && (
          <>
            <p>{t('family.neededDocuments')}</p>
            <ul>
              {claim.missingDocuments.map((d) => (
                <li key={d}>{t(`documents.${d}`, { defaultValue: d })}</li>
              ))}
            </ul>
          </>
        )}
        {needsAccount && <p>{t('family.neededAccount')}</p>}
        {proofsDue.map((s) => (
          <p key={s.id}>
            {t('family.neededProof', { n: s.childPosition, date: day(s.currentYear!.deadline!) })}
          </p>
        ))}
        {needsAccount && (
          <AccountForm
            idPrefix="claim-account"
            onSend={(account) => sendBankAccount(props.credentials, account)}
            onSent={sent('family.accountSent')}
          />
        )}
      </section>

      <section class="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('family.timeline')}</h2>
        <ol class="timeline">
          {claim.timeline.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{moment(e.at)}</time>
              {step(e.step)}
            </li>
          ))}
        </ol>
      </section>

      {claim.assessment && (
        <section class="card" aria-labelledby="assessment-heading">
          <h2 id="assessment-heading">{t('family.assessment')}</h2>
          <dl class="facts">
            {claim.assessment.components.map((c) => (
              <Fragment key={c.code}>
                <dt>{t(`components.${c.code}`, { defaultValue: c.code })}</dt>
                <dd>{rupiah(c.amount)}</dd>
              </Fragment>
            ))}
            <dt>
              <strong>{t('family.total')}</strong>
            </dt>
            <dd>
              <strong>{rupiah(claim.assessment.total)}</strong>
            </dd>
          </dl>
        </section>
      )}

      <section class="card" aria-labelledby="payouts-heading">
        <h2 id="payouts-heading">{t('family.payouts')}</h2>
        {claim.payouts.length === 0 ? (
          <p>{t('family.payoutNone')}</p>
        ) : (
          <ul class="plain">
            {claim.payouts.map((p) => (
              <li key={p.idempotencyKey} data-payout={p.component}>
                <dl class="facts">
                  <dt>{t('family.component')}</dt>
                  <dd>{t(`components.${p.component}`, { defaultValue: p.component })}</dd>
                  <dt>{t('family.amount')}</dt>
                  <dd>{rupiah(p.amount)}</dd>
                  <dt>{t('family.state')}</dt>
                  <dd>{t(`payoutStatus.${p.status}`)}</dd>
                  <dt>{t('family.toAccount')}</dt>
                  <dd>{p.accountNumber}</dd>
                  {p.gatewayReference && (
                    <>
                      <dt>{t('family.reference')}</dt>
                      <dd>{p.gatewayReference}</dd>
                    </>
                  )}
                  {p.paidAt && (
                    <>
                      <dt>{t('family.paidOn')}</dt>
                      <dd>{moment(p.paidAt)}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      {claim.scholarships.length > 0 && (
        <Scholarships scholarships={claim.scholarships} credentials={props.credentials} onSent={sent} />
      )}

      <section class="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t('family.claimFacts')}</h2>
        <dl class="facts">
          <dt>{t('family.claimDate')}</dt>
          <dd>{day(claim.claimDate)}</dd>
          <dt>{t('family.participant')}</dt>
          <dd>{claim.participantNik}</dd>
          <dt>{t('family.account')}</dt>
          <dd>
            {claim.bankAccount.bankCode} {claim.bankAccount.accountNumber}
          </dd>
        </dl>
      </section>
    </>
  );
}
