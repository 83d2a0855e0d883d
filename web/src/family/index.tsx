// The family's page: claim number and tracking code in, the claim in plain words out, and the two things a family
// sends (a new bank account, a proof of enrolment); an accident case (JKK, the worker lives) in its own view. The code stays in this tab (session.ts) and in a header.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n';
import { AccidentView } from './AccidentView';
import { ClaimView } from './ClaimView';
import { saveCredentials, savedCredentials } from './session';
import { SignIn } from './SignIn';
import { isAccident, trackClaim, type Credentials, type Refusal, type Tracked } from './track';

export default function FamilyPage() {
  const { t } = useT();
  const [credentials, setCredentials] = useState<Credentials | undefined>(savedCredentials);
  const [claim, setClaim] = useState<Tracked>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Date>();
  const heading = useRef<HTMLHeadingElement>(null);

  async function load(c: Credentials, focus: boolean) {
    setBusy(true);
    const outcome = await trackClaim(c);
    setBusy(false);
    if (outcome.ok) {
      setClaim(outcome.value);
      setRefusal(undefined);
      setUpdatedAt(new Date());
      setCredentials(c);
      saveCredentials(c);
      if (focus) requestAnimationFrame(() => heading.current?.focus());
    } else {
      setRefusal(outcome.refusal);
      // A code that no longer opens the claim (reissued) is forgotten.
      if (outcome.refusal.kind === 'notFound') {
        setClaim(undefined);
        saveCredentials(undefined);
      }
    }
  }

  useEffect(() => {
    if (credentials && !claim) void load(credentials, false);
  }, []);

  function signOut() {
    saveCredentials(undefined);
    setCredentials(undefined);
    setClaim(undefined);
    setRefusal(undefined);
  }

  return (
    <>
      <h1>{t('family.title')}</h1>
      {!claim ? (
        <SignIn initial={credentials} busy={busy} refusal={refusal} onSubmit={(c) => void load(c, true)} />
      ) : isAccident(claim) ? (
        <AccidentView
          accident={claim}
          heading={heading}
          busy={busy}
          refusal={refusal}
          updatedAt={updatedAt}
          onRefresh={() => void load(credentials!, false)}
          onSignOut={signOut}
        />
      ) : (
        <ClaimView
          claim={claim}
          credentials={credentials!}
          heading={heading}
          busy={busy}
          refusal={refusal}
          updatedAt={updatedAt}
          onRefresh={() => void load(credentials!, false)}
          onSignOut={signOut}
        />
      )}
    </>
  );
}
