// Each child's scholarship: past school years (paid with the transfer reference, lapsed, not payable), this year's
// window and deadline with the proof of enrolment form while the window is open, and the years still to come.
import { useState } from 'preact/hooks';
import { GRADES, SCHOOL_LEVELS, type SchoolLevel } from '../../../rules/school';
import { useT } from '../i18n';
import { scholarshipStatus } from '../i18n/status';
import { Field } from '../shell/Field';
import { AccountForm } from './AccountForm';
import { day, rupiah } from './format';
import { refusalText } from './refusal';
import {
  sendEnrollment,
  sendScholarshipBankAccount,
  type Credentials,
  type Refusal,
  type Scholarship,
} from './track';

const OPEN_FOR_PROOF = new Set(['window_open', 'proof_rejected']);

export function Scholarships(props: {
  scholarships: Scholarship[];
  credentials: Credentials;
  /** Called with the text key of what was sent, once the API took it. */
  onSent(key: string): () => void;
}) {
  const { t } = useT();
  return (
    <section class="card" aria-labelledby="scholarships-heading">
      <h2 id="scholarships-heading">{t('family.scholarships')}</h2>
      {props.scholarships.map((s) => {
        const year = s.currentYear;
        return (
          <article key={s.id} aria-labelledby={`${s.id}-heading`} data-scholarship={s.id}>
            <h3 id={`${s.id}-heading`}>{t('family.child', { n: s.childPosition })}</h3>
            <p>{scholarshipStatus(s.status)}</p>
            {s.endMessage && <p>{t('family.reason', { reason: s.endMessage })}</p>}
            <p class="muted">{t('family.totalPaid', { amount: rupiah(s.totalPaid) })}</p>
            {s.pastYears.length > 0 && (
              <>
                <h4>{t('family.pastYears')}</h4>
                <ul class="plain">
                  {s.pastYears.map((y) => (
                    <li key={y.schoolYear}>
                      <strong>{y.schoolYear}</strong>: {t(`yearStatus.${y.status}`)}
                      {y.status === 'paid' && ` · ${rupiah(y.amount)}`}
                      {y.reference && ` · ${t('family.reference')}: ${y.reference}`}
                      {y.reason && ` · ${y.reason}`}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {year && (
              <>
                <h4>{t('family.thisYear', { year: year.schoolYear })}</h4>
                <dl class="facts">
                  <dt>{t('family.state')}</dt>
                  <dd>{t(`yearStatus.${year.status}`)}</dd>
                  {year.windowOpensOn && (
                    <>
                      <dt>{t('family.windowOpens')}</dt>
                      <dd>{day(year.windowOpensOn)}</dd>
                    </>
                  )}
                  {year.deadline && (
                    <>
                      <dt>{t('family.deadline')}</dt>
                      <dd>{day(year.deadline)}</dd>
                    </>
                  )}
                  <dt>{t('family.expected')}</dt>
                  <dd>
                    {year.expected.level} {year.expected.grade}
                  </dd>
                  {year.expectedAmount !== null && (
                    <>
                      <dt>{t('family.expectedAmount')}</dt>
                      <dd>{rupiah(year.expectedAmount)}</dd>
                    </>
                  )}
                  {year.submitted && (
                    <>
                      <dt>{t('family.submitted')}</dt>
                      <dd>
                        {year.submitted.level} {year.submitted.grade}, {year.submitted.institution}
                      </dd>
                    </>
                  )}
                </dl>
                {year.review?.decision === 'reject' && (
                  <p class="alert warn">{t('family.reviewRejected', { reason: year.review.reason ?? '' })}</p>
                )}
                {s.status === 'waiting_for_proof' && OPEN_FOR_PROOF.has(year.status) && (
                  <ProofForm
                    scholarship={s}
                    onSend={(proof) => sendEnrollment(props.credentials, s.id, proof)}
                    onSent={props.onSent('family.proofSent')}
                  />
                )}
                {s.status === 'waiting_for_bank_account' && (
                  <AccountForm
                    idPrefix={`${s.id}-account`}
                    onSend={(account) => sendScholarshipBankAccount(props.credentials, s.id, account)}
                    onSent={props.onSent('family.accountSent')}
                  />
                )}
              </>
            )}
            {s.projectedYears.length > 0 && (
              <details>
                <summary>
                  {t('family.yearsToCome')} ({s.projectedYears.length})
                </summary>
                <ul class="plain">
                  {s.projectedYears.map((p) => (
                    <li key={p.schoolYear}>
                      <strong>{p.schoolYear}</strong>: {p.level} {p.grade} · {rupiah(p.amount)}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </article>
        );
      })}
    </section>
  );
}

function ProofForm(props: {
  scholarship: Scholarship;
  onSend: typeof sendEnrollment extends (c: never, id: never, proof: infer P) => infer R
    ? (proof: P) => R
    : never;
  onSent(): void;
}) {
  const { t } = useT();
  const year = props.scholarship.currentYear!;
  const prefix = `${props.scholarship.id}-proof`;
  const [level, setLevel] = useState<SchoolLevel>(year.expected.level);
  const [grade, setGrade] = useState(String(year.expected.grade));
  const [institution, setInstitution] = useState('');
  const [documentReference, setDocumentReference] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const gradeNumber = Number(grade);
  const gradeWrong =
    !Number.isInteger(gradeNumber) || gradeNumber < GRADES[level].first || gradeNumber > GRADES[level].last;
  const required = (v: string) => (tried && !v.trim() ? t('family.required') : undefined);
  return (
    <form
      noValidate
      aria-labelledby={`${prefix}-title`}
      onSubmit={async (e) => {
        e.preventDefault();
        setTried(true);
        setRefusal(undefined);
        if (gradeWrong || !institution.trim() || !documentReference.trim()) return;
        setBusy(true);
        const outcome = await props.onSend({
          schoolYear: year.schoolYear,
          level,
          grade: gradeNumber,
          institution: institution.trim(),
          documentReference: documentReference.trim(),
        });
        setBusy(false);
        if (outcome.ok) props.onSent();
        else setRefusal(outcome.refusal);
      }}
    >
      <h4 id={`${prefix}-title`}>{t('family.proofForm')}</h4>
      <label for={`${prefix}-level`}>{t('family.level')}</label>
      <select
        id={`${prefix}-level`}
        value={level}
        onChange={(e) => setLevel(e.currentTarget.value as SchoolLevel)}
      >
        {SCHOOL_LEVELS.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
      <Field
        id={`${prefix}-grade`}
        label={t('family.grade')}
        hint={`${GRADES[level].first}–${GRADES[level].last}`}
        error={tried && gradeWrong ? `${GRADES[level].first}–${GRADES[level].last}` : undefined}
        value={grade}
        inputMode="numeric"
        onInput={(e) => setGrade(e.currentTarget.value.replace(/\D/g, ''))}
      />
      <Field
        id={`${prefix}-institution`}
        label={t('family.institution')}
        error={required(institution)}
        value={institution}
        onInput={(e) => setInstitution(e.currentTarget.value)}
      />
      <Field
        id={`${prefix}-reference`}
        label={t('family.documentReference')}
        hint={t('family.documentReferenceHint')}
        error={required(documentReference)}
        value={documentReference}
        autocomplete="off"
        onInput={(e) => setDocumentReference(e.currentTarget.value)}
      />
      {refusal && (
        <p class="alert bad" role="alert">
          {refusalText(t, refusal)}
        </p>
      )}
      <button class="primary" type="submit" disabled={busy}>
        {busy ? t('family.sending') : t('family.sendProof')}
      </button>
    </form>
  );
}
