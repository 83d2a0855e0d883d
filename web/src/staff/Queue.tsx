// The work queue: newest first, filtered by status (the API's filter) and escalation (on the pages loaded), with
// service-level badges, paged with the API's cursor ("more").
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { CLAIM_STATUSES, type ClaimStatus } from '../../../vocabulary/status';
import { ServiceLevelBadges } from './Badges';
import { day } from './format';
import { useStaffT } from './i18n';
import { Link } from './Link';
import { outcome, ProblemAlert } from './problem';
import { bearer, type Session } from './session';
import type { Problem, QueueItem, QueuePage } from './types';

const PAGE = 20;

export function QueueList({ items }: { items: QueueItem[] }) {
  const { t } = useStaffT();
  return (
    <ul class="queue">
      {items.map((c) => (
        <li key={c.claimNumber} class="card queue-item">
          <p class="queue-head">
            <Link href={`/staff/claims/${encodeURIComponent(c.claimNumber)}`} class="claim-link">
              {c.claimNumber}
            </Link>
            <ServiceLevelBadges
              status={c.status}
              verificationDue={c.verificationDue}
              escalated={c.escalated}
            />
          </p>
          <dl class="facts">
            <dt>{t('claim.status')}</dt>
            <dd>{t(`status.${c.status}`)}</dd>
            <dt>{t('claim.program')}</dt>
            <dd>{c.program}</dd>
            <dt>{t('claim.eventDate')}</dt>
            <dd>{day(c.eventDate)}</dd>
            <dt>{t('claim.claimDate')}</dt>
            <dd>{day(c.claimDate)}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

export function Queue({ session }: { session: Session }) {
  const { t } = useStaffT();
  const [status, setStatus] = useState<ClaimStatus | ''>('');
  const [escalatedOnly, setEscalatedOnly] = useState(false);
  const [items, setItems] = useState<QueueItem[] | undefined>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>();

  const load = async (after: string | null) => {
    setLoading(true);
    const got = await outcome<QueuePage>(
      api.GET('/claims', {
        params: {
          query: { limit: PAGE, ...(status ? { status } : {}), ...(after ? { cursor: after } : {}) },
        },
        headers: bearer(session),
      }),
    );
    setLoading(false);
    if (!got.ok) return setProblem(got.problem);
    setProblem(undefined);
    setItems((before) => (after ? [...(before ?? []), ...got.data.items] : got.data.items));
    setCursor(got.data.nextCursor);
  };
  useEffect(() => {
    void load(null);
  }, [status, session.token]);

  const shown = items?.filter((c) => !escalatedOnly || c.escalated);
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title" tabIndex={-1}>
        {t('queue.title')}
      </h1>
      <form class="card filters" onSubmit={(e) => e.preventDefault()} aria-label={t('queue.filters')}>
        <div>
          <label for="queue-status">{t('queue.status')}</label>
          <select
            id="queue-status"
            value={status}
            onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as ClaimStatus | '')}
          >
            <option value="">{t('queue.allStatuses')}</option>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="check">
          <input
            id="queue-escalated"
            type="checkbox"
            checked={escalatedOnly}
            onChange={(e) => setEscalatedOnly((e.currentTarget as HTMLInputElement).checked)}
          />
          <label for="queue-escalated">{t('queue.escalatedOnly')}</label>
        </div>
      </form>
      {problem && <ProblemAlert problem={problem} action="read" />}
      <p aria-live="polite" class="muted">
        {loading ? t('common.loading') : shown ? t('queue.count', { count: shown.length }) : ''}
      </p>
      {shown && <QueueList items={shown} />}
      {cursor && (
        <button type="button" class="secondary" disabled={loading} onClick={() => void load(cursor)}>
          {t('queue.more')}
        </button>
      )}
    </section>
  );
}
