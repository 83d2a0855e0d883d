// The frame around every page: skip link, header with the language switch, the page in <main>, nothing else.
import type { ComponentChildren } from 'preact';
import { LANGUAGES, setLanguage, useT } from '../i18n';

const LANGUAGE_NAMES = { id: 'Bahasa Indonesia', en: 'English' } as const;

export function Shell({ children }: { children: ComponentChildren }) {
  const { t, lang } = useT();
  return (
    <>
      <a class="skip" href="#main">
        {t('shell.skip')}
      </a>
      <header class="top">
        <div class="brand">
          <span class="brand-name">{t('shell.brand')}</span>
          <span class="brand-agency">{t('shell.agency')}</span>
        </div>
        <nav aria-label={t('shell.language')} class="languages">
          {LANGUAGES.map((l) => (
            <button
              type="button"
              lang={l}
              aria-pressed={l === lang}
              onClick={() => void setLanguage(l)}
              key={l}
            >
              {LANGUAGE_NAMES[l]}
            </button>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
