// Sign-in in development: paste a token from `npm run token`. The token stays in this tab's sessionStorage; the page
// shows the role it names, and the API decides every request. Production signs in through the identity provider
// (README, "Signing in"): its access token is used the same way.
import { useState } from 'preact/hooks';
import { readToken, signIn, signOut, type Session, type TokenProblem } from './session';
import { useStaffT } from './i18n';
import { moment } from './format';

export function SignIn({ audience }: { audience: 'staff' | 'auditor' }) {
  const { t } = useStaffT();
  const [problem, setProblem] = useState<TokenProblem | undefined>();
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const token = (form.elements.namedItem('token') as HTMLTextAreaElement).value;
    const read = readToken(token);
    if (typeof read === 'string') return setProblem(read);
    setProblem(undefined);
    signIn(read);
  };
  return (
    <section aria-labelledby="sign-in-title">
      <h1 id="sign-in-title" tabIndex={-1}>
        {t(audience === 'staff' ? 'signIn.titleStaff' : 'signIn.titleAuditor')}
      </h1>
      <p>{t('signIn.intro')}</p>
      <form class="card" onSubmit={submit} noValidate>
        <label for="staff-token">
          {t('signIn.token')}
          <span class="hint" id="staff-token-hint">
            {t('signIn.tokenHint')}{' '}
            <code>
              npm run token -- --role {audience === 'staff' ? 'officer' : 'auditor'} --sub{' '}
              {audience === 'staff' ? 'officer-1' : 'auditor-1'}
            </code>
          </span>
        </label>
        <textarea
          id="staff-token"
          name="token"
          rows={4}
          required
          autocomplete="off"
          spellcheck={false}
          aria-describedby={problem ? 'staff-token-hint staff-token-error' : 'staff-token-hint'}
          aria-invalid={problem ? 'true' : undefined}
        />
        {problem && (
          <p id="staff-token-error" class="alert bad" role="alert">
            {t(`signIn.problem.${problem}`)}
          </p>
        )}
        <p class="hint">{t('signIn.storage')}</p>
        <button type="submit" class="primary">
          {t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}

/** Who is signed in (from the token's claims), until when, and the way out. */
export function SessionBar({ session }: { session: Session }) {
  const { t } = useStaffT();
  return (
    <div class="session-bar">
      <p>
        {t('session.signedInAs')} <strong data-testid="staff-id">{session.id}</strong> (
        <span data-testid="staff-role">{t(`roles.${session.role}`)}</span>) ·{' '}
        {t('session.until', { when: moment(new Date(session.expires * 1000).toISOString()) })}
      </p>
      <button type="button" class="secondary" onClick={signOut}>
        {t('session.signOut')}
      </button>
    </div>
  );
}
