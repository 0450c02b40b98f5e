/**
 * Pure view models of the sidebar: plan and result payloads in, plain strings and small records
 * out. No DOM here (unit-tested in Node); view.ts turns these into elements with textContent.
 */
import { columnLetter } from '../core/columnLetters';
import { severityOf } from '../core/drift';
import type { CellDefault } from '../core/schema';
import type {
  ApplyResult,
  AutoRepairReport,
  CheckResult,
  CheckStatus,
  HistoryEntry,
  MigrationStatus,
  PlanStatus,
  ScheduleStatus,
  SchemaPlan,
  SheetPlan,
  UnionMetricsReport,
} from '../shared/payloads';

export const count = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, word: string): string => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

export type Tone = 'ok' | 'changes' | 'blocked';

export interface Badge {
  readonly text: string;
  readonly tone: Tone;
}

const TONES: Readonly<Record<PlanStatus, Tone>> = { 'up-to-date': 'ok', changes: 'changes', blocked: 'blocked' };

export function changeCount(sheet: SheetPlan): number {
  return sheet.columnsToAdd.length + sheet.blanksToFill.length;
}

export function sheetBadge(sheet: SheetPlan): Badge {
  if (sheet.status === 'blocked') return { text: 'blocked', tone: 'blocked' };
  if (sheet.status === 'up-to-date') return { text: 'up to date', tone: 'ok' };
  return { text: plural(changeCount(sheet), 'change'), tone: 'changes' };
}

/** One sentence for the status line (announced to screen readers). */
export function planHeadline(plan: SchemaPlan): string {
  if (plan.status === 'up-to-date') return 'Up to date: nothing to add, nothing to fill.';
  if (plan.status === 'blocked') {
    const problems = plan.sheets.reduce((n, s) => n + s.errors.length, 0);
    return `Blocked: ${plural(problems, 'problem')} to fix before anything can change.`;
  }
  const changes = plan.sheets.reduce((n, s) => n + changeCount(s), 0);
  if (changes === 0 && plan.interrupted !== null)
    return 'An earlier apply was stopped before it finished: Apply records it in history. No cell of the sheet changes.';
  return `${plural(changes, 'change')} ready to apply. Nothing has been written yet.`;
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

function existingCells(sheet: SheetPlan, existing: number, shown: number): StripCell[] {
  const cells: StripCell[] = [];
  const firstShown = Math.max(1, existing - shown + 1);
  if (firstShown > 1) {
    cells.push({
      label: span(1, firstShown - 1),
      kind: 'collapsed',
      title: `Columns ${span(1, firstShown - 1)}: ${plural(firstShown - 1, 'existing column')}`,
    });
  }
  const fills = new Map(sheet.blanksToFill.map((f) => [f.index, f]));
  for (let column = firstShown; column <= existing; column++) {
    const fill = fills.get(column);
    cells.push(
      fill === undefined
        ? { label: columnLetter(column), kind: 'existing', title: `Column ${columnLetter(column)}: existing` }
        : {
            label: columnLetter(column),
            kind: 'fill',
            title: `Column ${fill.letter} (${fill.header}): ${plural(fill.cells, 'blank cell')} to fill`,
          },
    );
  }
  return cells;
}

/** New columns, one cell each; a long run keeps its two first and two last, the middle collapsed. */
function newCells(sheet: SheetPlan, maxShown: number): StripCell[] {
  const cells = sheet.columnsToAdd.map<StripCell>((c) => ({
    label: c.letter,
    kind: 'new',
    title: `Column ${c.letter}: new column ${c.header}`,
  }));
  if (cells.length <= maxShown) return cells;
  const middle = sheet.columnsToAdd.slice(2, -2);
  const label = span(middle[0].index, middle[middle.length - 1].index);
  return [
    ...cells.slice(0, 2),
    { label, kind: 'new', title: `Columns ${label}: ${plural(middle.length, 'new column')}` },
    ...cells.slice(-2),
  ];
}

export function columnStrip(sheet: SheetPlan, shownExisting = 2, maxNewShown = 6): ColumnStrip {
  const existing = existingColumns(sheet);
  if (existing === 0 && sheet.columnsToAdd.length === 0) return { cells: [], caption: 'No columns.' };
  const added = newCells(sheet, maxNewShown);
  const cells = [...(existing > 0 ? existingCells(sheet, existing, shownExisting) : []), ...added];
  const parts = existing > 0 ? [`${span(1, existing)}: ${plural(existing, 'existing column')}`] : [];
  const newCount = sheet.columnsToAdd.length;
  if (newCount > 0) parts.push(`${span(existing + 1, existing + newCount)}: ${count(newCount)} new`);
  return { cells, caption: parts.join(' · ') };
}

// ------------------------------------------------------------------------------------------
// Table of changes.

export interface ChangeRow {
  readonly letter: string;
  readonly header: string;
  readonly type: string;
  readonly defaultValue: string;
  readonly cells: string;
  readonly kind: 'add' | 'fill';
}

export function formatDefault(value: CellDefault): string {
  if (value === null) return '(blank)';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return typeof value === 'string' ? `"${value}"` : String(value);
}

export function changeRows(sheet: SheetPlan): ChangeRow[] {
  const added = sheet.columnsToAdd.map<ChangeRow>((c) => ({
    letter: c.letter,
    header: c.header,
    type: c.type,
    defaultValue: formatDefault(c.default),
    cells: c.rowsInitialised > 0 ? `${count(c.rowsInitialised)} rows` : '—',
    kind: 'add',
  }));
  const filled = sheet.blanksToFill.map<ChangeRow>((f) => ({
    letter: f.letter,
    header: f.header,
    type: 'fill',
    defaultValue: formatDefault(f.default),
    cells: `${count(f.cells)} blank${f.cells === 1 ? '' : 's'}`,
    kind: 'fill',
  }));
  return [...added, ...filled];
}

// ------------------------------------------------------------------------------------------
// Migrations, history, results.

/** "2026-11-21T09:00:00.000Z" → "2026-11-21 09:00 UTC" (unchanged if not ISO). */
export function shortTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match === null ? iso : `${match[1]} ${match[2]} UTC`;
}

export function migrationState(migration: MigrationStatus): string {
  switch (migration.state) {
    case 'pending':
      return 'pending';
    case 'partial':
      return 'partly applied';
    case 'applied':
      return migration.appliedAt === null ? 'applied' : `applied ${shortTime(migration.appliedAt)}`;
    case 'applied-outside':
      return 'present (added outside Sheet Schema)';
  }
}

export function historyLine(entry: HistoryEntry): string {
  const what = entry.columnsAdded === '' ? entry.description : entry.columnsAdded;
  return `${entry.sheet}: ${what} — ${plural(entry.cellsWritten, 'cell')}, ${entry.user}, ${entry.outcome}`;
}

function addedSpans(result: ApplyResult): string {
  const bySheet = new Map<string, string[]>();
  for (const c of result.columnsAdded) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c.letter]);
  return [...bySheet]
    .map(
      ([sheet, letters]) =>
        `${sheet} ${letters.length === 1 ? letters[0] : `${letters[0]}–${letters[letters.length - 1]}`}`,
    )
    .join(', ');
}

export function resultHeadline(result: ApplyResult): string {
  if (result.status === 'up-to-date') return 'Nothing to apply: everything was already up to date.';
  const columns = result.columnsAdded.length;
  const where = columns > 0 ? ` (${addedSpans(result)})` : '';
  return `Applied: ${plural(columns, 'column')} added${where}, ${plural(result.cellsChanged, 'cell')} written in ${(result.durationMs / 1000).toFixed(1)} s.`;
}

/** The server's summary without its closing "N cells written in T s." line (the headline says it). */
export function resultDetails(result: ApplyResult): string[] {
  return result.summary.split('\n').filter((line) => line !== '' && !/cells written in [\d.]+ s\.$/.test(line));
}

export const STALE_PLAN_PHRASE = 'the sheet changed since this preview';

export function isStalePlan(message: string): boolean {
  return message.toLowerCase().includes(STALE_PLAN_PHRASE);
}

// ------------------------------------------------------------------------------------------
// Hourly check panel.

export type CheckTone = 'ok' | 'changes' | 'drift' | 'blocked';

export interface CheckBadge {
  readonly text: string;
  readonly tone: CheckTone;
}

const CHECK_BADGES: Readonly<Record<CheckStatus, CheckBadge>> = {
  ok: { text: 'OK', tone: 'ok' },
  pending: { text: 'migrations pending', tone: 'changes' },
  drift: { text: 'drift', tone: 'drift' },
  error: { text: 'error', tone: 'blocked' },
};

export function checkBadge(status: CheckStatus): CheckBadge {
  return CHECK_BADGES[status];
}

export function toggleLabel(installed: boolean): string {
  return installed ? 'Turn off hourly check' : 'Turn on hourly check';
}

/** "2026-11-21 12:41 UTC · hourly run" */
export function checkMeta(result: CheckResult): string {
  const how = result.trigger === 'schedule' ? 'hourly run' : 'run by hand (Check now or turning the check on)';
  return `${shortTime(result.checkedAt)} · ${how}`;
}

/** Estimate only: Apps Script picks the minute of an hourly run and does not expose it. */
export function nextCheckText(status: ScheduleStatus): string | null {
  if (!status.installed || status.nextCheckAfter === null) return null;
  return `Next check: after ${shortTime(status.nextCheckAfter)} (an estimate: Apps Script picks the minute).`;
}

export function triggersText(status: ScheduleStatus): string {
  return `Triggers: ${count(status.triggersInUse)} of ${count(status.triggerLimit)} in use (yours, for this add-on in all your spreadsheets; the check needs 2).`;
}

export type FindingKind = 'error' | 'drift' | 'pending' | 'info';

/** UNKNOWN_COLUMNS (and any code the check does not rank) is informational: it never changes the status. */
export function findingKind(code: string): FindingKind {
  return (['error', 'drift', 'pending', 'info'] as const)[severityOf(code)];
}

export function omittedText(omitted: number): string | null {
  return omitted > 0 ? `${plural(omitted, 'more finding')} omitted (the stored result is kept under 9 KB).` : null;
}

const REPAIR_LABEL: Readonly<Record<AutoRepairReport['outcome'], string>> = {
  off: 'off',
  'not-needed': 'not needed',
  skipped: 'skipped',
  applied: 'applied',
  failed: 'failed',
};

/** Null when auto-repair is off (nothing to say). */
export function autoRepairTitle(report: AutoRepairReport): string | null {
  return report.outcome === 'off' ? null : `Auto-repair: ${REPAIR_LABEL[report.outcome]}.`;
}

export function checkHeadline(result: CheckResult): string {
  return `Check finished: ${checkBadge(result.status).text}. ${result.summary.split('\n')[0] ?? ''}`.trim();
}

// ------------------------------------------------------------------------------------------
// Union metrics panel.

/** The server's refusal when the five v4.0 columns are not there yet. */
export function isSchemaBehind(message: string): boolean {
  return /run "extend schema" first/i.test(message);
}

export function metricsHeadline(report: UnionMetricsReport): string {
  switch (report.status) {
    case 'preview':
      return report.rowsChanged === 0
        ? `Union metrics are already correct for all ${count(report.spoolRows)} spool rows: nothing to recompute.`
        : `${count(report.rowsChanged)} of ${count(report.spoolRows)} spool rows would change. Nothing has been written yet.`;
    case 'applied':
      return `Union metrics written: ${count(report.rowsChanged)} spool rows updated.`;
    case 'unchanged':
      return 'Union metrics were already correct: nothing was written.';
  }
}

export function metricsFacts(report: UnionMetricsReport): string {
  return `${report.sheet}: ${plural(report.spoolRows, 'spool row')} · ${report.unionSheet}: ${plural(report.unions, 'union')} · ${(report.durationMs / 1000).toFixed(1)} s`;
}
