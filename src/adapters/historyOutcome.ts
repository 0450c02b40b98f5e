/**
 * The Outcome column of `_schema_history`, written in the language of the sheet's header (the
 * language the sheet was created in) and read in either, so a sheet keeps working whoever opens
 * it. Entries carry the outcome as a code ('applied', 'rolled-back', 'incomplete', 'header restored') and the
 * platform's cause apart; a cell in neither language is kept as written.
 */
import type { HistoryEntry, HistoryOutcome } from '../shared/payloads';
import type { HistoryLanguage } from './historyHeader';

const WORDS: Readonly<Record<HistoryLanguage, Readonly<Record<HistoryOutcome, string>>>> = {
  en: {
    applied: 'applied',
    'rolled-back': 'failed, rolled back',
    incomplete: 'failed, incomplete',
    'header restored': 'header restored',
  },
  es: {
    applied: 'aplicada',
    'rolled-back': 'falló, deshecha',
    incomplete: 'falló, incompleta',
    'header restored': 'encabezado restaurado',
  },
};

const isOutcome = (outcome: string): outcome is HistoryOutcome => outcome in WORDS.en;

export function outcomeCell(entry: Pick<HistoryEntry, 'outcome' | 'cause'>, language: HistoryLanguage): string {
  const word = isOutcome(entry.outcome) ? WORDS[language][entry.outcome] : entry.outcome;
  return entry.cause === undefined || entry.cause === '' ? word : `${word}: ${entry.cause}`;
}

/** An Outcome cell written in either language → its code and cause. */
export function readOutcome(cell: string): Pick<HistoryEntry, 'outcome' | 'cause'> {
  for (const words of Object.values(WORDS)) {
    for (const [outcome, word] of Object.entries(words)) {
      if (cell === word) return { outcome };
      if (cell.startsWith(`${word}: `)) return { outcome, cause: cell.slice(word.length + 2) };
    }
  }
  return { outcome: cell };
}
