/**
 * Pure view models of the schema plan and its results: payloads in, strings in the operator's
 * language out (catalogue keys and parameters, never server prose). No DOM here (unit-tested in
 * Node); the sidebar's view.ts turns these into elements, the menu dialogs (dialogs.ts) into lines.
 */
import { columnLetter } from '../../core/columnLetters';
import type { CellDefault } from '../../core/schema';
import type { MessageKey } from '../messages';
import type {
  ApplyResult,
  HistoryEntry,
  MigrationStatus,
  PlannedTag,
  PlanStatus,
  SchemaPlan,
  SheetPlan,
} from '../payloads';
import type { LocalText as Text } from './localText';

export type Tone = 'ok' | 'changes' | 'blocked';

export interface Badge {
  readonly text: string;
  readonly tone: Tone;
}

const TONES: Readonly<Record<PlanStatus, Tone>> = { 'up-to-date': 'ok', changes: 'changes', blocked: 'blocked' };

export function changeCount(sheet: SheetPlan): number {
  return sheet.columnsToAdd.length + sheet.blanksToFill.length;
}

export function sheetBadge(x: Text, sheet: SheetPlan): Badge {
  if (sheet.status === 'blocked') return { text: x.t('sheet.blocked'), tone: 'blocked' };
  if (sheet.status === 'up-to-date') return { text: x.t('sheet.upToDate'), tone: 'ok' };
  return { text: x.t('sheet.changes', { n: changeCount(sheet) }), tone: 'changes' };
}

export function problemCount(plan: SchemaPlan): number {
  return plan.sheets.reduce((n, s) => n + s.errors.length, 0);
}

/** What will happen in the sheet, one sentence per change (the headline and the confirm step). */
export function changeSentences(x: Text, plan: SchemaPlan): string[] {
  const writes = plan.sheets.filter((s) => s.status === 'changes').flatMap((sheet) => sheetSentences(x, sheet));
  if (writes.length > 0) return writes;
  // Only identity tags (no cell written): say so rather than nothing; otherwise they are a detail of the preview.
  return [...plan.sheets, ...(plan.sources ?? [])].flatMap((sheet) => {
    const tags = tagSummary(x, sheet.columnsToTag);
    return tags === null ? [] : [`${sheet.sheet}: ${tags.line}.`];
  });
}

function sheetSentences(x: Text, sheet: SheetPlan): string[] {
  const sentences: string[] = [];
  const added = sheet.columnsToAdd;
  if (added.length > 0) {
    const first = added[0].index;
    const where = { sheet: sheet.sheet, n: added.length, span: span(first, added[added.length - 1].index) };
    const add =
      first > 1
        ? x.t('plan.addColumns', { ...where, after: columnLetter(first - 1) })
        : x.t('plan.addColumnsFirst', where);
    const initialised = added.filter((c) => c.rowsInitialised > 0);
    const values = [...new Set(initialised.map((c) => formatDefault(x, c.default)))].join(' / ');
    const rows = Math.max(0, ...initialised.map((c) => c.rowsInitialised));
    sentences.push(`${add}${rows > 0 ? x.t('plan.putDefault', { value: values, n: rows }) : ''}.`);
  }
  for (const blank of sheet.blanksToFill) {
    const params = { sheet: sheet.sheet, value: formatDefault(x, blank.default), n: blank.cells };
    sentences.push(`${x.t('plan.fillBlanks', { ...params, header: blank.header, letter: blank.letter })}.`);
  }
  return sentences;
}

/** The status line: what will happen in the sheet, in plain words. */
export function planHeadline(x: Text, plan: SchemaPlan): string {
  if (plan.status === 'up-to-date') return x.t('plan.upToDate');
  if (plan.status === 'blocked') return x.t('plan.blocked', { n: problemCount(plan) });
  const sentences = changeSentences(x, plan);
  if (sentences.length === 0 && plan.interrupted !== null) return x.t('plan.interrupted');
  return [...sentences, x.t('plan.nothingElse')].join(' ');
}

export function planTone(plan: SchemaPlan): Tone {
  return TONES[plan.status];
}

// ------------------------------------------------------------------------------------------
// Column strip: existing columns muted (the leading ones collapsed), new ones highlighted.

export type StripKind = 'collapsed' | 'existing' | 'fill' | 'new';

export interface StripCell {
  readonly label: string;
  readonly kind: StripKind;
  readonly title: string;
}

export interface ColumnStrip {
  readonly cells: readonly StripCell[];
  readonly caption: string;
}

/** Columns left of the first new one (or the sheet's last used column when nothing is added). */
export function existingColumns(sheet: SheetPlan): number {
  return sheet.columnsToAdd.length > 0 ? sheet.columnsToAdd[0].index - 1 : sheet.lastColumn;
}

export function span(first: number, last: number): string {
  return first === last ? columnLetter(first) : `${columnLetter(first)}–${columnLetter(last)}`;
}

/** Columns in the order given, adjacent ones joined into spans: "BP–BT, A". */
export function spans(indices: readonly number[]): string {
  const runs: Array<[number, number]> = [];
  for (const index of indices) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] + 1 === index) last[1] = index;
    else runs.push([index, index]);
  }
  return runs.map(([first, last]) => span(first, last)).join(', ');
}

function existingCells(x: Text, sheet: SheetPlan, existing: number, shown: number): StripCell[] {
  const cells: StripCell[] = [];
  const firstShown = Math.max(1, existing - shown + 1);
  if (firstShown > 1) {
    const collapsed = span(1, firstShown - 1);
    cells.push({
      label: collapsed,
      kind: 'collapsed',
      title: x.t('strip.existing', { span: collapsed, n: firstShown - 1 }),
    });
  }
  const fills = new Map(sheet.blanksToFill.map((f) => [f.index, f]));
  for (let column = firstShown; column <= existing; column++) {
    const fill = fills.get(column);
    const letter = columnLetter(column);
    cells.push(
      fill === undefined
        ? { label: letter, kind: 'existing', title: x.t('strip.columnExisting', { letter }) }
        : {
            label: letter,
            kind: 'fill',
            title: x.t('strip.columnFill', { letter, header: fill.header, n: fill.cells }),
          },
    );
  }
  return cells;
}

/** New columns, one cell each; a long run keeps its two first and two last, the middle collapsed. */
function newCells(x: Text, sheet: SheetPlan, maxShown: number): StripCell[] {
  const cells = sheet.columnsToAdd.map<StripCell>((c) => ({
    label: c.letter,
    kind: 'new',
    title: x.t('strip.columnNew', { letter: c.letter, header: c.header }),
  }));
  if (cells.length <= maxShown) return cells;
  const middle = sheet.columnsToAdd.slice(2, -2);
  const label = span(middle[0].index, middle[middle.length - 1].index);
  return [
    ...cells.slice(0, 2),
    { label, kind: 'new', title: x.t('strip.newMiddle', { span: label, n: middle.length }) },
    ...cells.slice(-2),
  ];
}

export function columnStrip(x: Text, sheet: SheetPlan, shownExisting = 2, maxNewShown = 6): ColumnStrip {
  const existing = existingColumns(sheet);
  if (existing === 0 && sheet.columnsToAdd.length === 0) return { cells: [], caption: x.t('strip.none') };
  const added = newCells(x, sheet, maxNewShown);
  const cells = [...(existing > 0 ? existingCells(x, sheet, existing, shownExisting) : []), ...added];
  const parts = existing > 0 ? [x.t('strip.existing', { span: span(1, existing), n: existing })] : [];
  const newCount = sheet.columnsToAdd.length;
  if (newCount > 0) parts.push(x.t('strip.new', { span: span(existing + 1, existing + newCount), n: newCount }));
  return { cells, caption: parts.join(' · ') };
}

// ------------------------------------------------------------------------------------------
// Table of changes, migrations, history, results.

export interface ChangeRow {
  readonly letter: string;
  readonly header: string;
  readonly type: string;
  readonly defaultValue: string;
  readonly cells: string;
  readonly kind: 'add' | 'fill';
}

export function formatDefault(x: Text, value: CellDefault): string {
  if (value === null || value === '') return x.t('value.blank');
  if (typeof value === 'boolean') return x.t(value ? 'value.true' : 'value.false');
  return typeof value === 'string' ? `"${value}"` : x.n(value);
}

export function changeRows(x: Text, sheet: SheetPlan): ChangeRow[] {
  const added = sheet.columnsToAdd.map<ChangeRow>((c) => ({
    letter: c.letter,
    header: c.header,
    type: x.t(`type.${c.type}` as const),
    defaultValue: formatDefault(x, c.default),
    cells: c.rowsInitialised > 0 ? x.t('table.rows', { n: c.rowsInitialised }) : '—',
    kind: 'add',
  }));
  const filled = sheet.blanksToFill.map<ChangeRow>((f) => ({
    letter: f.letter,
    header: f.header,
    type: x.t('type.fill'),
    defaultValue: formatDefault(x, f.default),
    cells: x.t('table.blanks', { n: f.cells }),
    kind: 'fill',
  }));
  return [...added, ...filled];
}

/** The identity tags of one sheet, folded: one line with the spans, the detail per column below it. */
export interface TagSummary {
  readonly line: string;
  readonly items: readonly string[];
}

/** "Label 6 columns so they are found even if renamed: BP–BT, A"; null when nothing is tagged. No cell is written. */
export function tagSummary(x: Text, tags: readonly PlannedTag[]): TagSummary | null {
  if (tags.length === 0) return null;
  const columns = spans(tags.map((t) => t.index));
  const items = tags.map((t) =>
    x.t('plan.tagItem', {
      letter: t.letter,
      identity: t.identity,
      how: x.t(t.reason === 'created' ? 'table.tagCreated' : 'table.tagAdopted'),
    }),
  );
  return { line: x.t('plan.tagSummary', { n: tags.length, columns }), items };
}

export function migrationState(x: Text, migration: MigrationStatus): string {
  switch (migration.state) {
    case 'pending':
      return x.t('migration.pending');
    case 'partial':
      return x.t('migration.partial');
    case 'applied':
      return migration.appliedAt === null
        ? x.t('migration.applied')
        : x.t('migration.appliedAt', { time: x.time(migration.appliedAt) });
    case 'applied-outside':
      return x.t('migration.outside');
  }
}

const OUTCOME_KEYS: Readonly<Record<string, MessageKey>> = {
  applied: 'history.applied',
  'rolled-back': 'history.rolledBack',
  incomplete: 'history.incomplete',
  'header restored': 'history.headerRestored',
};

export function historyLine(x: Text, entry: HistoryEntry): string {
  const what = entry.columnsAdded === '' ? entry.description : entry.columnsAdded;
  // Outcome codes read from either language's sheet (src/adapters/historyOutcome.ts); other text as written.
  const key = OUTCOME_KEYS[entry.outcome];
  const word = key === undefined ? entry.outcome : x.t(key);
  const outcome = entry.cause === undefined || entry.cause === '' ? word : `${word}: ${entry.cause}`;
  return x.t('history.line', { sheet: entry.sheet, what, n: entry.cellsWritten, user: entry.user, outcome });
}

/** " (Operaciones BP–BT, Uniones K)" or "" when nothing was added. */
export function addedWhere(columns: ApplyResult['columnsAdded']): string {
  const bySheet = new Map<string, string[]>();
  for (const c of columns) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c.letter]);
  const spans = [...bySheet].map(
    ([sheet, letters]) =>
      `${sheet} ${letters.length === 1 ? letters[0] : `${letters[0]}–${letters[letters.length - 1]}`}`,
  );
  return spans.length === 0 ? '' : ` (${spans.join(', ')})`;
}

export function resultHeadline(x: Text, result: ApplyResult): string {
  if (result.status === 'up-to-date') return x.t('result.upToDate');
  const where = addedWhere(result.columnsAdded);
  return x.t('result.done', {
    n: result.columnsAdded.length,
    where,
    cells: result.cellsChanged,
    duration: x.duration(result.durationMs),
  });
}
