// An accident case (JKK, the worker lives) in plain words: where it is now and what is needed from the worker, the
// accident and the stage-I report, the investigation's finding, each treatment, transport and STMB period with its
// amount and status, the total paid, the closing, and the death claim the case became, if it did. The texts of
// statuses, items and outcomes come from vocabulary/ (../i18n/status.ts); the API's English texts are not shown.
import { Fragment, type Ref } from 'preact';
import { useT } from '../i18n';
import { accidentTexts, claimStatus } from '../i18n/status';
import { itemDescriptionParts } from '../../../vocabulary/accident-texts';
import { isRefusedStatus } from '../../../vocabulary/status';
import { day, moment, rupiah } from './format';
import { refusalText } from './refusal';
import type { AccidentItem, FamilyAccident, Refusal } from './track';

function Item({ item }: { item: AccidentItem }) {
  const { t } = useT();
  const texts = accidentTexts();
  const tone = item.status === 'paid' ? 'ok' : item.status.includes('refused') ? 'bad' : 'warn';
  // The provider (and transport mode) and the period, read from the API's English line (vocabulary's own format).
  const { by, from, to } = itemDescriptionParts(item.what);
  return (
    <li data-item={item.itemNumber} data-item-status={item.status}>
      <h3>
        {texts.itemKind(item.kind)} <span class="muted">· {t('accident.item', { n: item.itemNumber })}</span>
      </h3>
      <p class="status">
        <span class={`badge ${tone}`}>{texts.itemStatus(item.status)}</span>
      </p>
      <dl class="facts">
        {by && (
          <>
            <dt>{t('accident.provider')}</dt>
            <dd>{by}</dd>
          </>
        )}
        {from && to && (
          <>
            <dt>{t('accident.period')}</dt>
            <dd>
              {day(from)} – {day(to)}
            </dd>
          </>
        )}
        <dt>{t('family.amount')}</dt>
        <dd data-testid={`item-${item.itemNumber}-amount`}>{rupiah(item.amount)}</dd>
        {item.claimed !== item.amount && (
          <>
            <dt>{t('accident.claimed')}</dt>
            <dd>{rupiah(item.claimed)}</dd>
          </>
        )}
        <dt>{t('accident.paidTo')}</dt>
        <dd>{t(`accident.payees.${item.paidTo}`)}</dd>
      </dl>
      {item.reason && item.status === 'refused' && (
        <p>{t('accident.refusedReason', { reason: item.reason })}</p>
      )}
    </li>
  );
}

export function AccidentView(props: {
  accident: FamilyAccident;
  heading: Ref<HTMLHeadingElement>;
  busy: boolean;
  refusal?: Refusal;
  updatedAt?: Date;
  onRefresh(): void;
  onSignOut(): void;
}) {
  const { t } = useT();
  const texts = accidentTexts();
  const { accident: c } = props;
  const a = c.accident;
  const tone =
    c.status === 'closed' ? 'ok' : isRefusedStatus(c.status) || c.status === 'payout_failed' ? 'bad' : 'warn';
  const accountRefused = c.items.some((i) => i.status === 'payment_refused');
  return (
    <>
      <section class="card" aria-labelledby="claim-heading">
        <div class="row">
          <h2 id="claim-heading" ref={props.heading} tabIndex={-1}>
            {c.claimNumber}
          </h2>
          <div>
            <button class="secondary" type="button" onClick={props.onRefresh} disabled={props.busy}>
              {t('family.refresh')}
            </button>{' '}
            <button class="secondary" type="button" onClick={props.onSignOut}>
              {t('family.signOut')}
            </button>
          </div>
        </div>
        <p class="muted">{t('accident.program')}</p>
        <h3>{t('family.now')}</h3>
        <p class="status" data-status={c.status}>
          <span class={`badge ${tone}`}>{claimStatus(c.status)}</span>
        </p>
        {c.statusReason && isRefusedStatus(c.status) && (
          <p>{t('family.reason', { reason: c.statusReason })}</p>
        )}
        {c.deathClaimNumber && (
          <p data-testid="death-claim">{t('accident.deathClaim', { claimNumber: c.deathClaimNumber })}</p>
        )}
        <p class="muted" aria-live="polite">
          {props.updatedAt && t('family.refreshed', { time: moment(props.updatedAt.toISOString()) })}
        </p>
        {props.refusal && (
          <p class="alert bad" role="alert">
            {refusalText(t, props.refusal)}
          </p>
        )}
      </section>

      <section class="card" aria-labelledby="needed-heading">
        <h2 id="needed-heading">{t('family.neededTitle')}</h2>
        {texts.next(c.status, accountRefused).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </section>

      <section class="card" aria-labelledby="items-heading">
        <h2 id="items-heading">{t('accident.itemsTitle')}</h2>
        {c.items.length === 0 ? (
          <p>{t('accident.itemsNone')}</p>
        ) : (
          <ul class="plain">
            {c.items.map((item) => (
              <Item key={item.itemNumber} item={item} />
            ))}
          </ul>
        )}
        <p class="total">
          {t('accident.totalPaid')}: <strong data-testid="total-paid">{rupiah(c.totalPaid)}</strong>
        </p>
      </section>

      <section class="card" aria-labelledby="finding-heading">
        <h2 id="finding-heading">{t('accident.findingTitle')}</h2>
        {c.finding.finding === null ? (
          <>
            <p>{t('accident.findingWaiting')}</p>
            {c.finding.due && <p>{t('accident.findingDue', { date: day(c.finding.due) })}</p>}
          </>
        ) : (
          <>
            <p data-testid="finding">
              <strong>{texts.finding(c.finding.finding)}</strong>{' '}
              {t(c.finding.confirmed ? 'accident.findingConfirmed' : 'accident.findingUnconfirmed')}
            </p>
            {c.finding.reasons && <p>{t('accident.findingReasons', { reasons: c.finding.reasons })}</p>}
          </>
        )}
      </section>

      <section class="card" aria-labelledby="closing-heading">
        <h2 id="closing-heading">{t('accident.closingTitle')}</h2>
        {!c.closing ? (
          <p>{t('accident.closingNone')}</p>
        ) : (
          <>
            <p data-testid="closing">{texts.closing(c.closing.outcome)}</p>
            {!c.closing.decided && <p>{t('accident.closingWaiting')}</p>}
            <dl class="facts">
              <dt>{t('accident.closedOn')}</dt>
              <dd>{day(c.closing.closedOn)}</dd>
              {c.closing.components.map((p) => (
                <Fragment key={p.code}>
                  <dt>{t(`components.${p.code}`, { defaultValue: p.code })}</dt>
                  <dd>{rupiah(p.amount)}</dd>
                </Fragment>
              ))}
              <dt>
                <strong>{t('accident.closingTotal')}</strong>
              </dt>
              <dd>
                <strong>{rupiah(c.closing.total)}</strong>
              </dd>
            </dl>
          </>
        )}
      </section>

      <section class="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t('accident.accidentTitle')}</h2>
        <dl class="facts">
          <dt>{t('accident.date')}</dt>
          <dd>{day(a.date)}</dd>
          <dt>{t('accident.kind')}</dt>
          <dd>{texts.accidentKind(a.kind)}</dd>
          {a.diagnosisDate && (
            <>
              <dt>{t('accident.diagnosisDate')}</dt>
              <dd>{day(a.diagnosisDate)}</dd>
            </>
          )}
          <dt>{t('accident.place')}</dt>
          <dd>{a.place}</dd>
          <dt>{t('accident.reported')}</dt>
          <dd>{moment(a.reportedAt)}</dd>
          <dt>{t('accident.employerLiable')}</dt>
          <dd>
            {a.employerLiable ? (
              <>
                {t('accident.employerLiableYes')} <span lang="en">{a.employerLiable}</span>
              </>
            ) : (
              t('accident.employerLiableNo')
            )}
          </dd>
          <dt>{t('family.participant')}</dt>
          <dd>{c.participantNik}</dd>
          <dt>{t('family.account')}</dt>
          <dd>
            {c.bankAccount.bankCode} {c.bankAccount.accountNumber}
          </dd>
        </dl>
      </section>
    </>
  );
}
