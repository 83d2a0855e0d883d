// A new bank account, for a claim or a scholarship the bank refused: checked here as the API checks it, sent with
// the tracking code, and then waiting for a second staff member's review (the page shows that status after).
import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import { Field } from '../shell/Field';
import { refusalText } from './refusal';
import type { BankAccount, Outcome, Refusal } from './track';

const BANK_CODE = /^[A-Z0-9]{3,10}$/;
const ACCOUNT_NUMBER = /^\d{6,20}$/;

export function AccountForm(props: {
  idPrefix: string;
  onSend(account: BankAccount): Promise<Outcome<unknown>>;
  onSent(): void;
}) {
  const { t } = useT();
  const [account, setAccount] = useState<BankAccount>({ bankCode: '', accountNumber: '', accountName: '' });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const wrong = {
    bankCode:
      !BANK_CODE.test(account.bankCode) ||
      (refusal?.kind === 'invalid' && refusal.fields.includes('bankCode')),
    accountNumber:
      !ACCOUNT_NUMBER.test(account.accountNumber) ||
      (refusal?.kind === 'invalid' && refusal.fields.includes('accountNumber')),
    accountName: !account.accountName.trim(),
  };
  const error = (field: keyof BankAccount, hint: string) =>
    tried && wrong[field] ? (account[field] ? hint : t('family.required')) : undefined;
  const id = (f: string) => `${props.idPrefix}-${f}`;
  return (
    <form
      noValidate
      aria-labelledby={id('title')}
      onSubmit={async (e) => {
        e.preventDefault();
        setTried(true);
        setRefusal(undefined);
        if (wrong.bankCode || wrong.accountNumber || wrong.accountName) return;
        setBusy(true);
        const outcome = await props.onSend({ ...account, accountName: account.accountName.trim() });
        setBusy(false);
        if (outcome.ok) props.onSent();
        else setRefusal(outcome.refusal);
      }}
    >
      <h3 id={id('title')}>{t('family.accountForm')}</h3>
      <p>{t('family.accountFormIntro')}</p>
      <Field
        id={id('bank-code')}
        label={t('family.bankCode')}
        hint={t('family.bankCodeHint')}
        error={error('bankCode', t('family.bankCodeHint'))}
        value={account.bankCode}
        autocomplete="off"
        autocapitalize="characters"
        onInput={(e) => setAccount({ ...account, bankCode: e.currentTarget.value.trim().toUpperCase() })}
      />
      <Field
        id={id('number')}
        label={t('family.accountNumber')}
        hint={t('family.accountNumberHint')}
        error={error('accountNumber', t('family.accountNumberHint'))}
        value={account.accountNumber}
        inputMode="numeric"
        autocomplete="off"
        onInput={(e) => setAccount({ ...account, accountNumber: e.currentTarget.value.replace(/\D/g, '') })}
      />
      <Field
        id={id('name')}
        label={t('family.accountName')}
        error={error('accountName', t('family.required'))}
        value={account.accountName}
        autocomplete="name"
        onInput={(e) => setAccount({ ...account, accountName: e.currentTarget.value })}
      />
      {refusal && (
        <p class="alert bad" role="alert">
          {refusalText(t, refusal)}
        </p>
      )}
      <button class="primary" type="submit" disabled={busy}>
        {busy ? t('family.sending') : t('family.sendAccount')}
      </button>
    </form>
  );
}
