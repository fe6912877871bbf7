// Two toggle buttons (ID / EN); the choice persists and sets <html lang>.
import { type Lang, useI18n } from '../lib/i18n/i18n';

const OPTIONS: { lang: Lang; short: string; name: string }[] = [
  { lang: 'id', short: 'ID', name: 'Bahasa Indonesia' },
  { lang: 'en', short: 'EN', name: 'English' },
];

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <fieldset className="lang-switch">
      <legend className="sr-only">{t('lang.switch')}</legend>
      {OPTIONS.map((o) => (
        <button
          key={o.lang}
          type="button"
          lang={o.lang}
          aria-pressed={lang === o.lang}
          onClick={() => setLang(o.lang)}
          data-lang={o.lang}
        >
          <span aria-hidden="true">{o.short}</span>
          <span className="sr-only">{o.name}</span>
        </button>
      ))}
    </fieldset>
  );
}
