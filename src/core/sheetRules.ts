/**
 * What Sheet Schema keeps in the sheet besides headers and values: each declared column's data
 * validation, the warning-only protection of computed columns, the header note, and the number
 * format. Pure: compares the declaration with what the adapter read (a constant number of calls:
 * the header row's notes, one data row's rules and formats, the last grid row's rules, the
 * add-on's own protections) and lists the changes an apply makes — none when everything is in
 * place, so a second apply adds nothing. Texts are written in the operator's language and
 * accepted in any supported one (src/core/sheetText.ts).
 */

import type { Language } from '../shared/messages/catalogue';
import type { Finding, PlannedColumn, PlannedRuleChange, RuleSpec } from '../shared/payloads';
import { a1, columnLetter } from './columnLetters';
import { type ColumnSpec, type ColumnValidation, numberFormatOf } from './schema';
import { SHEET_TEXT_LANGUAGES, textIn } from './sheetText';

/** The add-on's own protection descriptions, per language; the prefix is how it finds them again. */
const PROTECTION_WORDS: Readonly<Record<Language, { readonly prefix: string; readonly rest: string }>> = {
  en: {
    prefix: 'Sheet Schema: computed column',
    rest: 'filled by the add-on. Edits are allowed after a warning, but the next recompute overwrites them.',
  },
  es: {
    prefix: 'Sheet Schema: columna calculada',
    rest: 'la rellena el complemento. Se puede editar tras un aviso, pero el próximo recálculo sobrescribe lo editado.',
  },
};

/** What the adapter read for one managed column already in the sheet. */
export interface ColumnRulesState {
  readonly index: number;
  /** Rule of the first data cell (null: none, or no data row in the grid). */
  readonly validation: RuleSpec | null;
  /**
   * Rule of the grid's last row when that is not the first data row (else null). The apply sets
   * the rule down to the grid's last row; rows the grid grew by later (appendRow past the end,
   * "Add more rows", insertRowsAfter the last row) may carry none, and this one cell shows it.
   */
  readonly lastRow: { readonly row: number; readonly validation: RuleSpec | null } | null;
  /** Number format of the first data cell (null: no data row in the grid). */
  readonly numberFormat: string | null;
  readonly note: string;
  /** An add-on protection (found by its description) covers the column. */
  readonly protected: boolean;
}

export interface SheetRulesState {
  readonly columns: readonly ColumnRulesState[];
  /** Rules over the data rows of the managed span, read only when the plan has blanks to fill. */
  readonly fillRules: {
    readonly firstRow: number;
    readonly firstColumn: number;
    readonly rules: ReadonlyArray<ReadonlyArray<RuleSpec | null>>;
  } | null;
}

export interface LocatedColumn {
  readonly migrationId: string;
  readonly spec: ColumnSpec;
  readonly index: number;
  readonly isNew: boolean;
}

export function protectionDescription(header: string, language: Language = 'en'): string {
  const { prefix, rest } = PROTECTION_WORDS[language];
  return `${prefix} "${header}": ${rest}`;
}

/** Whether a protection is the add-on's own, in whichever language it was written. */
export function isSheetSchemaProtection(description: string): boolean {
  return SHEET_TEXT_LANGUAGES.some((l) => description.startsWith(PROTECTION_WORDS[l].prefix));
}

export function isOwnProtection(description: string, header: string): boolean {
  return SHEET_TEXT_LANGUAGES.some((l) => description.startsWith(`${PROTECTION_WORDS[l].prefix} "${header}"`));
}

/**
 * The rule Sheets gets for a declared validation. Whole numbers have no built-in criterion: a
 * custom formula relative to the first data cell, free of argument separators so it parses under
 * every spreadsheet locale (`,` in en_US, `;` in es_ES); INT(ABS(x))=x is also false for negatives.
 * The help text is in `language` (the applying operator's).
 */
export function ruleFor(
  validation: ColumnValidation,
  index: number,
  firstDataRow: number,
  language: Language = 'en',
): RuleSpec {
  const base = { allowInvalid: validation.mode === 'warn', helpText: textIn(validation.helpText, language) };
  switch (validation.kind) {
    case 'wholeNumber': {
      const cell = `${columnLetter(index)}${firstDataRow}`;
      return { ...base, criteria: 'CUSTOM_FORMULA', args: [`=INT(ABS(${cell}))=${cell}`] };
    }
    case 'decimal':
      return { ...base, criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', args: [0] };
    case 'list':
      return { ...base, criteria: 'VALUE_IN_LIST', args: [[...(validation.values ?? [])], true] };
  }
}

/** Whether a rule read from the sheet is the declared one, its help text in any supported language. */
export function isDeclaredRule(
  actual: RuleSpec | null,
  validation: ColumnValidation,
  at: { readonly index: number; readonly firstDataRow: number },
): boolean {
  return SHEET_TEXT_LANGUAGES.some((l) => sameRule(actual, ruleFor(validation, at.index, at.firstDataRow, l)));
}

export function noteFor(spec: ColumnSpec, language: Language = 'en'): string {
  return [spec.note, spec.computed?.source]
    .flatMap((text) => (text === undefined ? [] : [textIn(text, language)]))
    .filter((s) => s !== '')
    .join('\n');
}

/** Whether a header note is the declared one in any supported language. */
export function isDeclaredNote(note: string, spec: ColumnSpec): boolean {
  return SHEET_TEXT_LANGUAGES.some((l) => noteFor(spec, l) === note);
}

const ruleKey = (r: RuleSpec | null): string =>
  r === null ? 'none' : JSON.stringify([r.criteria, r.args, r.allowInvalid, r.helpText]);

const sameRule = (a: RuleSpec | null, b: RuleSpec | null): boolean => ruleKey(a) === ruleKey(b);

/** The rule changes of one sheet: everything for new columns, only what differs for existing ones. */
export function ruleChanges(
  columns: readonly LocatedColumn[],
  state: SheetRulesState | null,
  grid: { readonly headerRow: number; readonly gridRows: number; readonly language?: Language },
): PlannedRuleChange[] {
  const hasDataRows = grid.gridRows > grid.headerRow;
  const language = grid.language ?? 'en';
  return columns.flatMap(({ migrationId, spec, index, isNew }) => {
    const current = isNew ? null : (state?.columns.find((c) => c.index === index) ?? null);
    if (!isNew && current === null) return [];
    const where = { migrationId, index, letter: columnLetter(index), header: spec.name };
    const changes: PlannedRuleChange[] = [];
    const validation = spec.validation;
    const at = { index, firstDataRow: grid.headerRow + 1 };
    const drift = validation && hasDataRows ? validationDrift(current, validation, at) : null;
    if (validation && drift !== null)
      changes.push({
        ...where,
        kind: 'validation',
        ...drift,
        rule: ruleFor(validation, index, at.firstDataRow, language),
      });
    const format = numberFormatOf(spec);
    if (!isNew && hasDataRows && current?.numberFormat !== format)
      changes.push({ ...where, kind: 'numberFormat', reason: 'changed', numberFormat: format });
    const note = noteFor(spec, language);
    if (note !== '' && (current === null || !isDeclaredNote(current.note, spec)))
      changes.push({ ...where, kind: 'note', reason: reasonOf(isNew, current?.note || null), note });
    if (spec.computed && (isNew || current?.protected !== true))
      changes.push({
        ...where,
        kind: 'protection',
        reason: isNew ? 'new' : 'missing',
        description: protectionDescription(spec.name, language),
      });
    return changes;
  });
}

/**
 * Whether a column's validation needs setting: always for a new column; for an existing one when
 * its first data cell's rule differs, or when its last grid row lacks it (the grid grew below the
 * rule's range) — then the change names that row, and setting the rule on the whole column mends it.
 */
function validationDrift(
  current: ColumnRulesState | null,
  validation: ColumnValidation,
  at: { readonly index: number; readonly firstDataRow: number },
): { reason: PlannedRuleChange['reason']; uncoveredRow?: number } | null {
  if (current === null) return { reason: 'new' };
  if (!isDeclaredRule(current.validation, validation, at)) return { reason: reasonOf(false, current.validation) };
  const last = current.lastRow;
  if (last === null || isDeclaredRule(last.validation, validation, at)) return null;
  return { reason: reasonOf(false, last.validation), uncoveredRow: last.row };
}

function reasonOf(isNew: boolean, current: unknown): PlannedRuleChange['reason'] {
  if (isNew) return 'new';
  return current === null ? 'missing' : 'changed';
}

/** Declared columns with where they are (present) or will be (added), from the plan's header analysis. */
export function locateColumns(
  specs: ReadonlyArray<{ readonly migrationId: string; readonly spec: ColumnSpec }>,
  present: (name: string) => number | undefined,
  added: readonly PlannedColumn[],
): LocatedColumn[] {
  return specs.flatMap(({ migrationId, spec }): LocatedColumn[] => {
    const index = present(spec.name);
    if (index !== undefined) return [{ migrationId, spec, index, isNew: false }];
    const planned = added.find((c) => c.header === spec.name);
    return planned ? [{ migrationId, spec, index: planned.index, isNew: true }] : [];
  });
}

/** Codes of restorable rule drift: the check reports them pending, so auto-repair may restore them. */
export const RULE_FINDING_CODES = [
  'VALIDATION_REMOVED',
  'VALIDATION_CHANGED',
  'PROTECTION_REMOVED',
  'NUMBER_FORMAT_CHANGED',
  'NOTE_CHANGED',
] as const;

/** Stable codes of the check's findings for a rule change on an existing column. */
export function ruleFindingCode(change: PlannedRuleChange): string {
  if (change.kind === 'validation') return change.reason === 'changed' ? 'VALIDATION_CHANGED' : 'VALIDATION_REMOVED';
  if (change.kind === 'protection') return 'PROTECTION_REMOVED';
  if (change.kind === 'numberFormat') return 'NUMBER_FORMAT_CHANGED';
  return 'NOTE_CHANGED';
}

const WHAT: Record<PlannedRuleChange['kind'], string> = {
  validation: 'data validation',
  protection: 'warning-only protection',
  numberFormat: 'number format',
  note: 'header note',
};

/** A rule drifted from the declaration (removed or changed by someone): restorable, values untouched. */
export function ruleFinding(sheet: string, headerRow: number, change: PlannedRuleChange): Finding {
  const state = change.reason === 'changed' ? 'was changed' : 'is missing';
  // A rule missing only below its range is located at the row that lacks it, not at the header.
  const row = change.kind === 'validation' && change.uncoveredRow !== undefined ? change.uncoveredRow : headerRow;
  const params = { sheet, column: change.letter, header: change.header, kind: change.kind, reason: change.reason };
  return {
    code: ruleFindingCode(change),
    message: `The ${WHAT[change.kind]} of column ${change.letter} ("${change.header}") in "${sheet}" ${state}. "Restore" (or Extend schema) puts it back; no value is changed.`,
    location: a1(sheet, row, change.index),
    params: row === headerRow ? params : { ...params, row },
  };
}
