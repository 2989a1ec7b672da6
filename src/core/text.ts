/**
 * Bilingual user-facing text. Library code returns `Text` values; only the CLI decides which language to print,
 * so the library stays usable from other programs in either language.
 */
export type Lang = 'zh' | 'en';

export interface Text {
  zh: string;
  en: string;
}

let current: Lang = 'zh';

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** Pick the text in the current (or given) language. */
export function tr(text: Text, lang: Lang = current): string {
  return lang === 'en' ? text.en : text.zh;
}

/** Shorthand for building a Text value. */
export function txt(zh: string, en: string): Text {
  return { zh, en };
}
