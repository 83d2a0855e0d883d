// The auditor's view: find a claim, replay its histories against the current code (each run's verdict and the
// decision trail read back from the histories), and download the history export with its digest.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { navigate, usePath } from '../shell/router';
import { day, moment, rupiah } from '../staff/format';
import { useFocusHeadingOnChange } from '../staff/focus';
import { Link } from '../staff/Link';
import { outcome, ProblemAlert } from '../staff/problem';
import { bearer, useSession, type Session } from '../staff/session';
import { SessionBar, SignIn } from '../staff/SignIn';
import type { Problem } from '../staff/types';
import '../staff/staff.css';
import { useAuditorT } from './i18n';
import type { ClaimReplay, DecisionTrail, HistoryExportSummary } from './types';

function FindClaim({ initial }: { initial?: string }) {
  const { t } = useAuditorT();
  return (
    <form
      class="card"
      role="search"
      aria-label={t('find')}
      onSubmit={(e) => {
        e.preventDefault();
        const n = (
          (e.currentTarget as HTMLFormElement).elements.namedItem('audit-claim') as HTMLInputElement
        ).value
          .trim()
          .toUpperCase();
        if (n) navigate(`/auditor/claims/${encodeURIComponent(n)}`);
      }}
    >
      <label for="audit-claim">
        {t('claimNumber')}
        <span class="hint">{t('claimHint')}</span>
      </label>
      <input
        id="audit-claim"
        name="audit-claim"
        defaultValue={initial}
        autocomplete="off"
        spellcheck={false}
      />
      <button type="submit" class="secondary">
        {t('open')}
      </button>
    </form>
  );
}

function by(t: ReturnType<typeof useAuditorT>['t'], a: { by: string; role?: string; at: string }) {
  return t('byAt', { by: a.by, role: a.role ?? '–', at: moment(a.at) });
}

function Trail({ trail }: { trail: DecisionTrail }) {
  const { t } = useAuditorT();
  return (
    <section class="card" aria-labelledby="trail-title">
      <h2 id="trail-title">{t('trail')}</h2>
      <dl class="facts">
        <dt>{t('filed')}</dt>
        <dd>
          {trail.filed
            ? t('filedValue', {
                by: trail.filed.by,
                at: moment(trail.filed.at),
                eventDate: day(trail.filed.eventDate),
                claimDate: day(trail.filed.claimDate),
                heirs: trail.filed.heirs,
                children: trail.filed.children,
              })
            : t('none')}
        </dd>
        <dt>{t('membership')}</dt>
        <dd>
          {trail.membership
            ? `${t(trail.membership.eligible ? 'eligible' : 'ineligible')}${trail.membership.reason ? ` (${trail.membership.reason})` : ''}`
            : t('none')}
        </dd>
        <dt>{t('verifications')}</dt>
        <dd>
          {trail.verifications.length === 0 ? (
            t('none')
          ) : (
            <ul class="plain" data-testid="trail-verifications">
              {trail.verifications.map((v, i) => (
                <li key={i}>
                  {by(t, v)}:{' '}
                  {v.complete ? t('complete') : t('incomplete', { missing: (v.missing ?? []).join(', ') })}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {trail.escalation && (
          <>
            <dt>{t('escalation')}</dt>
            <dd>{moment(trail.escalation.at)}</dd>
          </>
        )}
        <dt>{t('assessment')}</dt>
        <dd>
          {trail.assessment ? (
            <>
              {trail.assessment.regulation}: <strong>{rupiah(trail.assessment.total)}</strong>
              <ul class="plain">
                {trail.assessment.components.map((c) => (
                  <li key={c.code}>
                    {c.code} {rupiah(c.amount)}: {c.basis}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            t('none')
          )}
        </dd>
        <dt>{t('decision')}</dt>
        <dd data-testid="trail-decision">
          {trail.decision
            ? `${t(trail.decision.decision)}, ${by(t, trail.decision)}; ${t('reason')}: ${trail.decision.reason}`
            : t('none')}
        </dd>
        <dt>{t('accounts')}</dt>
        <dd>
          {trail.bankAccountChanges.length === 0 ? (
            t('none')
          ) : (
            <ul class="plain">
              {trail.bankAccountChanges.map((c, i) => (
                <li key={i}>
                  {c.bankCode} {c.accountNumber}, {by(t, c)}
                  {c.review && `; ${t('reviewed', { by: c.review.by, decision: c.review.decision })}`}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('payouts')}</dt>
        <dd>
          {trail.payouts.length === 0 ? (
            t('none')
          ) : (
            <ul class="plain">
              {trail.payouts.map((p, i) => (
                <li key={i}>
                  {p.component} {rupiah(p.amount)}: {p.status}
                  {p.idempotencyKey && (
                    <>
                      {' '}
                      · {t('key')} <code>{p.idempotencyKey}</code>
                    </>
                  )}
                  {p.gatewayReference && ` · ${t('reference')} ${p.gatewayReference}`}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('outcome')}</dt>
        <dd data-testid="trail-outcome">
          {trail.outcome ? `${trail.outcome.status} · ${moment(trail.outcome.at)}` : t('none')}
        </dd>
        <dt>{t('scholarships')}</dt>
        <dd>
          {trail.scholarships.length === 0
            ? t('none')
            : trail.scholarships
                .map((s) => t('scholarshipRuns', { runs: s.runs, status: s.status }))
                .join('; ')}
        </dd>
        <dt>{t('patches')}</dt>
        <dd>{trail.patches.length === 0 ? t('none') : trail.patches.join(', ')}</dd>
      </dl>
    </section>
  );
}

function Replay({ replay }: { replay: ClaimReplay }) {
  const { t } = useAuditorT();
  return (
    <>
      <section class="card" aria-labelledby="verdict-title">
        <h2 id="verdict-title">{t('verdict')}</h2>
        <p
          class={`alert ${replay.deterministic ? 'ok' : 'bad'} verdict`}
          data-testid="replay-verdict"
          data-deterministic={String(replay.deterministic)}
        >
          {t(replay.deterministic ? 'deterministic' : 'notDeterministic')}
        </p>
        <p>
          {t('replayedAt', {
            at: moment(replay.replayedAt),
            histories: replay.histories,
            events: replay.events,
          })}
        </p>
        <h3>{t('runs')}</h3>
        <ul class="plain" data-testid="replay-runs">
          {replay.runs.map((r) => (
            <li key={r.runId}>
              <span class={`badge ${r.deterministic ? 'ok' : 'bad'}`}>
                {t(r.deterministic ? 'runOk' : 'runBad')}
              </span>{' '}
              {r.workflowType} <code>{r.workflowId}</code> / <code>{r.runId}</code> ·{' '}
              {t('runEvents', { count: r.events })}
              {(r.divergence || r.error) && (
                <p class="alert bad">
                  {t('divergence')}: <span lang="en">{r.divergence ?? r.error?.message}</span>
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
      <Trail trail={replay.decisionTrail} />
    </>
  );
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function ClaimAudit({ session, claimNumber }: { session: Session; claimNumber: string }) {
  const { t } = useAuditorT();
  const [replay, setReplay] = useState<ClaimReplay | undefined>();
  const [exported, setExported] = useState<{
    summary: HistoryExportSummary;
    file: string;
    fileHash: string;
  }>();
  const [problem, setProblem] = useState<{ problem: Problem; action: 'replay' | 'export' } | undefined>();
  const [busy, setBusy] = useState<'replay' | 'export' | undefined>();
  const path = { claimNumber };

  const runReplay = async () => {
    setBusy('replay');
    const got = await outcome<ClaimReplay>(
      api.POST('/claims/{claimNumber}/replay', { params: { path }, body: {}, headers: bearer(session) }),
    );
    setBusy(undefined);
    if (!got.ok) return setProblem({ problem: got.problem, action: 'replay' });
    setProblem(undefined);
    setReplay(got.data);
  };

  const download = async () => {
    setBusy('export');
    // As text: the file saved is byte for byte what the API sent.
    const got = await outcome<string>(
      api.GET('/claims/{claimNumber}/history', {
        params: { path },
        headers: bearer(session),
        parseAs: 'text',
      }),
    );
    if (!got.ok) {
      setBusy(undefined);
      return setProblem({ problem: got.problem, action: 'export' });
    }
    setProblem(undefined);
    const file = `history-${claimNumber}.json`;
    const url = URL.createObjectURL(new Blob([got.data], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setExported({
      summary: JSON.parse(got.data) as HistoryExportSummary,
      file,
      fileHash: await sha256(got.data),
    });
    setBusy(undefined);
  };

  return (
    <article aria-labelledby="audit-title">
      <p>
        <Link href="/auditor">← {t('find')}</Link>
      </p>
      <h1 id="audit-title" tabIndex={-1}>
        {t('claimTitle', { claimNumber })}
      </h1>
      <div class="actions">
        <button type="button" class="primary" disabled={busy !== undefined} onClick={() => void runReplay()}>
          {busy === 'replay' ? t('replaying') : t('replay')}
        </button>{' '}
        <button type="button" class="secondary" disabled={busy !== undefined} onClick={() => void download()}>
          {busy === 'export' ? t('downloading') : t('download')}
        </button>
      </div>
      <p aria-live="polite" class="muted">
        {busy === 'replay' ? t('replaying') : busy === 'export' ? t('downloading') : ''}
      </p>
      {problem && <ProblemAlert problem={problem.problem} action={problem.action} />}
      {exported && (
        <section class="card" aria-labelledby="export-title">
          <h2 id="export-title">{t('export')}</h2>
          <p role="status" class="alert ok">
            {t('exportDone', { file: exported.file })}
          </p>
          <dl class="facts">
            <dt>{t('digest')}</dt>
            <dd>
              <code class="digest" data-testid="export-digest">
                {exported.summary.digest}
              </code>
            </dd>
            <dt>{t('fileHash')}</dt>
            <dd>
              <code class="digest" data-testid="export-file-sha256">
                {exported.fileHash}
              </code>
            </dd>
          </dl>
          <p>
            {t('exportRuns', {
              count: exported.summary.runs.length,
              at: moment(exported.summary.exportedAt),
            })}
          </p>
          <p class="hint">
            <code>{t('verifyHint')}</code>
          </p>
        </section>
      )}
      {replay && <Replay replay={replay} />}
    </article>
  );
}

export default function AuditorPage() {
  const { t } = useAuditorT();
  const session = useSession();
  const path = usePath();
  useFocusHeadingOnChange(`${path}:${session?.id ?? ''}`);
  if (!session) return <SignIn audience="auditor" />;
  const claim = /^\/auditor\/claims\/([^/]+)$/.exec(path);
  let view;
  if (session.role !== 'auditor') {
    view = (
      <>
        <h1 tabIndex={-1}>{t('title')}</h1>
        <p class="alert warn">
          {t('notAuditor')} <Link href="/staff">{t('toStaff')}</Link>
        </p>
      </>
    );
  } else if (claim) {
    const claimNumber = decodeURIComponent(claim[1]!);
    view = <ClaimAudit key={claimNumber} session={session} claimNumber={claimNumber} />;
  } else {
    view = (
      <>
        <h1 tabIndex={-1}>{t('title')}</h1>
        <FindClaim />
      </>
    );
  }
  return (
    <div class="auditor">
      <SessionBar session={session} />
      {view}
    </div>
  );
}
