// Reconciliation reports (each day's payout ledger against the gateway's statement) and the supervisor tasks a
// mismatch opened.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { day, moment, rupiah } from './format';
import { useStaffT } from './i18n';
import { Link } from './Link';
import { outcome, ProblemAlert } from './problem';
import { bearer, type Session } from './session';
import type { Problem, ReconciliationDay, ReconciliationItem, ReconciliationReport } from './types';

function Items({ items }: { items: ReconciliationItem[] }) {
  const { t } = useStaffT();
  return (
    <ul class="plain items">
      {items.map((i) => (
        <li key={i.transferKey}>
          <span class={`badge ${i.outcome === 'matched' ? 'ok' : 'bad'}`}>
            {t(`reconciliation.outcomes.${i.outcome}`, { defaultValue: i.outcome })}
          </span>{' '}
          <code>{i.transferKey}</code>
          <br />
          {t('reconciliation.ledger')} {rupiah(i.ledgerAmount)} · {t('reconciliation.gateway')}{' '}
          {rupiah(i.gatewayAmount)}
          {i.claimNumber && (
            <>
              {' '}
              · <Link href={`/staff/claims/${encodeURIComponent(i.claimNumber)}`}>{i.claimNumber}</Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function Summary({ r }: { r: ReconciliationReport }) {
  const { t } = useStaffT();
  return (
    <dl class="facts">
      <dt>{t('reconciliation.status')}</dt>
      <dd>
        <span class={`badge ${r.status === 'balanced' ? 'ok' : 'bad'}`}>
          {t(`reconciliation.${r.status}`)}
        </span>
      </dd>
      <dt>{t('reconciliation.ledgerTotal')}</dt>
      <dd>{rupiah(r.ledgerTotal)}</dd>
      <dt>{t('reconciliation.gatewayTotal')}</dt>
      <dd>{rupiah(r.gatewayTotal)}</dd>
      <dt>{t('reconciliation.counts')}</dt>
      <dd>{t('reconciliation.countsValue', { matched: r.matched, mismatched: r.mismatched })}</dd>
      <dt>{t('reconciliation.at')}</dt>
      <dd>{moment(r.reconciledAt)}</dd>
    </dl>
  );
}

export function Reconciliations({ session }: { session: Session }) {
  const { t } = useStaffT();
  const [status, setStatus] = useState<'' | 'balanced' | 'mismatched'>('');
  const [reports, setReports] = useState<(ReconciliationReport & { mismatches: ReconciliationItem[] })[]>();
  const [problem, setProblem] = useState<Problem | undefined>();
  useEffect(() => {
    void outcome<{ reports: (ReconciliationReport & { mismatches: ReconciliationItem[] })[] }>(
      api.GET('/reconciliations', {
        params: { query: { limit: 30, ...(status ? { status } : {}) } },
        headers: bearer(session),
      }),
    ).then((got) => {
      if (!got.ok) return setProblem(got.problem);
      setProblem(undefined);
      setReports(got.data.reports);
    });
  }, [status, session.token]);
  return (
    <section aria-labelledby="recon-title">
      <h1 id="recon-title" tabIndex={-1}>
        {t('reconciliation.title')}
      </h1>
      <form class="card filters" onSubmit={(e) => e.preventDefault()} aria-label={t('queue.filters')}>
        <label for="recon-status">{t('reconciliation.status')}</label>
        <select
          id="recon-status"
          value={status}
          onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as typeof status)}
        >
          <option value="">{t('reconciliation.all')}</option>
          <option value="balanced">{t('reconciliation.balanced')}</option>
          <option value="mismatched">{t('reconciliation.mismatched')}</option>
        </select>
      </form>
      {problem && <ProblemAlert problem={problem} action="read" />}
      {reports && reports.length === 0 && <p class="muted">{t('reconciliation.none')}</p>}
      <ul class="plain">
        {reports?.map((r) => (
          <li key={r.date} class="card">
            <h2>
              <Link href={`/staff/reconciliations/${r.date}`}>{day(r.date)}</Link>
            </h2>
            <Summary r={r} />
            {r.mismatches.length > 0 && (
              <>
                <h3>{t('reconciliation.mismatches')}</h3>
                <Items items={r.mismatches} />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ReconciliationDayPage({ session, date }: { session: Session; date: string }) {
  const { t } = useStaffT();
  const [report, setReport] = useState<ReconciliationDay | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  useEffect(() => {
    void outcome<ReconciliationDay>(
      api.GET('/reconciliations/{date}', { params: { path: { date } }, headers: bearer(session) }),
    ).then((got) => (got.ok ? setReport(got.data) : setProblem(got.problem)));
  }, [date, session.token]);
  return (
    <section aria-labelledby="recon-day-title">
      <p>
        <Link href="/staff/reconciliations">← {t('nav.reconciliations')}</Link>
      </p>
      <h1 id="recon-day-title" tabIndex={-1}>
        {t('reconciliation.dayTitle', { date: day(date) })}
      </h1>
      {problem && <ProblemAlert problem={problem} action="read" />}
      {report && (
        <>
          <div class="card">
            <Summary r={report} />
          </div>
          <section class="card" aria-labelledby="recon-tasks">
            <h2 id="recon-tasks">{t('reconciliation.tasks')}</h2>
            {report.tasks.length === 0 ? (
              <p class="muted">{t('reconciliation.noTasks')}</p>
            ) : (
              <ul class="plain">
                {report.tasks.map((task, i) => (
                  <li key={i}>
                    <span class={`badge ${task.status === 'open' ? 'warn' : 'ok'}`}>
                      {t(`reconciliation.taskStatus.${task.status}`, { defaultValue: task.status })}
                    </span>{' '}
                    {t(`reconciliation.outcomes.${task.kind.replace(/^reconciliation_/, '')}`, {
                      defaultValue: task.kind,
                    })}
                    : <span lang="en">{task.message}</span> · {moment(task.createdAt)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="card" aria-labelledby="recon-items">
            <h2 id="recon-items">{t('reconciliation.items')}</h2>
            <Items items={report.items} />
          </section>
        </>
      )}
    </section>
  );
}
