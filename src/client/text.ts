/**
 * The sidebar's translator: the language and the spreadsheet's time zone come from the page
 * (`<html lang data-time-zone>`, written by showSidebar); the catalogue is src/shared/messages and
 * the translator with times is the one the menu dialogs use (src/shared/wording/localText.ts).
 */
import type { Language } from '../shared/messages';
import { type LocalText, localText } from '../shared/wording/localText';

export type Text = LocalText;
export const textFor = localText;

/** `root`: the page's <html> element. */
export function pageText(root: { readonly lang: string; readonly dataset: { readonly timeZone?: string } }): Text {
  const language: Language = root.lang === 'es' ? 'es' : 'en';
  return textFor(language, root.dataset.timeZone ?? 'UTC');
}
