// The officers' and supervisors' console: sign-in, the work queue, a claim, the reviews waiting, reconciliations.
// One page at /staff that routes below itself (/staff/claims/<number>, /staff/reviews, /staff/reconciliations/...).
import { usePath } from '../shell/router';
import { ClaimPage } from './Claim';
import { useFocusHeadingOnChange } from './focus';
import { useStaffT } from './i18n';
import { Link } from './Link';
import { Queue } from './Queue';
import { ReconciliationDayPage, Reconciliations } from './Reconciliations';
import { Reviews } from './Reviews';
import { useSession } from './session';
import { SessionBar, SignIn } from './SignIn';
import './staff.css';

const SECTIONS = [
  { href: '/staff', key: 'nav.queue' },
  { href: '/staff/reviews', key: 'nav.reviews' },
  { href: '/staff/reconciliations', key: 'nav.reconciliations' },
] as const;

function section(path: string): string {
  if (path.startsWith('/staff/reviews')) return '/staff/reviews';
  if (path.startsWith('/staff/reconciliations')) return '/staff/reconciliations';
  return '/staff';
}

export default function StaffPage() {
  const { t } = useStaffT();
  const session = useSession();
  const path = usePath();
  useFocusHeadingOnChange(`${path}:${session?.id ?? ''}`);
  if (!session) return <SignIn audience="staff" />;
  let view;
  const claim = /^\/staff\/claims\/([^/]+)$/.exec(path);
  const day = /^\/staff\/reconciliations\/(\d{4}-\d{2}-\d{2})$/.exec(path);
  if (session.role === 'auditor') {
    view = (
      <>
        <h1 tabIndex={-1}>{t('nav.title')}</h1>
        <p class="alert warn">
          {t('session.auditorHere')} <Link href="/auditor">{t('session.toAuditor')}</Link>
        </p>
      </>
    );
  } else if (claim) view = <ClaimPage session={session} claimNumber={decodeURIComponent(claim[1]!)} />;
  else if (path === '/staff/reviews') view = <Reviews session={session} />;
  else if (path === '/staff/reconciliations') view = <Reconciliations session={session} />;
  else if (day) view = <ReconciliationDayPage session={session} date={day[1]!} />;
  else if (path === '/staff') view = <Queue session={session} />;
  else view = <h1 tabIndex={-1}>{t('nav.notFound')}</h1>;
  const current = section(path);
  return (
    <div class="staff">
      <SessionBar session={session} />
      {session.role !== 'auditor' && (
        <nav aria-label={t('nav.label')} class="staff-nav">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.href}>
                <Link href={s.href} {...(current === s.href ? { 'aria-current': 'page' } : {})}>
                  {t(s.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {view}
    </div>
  );
}
