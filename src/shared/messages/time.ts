/**
 * Dates and times in the spreadsheet's time zone (never UTC), e.g. "1 dic 2026, 20:44" /
 * "1 Dec 2026, 20:44". Used by the sidebar (browser Intl); text that is not an ISO time is kept.
 */
import type { Language } from './catalogue';

const LOCALES: Readonly<Record<Language, string>> = { es: 'es-ES', en: 'en-GB' };

export function formatDateTime(iso: string, language: Language, timeZone: string): string {
  const time = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(time)) return iso;
  const options: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  try {
    return new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone }).format(time);
  } catch {
    // An unknown zone name: the operator's own clock is the next best thing.
    return new Intl.DateTimeFormat(LOCALES[language], options).format(time);
  }
}
