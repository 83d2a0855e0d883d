// Claim number and tracking code. Both are upper-cased and stripped of spaces as typed from the paper slip.
import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import { Field } from '../shell/Field';
import { refusalText } from './refusal';
import type { Credentials, Refusal } from './track';

const clean = (v: string) => v.replace(/\s+/g, '').toUpperCase();

export function SignIn(props: {
  initial?: Credentials;
  busy: boolean;
  refusal?: Refusal;
  onSubmit(c: Credentials): void;
}) {
  const { t } = useT();
  const [claimNumber, setClaimNumber] = useState(props.initial?.claimNumber ?? '');
  const [trackingCode, setTrackingCode] = useState('');
  const [tried, setTried] = useState(false);
  const missing = (v: string) => (tried && !v ? t('family.required') : undefined);
  return (
    <form
      class="card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (claimNumber && trackingCode) props.onSubmit({ claimNumber, trackingCode });
      }}
    >
      <p>{t('family.intro')}</p>
      <Field
        id="claim-number"
        label={t('family.claimNumber')}
        hint={t('family.claimNumberHint')}
        error={missing(claimNumber)}
        value={claimNumber}
        autocomplete="off"
        autocapitalize="characters"
        spellcheck={false}
        required
        onInput={(e) => setClaimNumber(clean(e.currentTarget.value))}
      />
      <Field
        id="tracking-code"
        label={t('family.trackingCode')}
        hint={t('family.trackingCodeHint')}
        error={missing(trackingCode)}
        value={trackingCode}
        autocomplete="off"
        autocapitalize="characters"
        spellcheck={false}
        required
        onInput={(e) => setTrackingCode(clean(e.currentTarget.value))}
      />
      {props.refusal && (
        <p class="alert bad" role="alert">
          {refusalText(t, props.refusal)}
        </p>
      )}
      <button class="primary" type="submit" disabled={props.busy}>
        {props.busy ? t('family.checking') : t('family.show')}
      </button>
    </form>
  );
}
