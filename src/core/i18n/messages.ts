// Bilingual text: Bahasa Indonesia first, English second, for every user-facing string.
export type Lang = 'id' | 'en';
export interface Text {
  id: string;
  en: string;
}

export const text = (id: string, en: string): Text => ({ id, en });

/** ?lang=en or an Accept-Language that prefers English selects English; Bahasa Indonesia otherwise. */
export function pickLang(query: unknown, acceptLanguage: string | undefined): Lang {
  const q = (query as { lang?: unknown } | undefined)?.lang;
  if (q === 'en' || q === 'id') return q;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}
