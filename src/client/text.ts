/**
 * The sidebar's translator: the language and the spreadsheet's time zone come from the page
 * (`<html lang data-time-zone>`, written by showSidebar); the catalogue is src/shared/messages.
 */
import { type Language, messages, type Translator } from '../shared/messages';
import { formatDateTime } from '../shared/messages/time';

export interface Text extends Translator {
  /** An ISO time in the spreadsheet's time zone, e.g. "1 dic 2026, 20:44" (no "UTC"). */
  time(iso: string): string;
}

export function textFor(language: Language, timeZone: string): Text {
  return { ...messages(language), time: (iso) => formatDateTime(iso, language, timeZone) };
}

/** `root`: the page's <html> element. */
export function pageText(root: { readonly lang: string; readonly dataset: { readonly timeZone?: string } }): Text {
  const language: Language = root.lang === 'es' ? 'es' : 'en';
  return textFor(language, root.dataset.timeZone ?? 'UTC');
}
