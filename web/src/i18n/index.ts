// The page's languages: Bahasa Indonesia by default, English on request. i18next holds the texts; useT() re-renders a
// component when the language changes. The choice lives in the tab's sessionStorage (nothing about the family's
// claim is stored with it). Status texts are not here: they come from vocabulary/status.ts (see ./status.ts).
import i18next, { type TOptions } from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import { en } from './en';
import { id } from './id';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'santunan.language';

function storedLanguage(): Language {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'id';
  } catch {
    return 'id';
  }
}

void i18next.init({
  lng: storedLanguage(),
  fallbackLng: 'id',
  supportedLngs: [...LANGUAGES],
  resources: { id: { translation: id }, en: { translation: en } },
  // Preact escapes text itself.
  interpolation: { escapeValue: false },
  initAsync: false,
});
document.documentElement.lang = i18next.language;

export function language(): Language {
  return i18next.language as Language;
}

export async function setLanguage(lang: Language): Promise<void> {
  try {
    sessionStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage refused (private mode): the choice lasts until the page is reloaded
  }
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** A text by key, with values to put in it (`{{name}}`). */
export type Translate = (key: string, values?: TOptions) => string;

const translate: Translate = (key, values) => i18next.t(key, values ?? {});

/** The translation function, re-rendering the caller when the language changes. */
export function useT(): { t: Translate; lang: Language } {
  const [, rerender] = useState(0);
  useEffect(() => {
    const changed = () => rerender((n) => n + 1);
    i18next.on('languageChanged', changed);
    return () => i18next.off('languageChanged', changed);
  }, []);
  return { t: translate, lang: language() };
}
