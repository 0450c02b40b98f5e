/**
 * A translator that also writes times: the catalogue in one language plus the spreadsheet's time
 * zone. The sidebar's Text has this shape; the menu dialogs build one with `localText`.
 */
import { type Language, messages, type Translator } from '../messages';
import { formatDateTime } from '../messages/time';

export interface LocalText extends Translator {
  /** An ISO time in the spreadsheet's time zone, e.g. "1 dic 2026, 20:44" (no "UTC"). */
  time(iso: string): string;
}

export function localText(language: Language, timeZone: string): LocalText {
  return { ...messages(language), time: (iso) => formatDateTime(iso, language, timeZone) };
}
