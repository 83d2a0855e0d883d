// What waits for a second pair of eyes: accounts proposed in place of refused ones, decisions on verified claims,
// proofs of enrolment (reviewed on their claim's page), and accident cases: findings to confirm, cases under care
// (their treatments and STMB periods are reviewed on the case's page) and closings to decide.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { navigate } from '../shell/router';
import { useStaffT } from './i18n';
import { outcome, ProblemAlert } from './problem';
import { QueueList } from './Queue';
import { bearer, type Session } from './session';
import type { Problem, QueueItem, QueuePage } from './types';
import type { ClaimStatus } from '../../../vocabulary/status';

function Waiting({
  session,
  status,
  titleKey,
  emptyKey,
}: {
  session: Session;
  status: ClaimStatus;
  titleKey: string;
  emptyKey: string;
}) {
  const { t } = useStaffT();
  const [items, setItems] = useState<QueueItem[] | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  useEffect(() => {
    void outcome<QueuePage>(
      api.GET('/claims', { params: { query: { status, limit: 100 } }, headers: bearer(session) }),
    ).then((got) => (got.ok ? setItems(got.data.items) : setProblem(got.problem)));
  }, [session.token]);
  const id = `reviews-${status}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(titleKey)}</h2>
      {problem && <ProblemAlert problem={problem} action="read" />}
      {!items && !problem && <p class="muted">{t('common.loading')}</p>}
      {items && items.length === 0 && <p class="muted">{t(emptyKey)}</p>}
      {items && items.length > 0 && <QueueList items={items} />}
    </section>
  );
}

export function Reviews({ session }: { session: Session }) {
  const { t } = useStaffT();
  return (
    <section aria-labelledby="reviews-title">
      <h1 id="reviews-title" tabIndex={-1}>
        {t('reviews.title')}
      </h1>
      <Waiting
        session={session}
        status="waiting_for_account_review"
        titleKey="reviews.accounts"
        emptyKey="reviews.noAccounts"
      />
      <Waiting
        session={session}
        status="waiting_for_decision"
        titleKey="reviews.decisions"
        emptyKey="reviews.noDecisions"
      />
      <Waiting
        session={session}
        status="waiting_for_backdating_approval"
        titleKey="reviews.backdating"
        emptyKey="reviews.noBackdating"
      />
      <Waiting
        session={session}
        status="waiting_for_reimbursement_approval"
        titleKey="reviews.reimbursements"
        emptyKey="reviews.noReimbursements"
      />
      <section aria-labelledby="reviews-proofs" class="card">
        <h2 id="reviews-proofs">{t('reviews.proofs')}</h2>
        <p>{t('reviews.proofsHow')}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const n = (
              (e.currentTarget as HTMLFormElement).elements.namedItem('open-claim') as HTMLInputElement
            ).value.trim();
            if (n) navigate(`/staff/claims/${encodeURIComponent(n)}`);
          }}
        >
          <label for="open-claim">{t('reviews.claimNumber')}</label>
          <input id="open-claim" name="open-claim" autocomplete="off" spellcheck={false} />
          <button type="submit" class="secondary">
            {t('reviews.open')}
          </button>
        </form>
      </section>
      <Waiting
        session={session}
        status="waiting_for_finding_confirmation"
        titleKey="reviews.findings"
        emptyKey="reviews.noFindings"
      />
      <Waiting
        session={session}
        status="under_care"
        titleKey="reviews.underCare"
        emptyKey="reviews.noUnderCare"
      />
      <Waiting
        session={session}
        status="waiting_for_closing_decision"
        titleKey="reviews.closings"
        emptyKey="reviews.noClosings"
      />
    </section>
  );
}
