/**
 * Texts the add-on writes into the sheet itself — validation help texts, header notes, protection
 * descriptions — which people read in the cell popup, the header note and the protected-ranges
 * list. A declaration gives them in every supported language; the apply writes them in the
 * language of the operator who applies (as history headers), and every comparison accepts the
 * text in ANY supported language as in place, so two operators in different languages never
 * rewrite each other's correct text (no NOTE_CHANGED / VALIDATION_CHANGED flip-flop).
 */
import type { Language } from '../shared/messages/catalogue';

/** Every language a sheet text is declared in (the catalogue's languages). */
export const SHEET_TEXT_LANGUAGES: readonly Language[] = ['en', 'es'];

/** One text per language; a plain string is the same text in every language (tests, fixtures). */
export type SheetText = string | Readonly<Record<Language, string>>;

export function textIn(text: SheetText, language: Language): string {
  return typeof text === 'string' ? text : text[language];
}
