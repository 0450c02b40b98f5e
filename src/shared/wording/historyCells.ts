/**
 * The texts an apply writes into `_schema_history`'s Description and "Columns added" cells, in
 * the history sheet's language (as its headers and outcomes: src/adapters/historyOutcome.ts).
 * Nothing reads these cells back as data (history.ts keeps them as text), so a sheet holding
 * either language, or both, keeps working; a new row only follows the sheet's header.
 */
import { columnLetter, columnSpan } from '../../core/columnLetters';
import { type SheetText, textIn } from '../../core/sheetText';
import { type Language, type MessageKey, messages, type Translator } from '../messages';
import type { PlannedBlankFill, PlannedRuleChange, PlannedTag } from '../payloads';

const KIND_KEYS: Readonly<Record<PlannedRuleChange['kind'], MessageKey>> = {
  validation: 'historyCell.kind.validation',
  note: 'historyCell.kind.note',
  protection: 'historyCell.kind.protection',
  numberFormat: 'historyCell.kind.numberFormat',
};

/** The wording of one history sheet's cells. */
export interface HistoryCells {
  readonly language: Language;
  /** A migration's description, declared in every language. */
  description(text: SheetText): string;
  /** "filled 12 blank cells in BP (Total_Uniones)". */
  filled(fill: Pick<PlannedBlankFill, 'cells' | 'letter' | 'header'>): string;
  /** "tagged existing A (TAG_SPOOL)". */
  tagged(tag: Pick<PlannedTag, 'letter' | 'identity'>): string;
  /** "set validation, note, protection on BP–BT" ("restored …" when any rule was put back); none for no rules. */
  ruleChanges(rules: readonly PlannedRuleChange[]): string[];
  /** "completes the apply stopped at 2026-11-21T08:00:00.000Z" (the journal's ISO time, sortable as written). */
  completes(startedAt: string): string;
  /** A restored header's description. */
  headerRestored(identity: string): string;
}

export function historyCells(language: Language): HistoryCells {
  const x = messages(language);
  return {
    language,
    description: (text) => textIn(text, language),
    filled: (fill) => x.t('historyCell.filled', { n: fill.cells, letter: fill.letter, header: fill.header }),
    tagged: (tag) => x.t('historyCell.tagged', { letter: tag.letter, identity: tag.identity }),
    ruleChanges: (rules) => ruleChanges(x, rules),
    completes: (startedAt) => x.t('historyCell.completes', { time: startedAt }),
    headerRestored: (identity) => x.t('historyCell.headerRestored', { identity }),
  };
}

function ruleChanges(x: Translator, rules: readonly PlannedRuleChange[]): string[] {
  if (rules.length === 0) return [];
  const kinds = [...new Set(rules.map((r) => x.t(KIND_KEYS[r.kind])))].join(', ');
  const indexes = [...new Set(rules.map((r) => r.index))].sort((a, b) => a - b);
  const contiguous = indexes[indexes.length - 1] - indexes[0] + 1 === indexes.length;
  const letters = contiguous ? columnSpan(indexes[0], indexes.length) : indexes.map(columnLetter).join(' ');
  const key = rules.some((r) => r.reason !== 'new') ? 'historyCell.rulesRestored' : 'historyCell.rulesSet';
  return [x.t(key, { kinds, letters })];
}
