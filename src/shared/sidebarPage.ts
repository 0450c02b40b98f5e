/**
 * The sidebar learns its language and the spreadsheet's time zone from its own page: the server
 * (showSidebar) and the playground write them into `<html lang data-time-zone>` before serving it,
 * so the first paint is already in the operator's language and no extra call is needed.
 */
import type { Language } from './messages';

export interface SidebarLocale {
  readonly language: Language;
  readonly timeZone: string;
}

const HTML_TAG = /<html\b[^>]*>/i;

export function localizeSidebarHtml(html: string, locale: SidebarLocale): string {
  if (!HTML_TAG.test(html)) throw new Error('The sidebar page has no <html> tag');
  const zone = locale.timeZone.replace(/[^A-Za-z0-9_+\-/]/g, '');
  return html.replace(HTML_TAG, `<html lang="${locale.language}" data-time-zone="${zone}">`);
}
