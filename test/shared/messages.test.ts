import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DRIFT_CODES, ERROR_CODES, PENDING_CODES } from '../../src/core/driftCodes';
import { CATALOGUES, formatNumber, languageOf, type MessageKey, messages } from '../../src/shared/messages';
import type { Message } from '../../src/shared/messages/catalogue';
import { localizeSidebarHtml } from '../../src/shared/sidebarPage';

const placeholders = (message: Message): string[] => {
  const texts = typeof message === 'string' ? [message] : [message.one, message.other];
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
};

describe('the message catalogue', () => {
  const keys = (language: 'en' | 'es') => Object.keys(CATALOGUES[language]).sort();

  it('has every key in both languages, with the same placeholders and plural forms', () => {
    expect(keys('es')).toEqual(keys('en'));
    for (const key of keys('en') as MessageKey[]) {
      const [en, es] = [CATALOGUES.en[key], CATALOGUES.es[key]];
      expect({ key, placeholders: placeholders(es) }).toEqual({ key, placeholders: placeholders(en) });
      expect({ key, plural: typeof es }).toEqual({ key, plural: typeof en });
      for (const text of typeof es === 'string' ? [es] : [es.one, es.other]) expect(text.trim()).not.toBe('');
    }
  });

  it('fails on a key missing in one language (the check above, applied to a damaged copy)', () => {
    const { 'action.extend': _dropped, ...damaged } = CATALOGUES.es;
    expect(Object.keys(damaged).sort()).not.toEqual(keys('en'));
  });

  it('names every finding code the check ranks, and every text of the sidebar page', () => {
    for (const code of [...ERROR_CODES, ...DRIFT_CODES, ...PENDING_CODES, 'UNKNOWN_COLUMNS'])
      expect(CATALOGUES.en).toHaveProperty([`finding.${code}`]);
    const html = readFileSync(join(__dirname, '../../src/client/sidebar.html'), 'utf8');
    const used = [...html.matchAll(/data-msg="([\w.]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(20);
    for (const key of used) expect(CATALOGUES.en).toHaveProperty([key]);
  });
});

describe('language, numbers and durations', () => {
  it('takes Spanish for every es* locale and English otherwise', () => {
    expect(['es', 'es_ES', 'es-419', 'ES_mx'].map(languageOf)).toEqual(['es', 'es', 'es', 'es']);
    expect(['en', 'en_US', 'fr_FR', 'est', '', undefined].map(languageOf)).toEqual([
      'en',
      'en',
      'en',
      'en',
      'en',
      'en',
    ]);
  });

  it('formats numbers the Spanish and the English way', () => {
    expect(formatNumber(2400, 'es')).toBe('2.400');
    expect(formatNumber(1.315, 'es')).toBe('1,315');
    expect(formatNumber(12023, 'en')).toBe('12,023');
    expect(formatNumber(1234567.5, 'en', 1)).toBe('1,234,567.5');
    expect(formatNumber(-1200, 'es')).toBe('-1.200');
    expect(formatNumber(999, 'es')).toBe('999');
  });

  it('fills placeholders, picks the plural form and says "< 1 s" under a second', () => {
    const es = messages('es');
    expect(es.t('table.rows', { n: 1 })).toBe('1 fila');
    expect(es.t('table.rows', { n: 2400 })).toBe('2.400 filas');
    expect(es.duration(400)).toBe('< 1 s');
    expect(es.duration(1250)).toBe('1,3 s');
    expect(messages('en').duration(1250)).toBe('1.3 s');
  });
});

describe('the sidebar page', () => {
  it('carries the language and the time zone on <html>', () => {
    const page = localizeSidebarHtml('<!DOCTYPE html>\n<html lang="en">\n<head>', {
      language: 'es',
      timeZone: 'America/Mexico_City',
    });
    expect(page).toContain('<html lang="es" data-time-zone="America/Mexico_City">');
    expect(localizeSidebarHtml('<html lang="en">', { language: 'en', timeZone: '"><script>' })).toBe(
      '<html lang="en" data-time-zone="script">',
    );
  });
});
