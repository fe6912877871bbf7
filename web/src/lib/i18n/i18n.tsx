// Language state for the whole app: Bahasa Indonesia by default, English on request. The choice persists in
// localStorage and is mirrored on <html lang> so screen readers pronounce the page correctly.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Lang, type MessageKey, dictionaries } from './dictionary';

export type { Lang, MessageKey } from './dictionary';

/** A bilingual value as the API sends it. */
export interface Text {
  id: string;
  en: string;
}

const STORAGE_KEY = 'pamong.lang';

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'id' || saved === 'en') return saved;
  } catch {
    // Storage blocked (private mode): fall back to the default.
  }
  return 'id';
}

export type Vars = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[lang][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Picks the current language from an API value that is either bilingual or a plain string. */
export function pickText(value: unknown, lang: Lang): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Partial<Record<Lang, unknown>>;
    const s = v[lang] ?? v.id ?? v.en;
    if (typeof s === 'string') return s;
  }
  return '';
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Vars): string;
  pick(value: unknown): string;
}

const I18nContext = createContext<I18n | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the switch still applies to this visit.
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      pick: (v) => pickText(v, lang),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside LanguageProvider');
  return ctx;
}
