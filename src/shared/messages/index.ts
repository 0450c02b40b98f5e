/**
 * The message catalogue, shared by the server (menu, dialogs, toasts, history) and the sidebar.
 * `messages(language)` gives a translator; numbers are formatted here (not with toLocaleString,
 * whose Spanish output leaves 4-digit numbers ungrouped and which Apps Script V8 may not localise).
 */
import type { Catalogue, Language, MessageKey } from './catalogue';
import { en } from './en';
import { es } from './es';

export type { Catalogue, Language, MessageKey } from './catalogue';

export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { en, es };

/** `Session.getActiveUserLocale()` ("es", "es_ES", "es-419"…) → Spanish; anything else → English. */
export function languageOf(locale: string | null | undefined): Language {
  return /^es(?:$|[-_])/i.test(String(locale ?? '').trim()) ? 'es' : 'en';
}

export type Params = Readonly<Record<string, string | number>>;

export interface Translator {
  readonly language: Language;
  /** The message with {placeholders} filled; a number parameter is formatted for the language. */
  t(key: MessageKey, params?: Params): string;
  /** A number in the language's format: 2.400 and 1,315 in Spanish; 2,400 and 1.315 in English. */
  n(value: number, decimals?: number): string;
  /** Seconds, "< 1 s" under one second. */
  duration(ms: number): string;
}

export function formatNumber(value: number, language: Language, decimals?: number): string {
  if (!Number.isFinite(value)) return String(value);
  const [group, point] = language === 'es' ? ['.', ','] : [',', '.'];
  const fixed =
    decimals === undefined ? String(Math.round(Math.abs(value) * 1000) / 1000) : Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : point + fraction}`;
}

export function messages(language: Language): Translator {
  const catalogue = CATALOGUES[language];
  const n = (value: number, decimals?: number) => formatNumber(value, language, decimals);
  const t = (key: MessageKey, params: Params = {}): string => {
    const message = catalogue[key];
    const text = typeof message === 'string' ? message : params.n === 1 ? message.one : message.other;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? n(value) : value;
    });
  };
  const duration = (ms: number) =>
    ms < 1000 ? t('duration.underSecond') : t('duration.seconds', { s: n(Math.round(ms / 100) / 10) });
  return { language, t, n, duration };
}
