// An accident case (JKK, the worker lives) on its claim page: the investigation's finding (recorded by one officer,
// confirmed by another), each treatment, transport and STMB period with its verification and its decision, and the
// closing's decision. The workflow's validators decide who may do what; each refusal is shown in words (problem.tsx).
import { Choices, type Choice } from './Choices';
import { api } from '../api/client';
import { SUPERVISOR_APPROVAL_THRESHOLD } from '../../../rules/maker-checker';
import { day, moment, rupiah } from './format';
import { useStaffT } from './i18n';
import { outcome, ProblemAlert, type Action, type Outcome, useFormAction } from './problem';
import { bearer, type Session } from './session';
import type { StaffAccident, StaffAccidentItem, StaffClaim } from './types';

/** A radio choice and a reason, sent as one request; the refusal, if any, in words. */
function ChoiceForm(props: {
  prefix: string;
  legend: string;
  choices: Choice[];
  reasonLabel: string;
  reasonRequired?: boolean;
  rules?: string;
  submitLabel: string;
  action: Action;
  send(choice: string, reason: string): Promise<Outcome<unknown>>;
  onDone(): void;
}) {
  const { t } = useStaffT();
  const { prefix } = props;
  const { problem, busy, submit } = useFormAction(async (form) => {
    const choice = (form.elements.namedItem(`${prefix}-choice`) as RadioNodeList | null)?.value ?? '';
    const reason = (form.elements.namedItem(`${prefix}-reason`) as HTMLTextAreaElement).value.trim();
    return props.send(choice, reason);
  }, props.onDone);
  return (
    <form onSubmit={submit} class="subform">
      {props.rules && <p class="hint">{props.rules}</p>}
      {props.choices.length > 0 && (
        <Choices legend={props.legend} name={`${prefix}-choice`} idPrefix={prefix} choices={props.choices} />
      )}
      <label for={`${prefix}-reason`}>
        {props.reasonLabel}
        {props.reasonRequired === false && <span class="hint"> {t('common.optional')}</span>}
      </label>
      <textarea
        id={`${prefix}-reason`}
        name={`${prefix}-reason`}
        rows={2}
        required={props.reasonRequired ?? true}
      />
      {problem && <ProblemAlert problem={problem} action={props.action} />}
      <button type="submit" class="primary" disabled={busy}>
        {props.submitLabel}
      </button>
    </form>
  );
}

function Finding(props: { claim: StaffClaim; a: StaffAccident; session: Session; onDone(): void }) {
  const { t } = useStaffT();
  const { claim, a, session } = props;
  const f = a.finding;
  const path = { params: { path: { claimNumber: claim.claimNumber } }, headers: bearer(session) };
  return (
    <section aria-labelledby="finding-title" class="card">
      <h2 id="finding-title">{t('accident.finding')}</h2>
      {f.finding ? (
        <p data-testid="staff-finding">
          <strong>{t(`accident.findings.${f.finding}`)}</strong>{' '}
          {t('accident.recordedBy', { by: f.by ?? '–' })}
          {f.confirmedBy && ` · ${t('accident.confirmedBy', { by: f.confirmedBy })}`}
          {f.reasons && (
            <>
              <br />
              {t('decision.reasonWas')}: {f.reasons}
            </>
          )}
        </p>
      ) : (
        <p>{f.due ? t('accident.findingDue', { date: day(f.due) }) : t('accident.findingNone')}</p>
      )}
      {claim.status === 'waiting_for_finding' && (
        <ChoiceForm
          prefix="finding"
          legend={t('accident.finding')}
          choices={[
            { value: 'work_accident', label: t('accident.findings.work_accident') },
            { value: 'not_work_accident', label: t('accident.findings.not_work_accident') },
          ]}
          reasonLabel={t('accident.findingReasons')}
          submitLabel={t('accident.recordFinding')}
          action="finding"
          send={(finding, reasons) =>
            outcome(
              api.POST('/claims/{claimNumber}/finding', {
                ...path,
                body: { finding: finding as 'work_accident' | 'not_work_accident', reasons },
              }),
            )
          }
          onDone={props.onDone}
        />
      )}
      {claim.status === 'waiting_for_finding_confirmation' && (
        <ChoiceForm
          prefix="confirm"
          legend={t('decision.legend')}
          rules={t('accident.confirmRules', { by: f.by ?? '–' })}
          choices={[
            { value: 'approve', label: t('accident.confirm') },
            { value: 'reject', label: t('accident.sendBack') },
          ]}
          reasonLabel={t('decision.reason')}
          submitLabel={t('decision.submit')}
          action="findingConfirmation"
          send={(decision, reason) =>
            outcome(
              api.POST('/claims/{claimNumber}/finding/confirmation', {
                ...path,
                body: { decision: decision as 'approve' | 'reject', reason },
              }),
            )
          }
          onDone={props.onDone}
        />
      )}
    </section>
  );
}

function Item(props: {
  claim: StaffClaim;
  item: StaffAccidentItem;
  session: Session;
  onDone(itemNumber: number, from: string): void;
}) {
  const { t } = useStaffT();
  const { item, claim, session } = props;
  const path = { params: { path: { claimNumber: claim.claimNumber } }, headers: bearer(session) };
  const prefix = `item-${item.itemNumber}`;
  const done = () => props.onDone(item.itemNumber, item.status);
  return (
    <li data-item={item.itemNumber} aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>
        {t('accident.item', { n: item.itemNumber, kind: t(`accident.kinds.${item.kind}`) })}:{' '}
        {rupiah(item.amount)}
      </h3>
      <p>
        <span lang="en">{item.what}</span> ·{' '}
        <span data-testid={`${prefix}-status`}>{t(`accident.itemStatus.${item.status}`)}</span>
        {item.claimed !== item.amount && ` · ${t('accident.claimed', { amount: rupiah(item.claimed) })}`}
      </p>
      <p class="muted">
        {t('accident.recordedBy', { by: item.recordedBy })}
        {item.verifiedBy && ` · ${t('accident.verifiedBy', { by: item.verifiedBy })}`}
        {item.decidedBy && ` · ${t('accident.decidedBy', { by: item.decidedBy })}`}
        {item.reason && ` · ${t('decision.reasonWas')}: ${item.reason}`}
      </p>
      {item.explanation && (
        <p class="hint" lang="en">
          {item.explanation}
        </p>
      )}
      {item.status === 'waiting_for_verification' && (
        <ChoiceForm
          prefix={`${prefix}-verify`}
          legend=""
          choices={[]}
          reasonLabel={t('accident.verifyNote')}
          reasonRequired={false}
          submitLabel={t('accident.verify', { n: item.itemNumber })}
          action="itemVerify"
          send={(_, note) =>
            outcome(
              api.POST('/claims/{claimNumber}/items/verification', {
                ...path,
                body: { itemNumber: item.itemNumber, ...(note ? { note } : {}) },
              }),
            )
          }
          onDone={done}
        />
      )}
      {item.status === 'waiting_for_approval' && (
        <ChoiceForm
          prefix={`${prefix}-decide`}
          legend={t('decision.legend')}
          rules={t('accident.itemRules', {
            recorder: item.recordedBy,
            verifier: item.verifiedBy ?? '–',
            threshold: rupiah(SUPERVISOR_APPROVAL_THRESHOLD),
          })}
          choices={[
            { value: 'approve', label: t('accident.approveItem') },
            { value: 'reject', label: t('accident.refuseItem') },
          ]}
          reasonLabel={t('decision.reason')}
          submitLabel={t('accident.decide', { n: item.itemNumber })}
          action="itemDecide"
          send={(decision, reason) =>
            outcome(
              api.POST('/claims/{claimNumber}/items/decision', {
                ...path,
                body: { itemNumber: item.itemNumber, decision: decision as 'approve' | 'reject', reason },
              }),
            )
          }
          onDone={done}
        />
      )}
    </li>
  );
}

function Closing(props: { claim: StaffClaim; a: StaffAccident; session: Session; onDone(): void }) {
  const { t } = useStaffT();
  const { claim, a, session } = props;
  const c = a.closing;
  return (
    <section aria-labelledby="closing-title" class="card">
      <h2 id="closing-title">{t('accident.closing')}</h2>
      {!c ? (
        <p class="muted">{t('accident.closingNone')}</p>
      ) : (
        <>
          <p>
            <strong>{t(`accident.outcomes.${c.outcome}`, { defaultValue: c.outcome })}</strong> ·{' '}
            {day(c.closedOn)} · {t('accident.recordedBy', { by: c.record.submittedBy ?? '–' })}
            {c.decidedBy && ` · ${t('accident.decidedBy', { by: c.decidedBy })}`}
          </p>
          <ul class="plain">
            {c.components.map((p) => (
              <li key={p.code}>
                {t(`components.${p.code}`, { defaultValue: p.code })}: {rupiah(p.amount)}{' '}
                <span class="hint" lang="en">
                  {p.explanation}
                </span>
              </li>
            ))}
          </ul>
          <p class="total">
            {t('assessment.total')}: <strong>{rupiah(c.total)}</strong>
          </p>
        </>
      )}
      {c && claim.status === 'waiting_for_closing_decision' && (
        <ChoiceForm
          prefix="closing"
          legend={t('decision.legend')}
          rules={t('accident.closingRules', {
            by: c.record.submittedBy ?? '–',
            threshold: rupiah(SUPERVISOR_APPROVAL_THRESHOLD),
          })}
          choices={[
            { value: 'approve', label: t('decision.approve') },
            { value: 'reject', label: t('accident.sendBack') },
          ]}
          reasonLabel={t('decision.reason')}
          submitLabel={t('decision.submit')}
          action="closingDecide"
          send={(decision, reason) =>
            outcome(
              api.POST('/claims/{claimNumber}/closing/decision', {
                params: { path: { claimNumber: claim.claimNumber } },
                headers: bearer(session),
                body: { decision: decision as 'approve' | 'reject', reason },
              }),
            )
          }
          onDone={props.onDone}
        />
      )}
    </section>
  );
}

/** The accident's parts of the claim page; `refresh` reads the claim again until the given check holds. */
export function AccidentCase(props: {
  claim: StaffClaim;
  session: Session;
  refresh(changed: (c: StaffClaim) => boolean): void;
}) {
  const { t } = useStaffT();
  const { claim, session } = props;
  const a = claim.accident;
  if (!a) return null;
  const moved = () => props.refresh((c) => c.status !== claim.status);
  const itemMoved = (n: number, from: string) =>
    props.refresh((c) => c.accident?.items.find((i) => i.itemNumber === n)?.status !== from);
  return (
    <>
      <section aria-labelledby="accident-facts-title" class="card">
        <h2 id="accident-facts-title">{t('accident.title')}</h2>
        <dl class="facts">
          <dt>{t('accident.date')}</dt>
          <dd>
            {day(a.accident.date)} · {t(`accident.accidentKinds.${a.accident.kind}`)} · {a.accident.place}
          </dd>
          <dt>{t('accident.reported')}</dt>
          <dd>{moment(a.accident.reportedAt)}</dd>
          <dt>{t('accident.employerLiable')}</dt>
          <dd lang={a.accident.employerLiable ? 'en' : undefined}>{a.accident.employerLiable ?? '–'}</dd>
          {a.deathClaimNumber && (
            <>
              <dt>{t('accident.deathClaim')}</dt>
              <dd>{a.deathClaimNumber}</dd>
            </>
          )}
        </dl>
      </section>
      <Finding claim={claim} a={a} session={session} onDone={moved} />
      <section aria-labelledby="items-title" class="card" data-testid="accident-items">
        <h2 id="items-title">{t('accident.items')}</h2>
        {a.items.length === 0 ? (
          <p class="muted">{t('accident.noItems')}</p>
        ) : (
          <ul class="plain">
            {a.items.map((item) => (
              <Item key={item.itemNumber} claim={claim} item={item} session={session} onDone={itemMoved} />
            ))}
          </ul>
        )}
        <p class="total">
          {t('accident.totalPaid')}: <strong>{rupiah(a.totalPaid)}</strong>
        </p>
      </section>
      <Closing claim={claim} a={a} session={session} onDone={moved} />
    </>
  );
}
