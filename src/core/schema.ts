/**
 * Types of the schema declaration: which sheets Sheet Schema manages and the ordered,
 * additive migrations each one receives. Pure data — no Apps Script globals.
 */
import type { SheetText } from './sheetText';

export type ColumnType = 'integer' | 'decimal' | 'text' | 'date';

export type CellDefault = number | string | boolean | null;

/** A data-validation rule Sheets enforces on the column's data cells. */
export interface ColumnValidation {
  /** `wholeNumber` and `decimal` mean ≥ 0; `list` takes `values`. */
  readonly kind: 'wholeNumber' | 'decimal' | 'list';
  readonly values?: readonly string[];
  /** `reject` refuses bad input (setAllowInvalid(false)); `warn` marks it. */
  readonly mode: 'reject' | 'warn';
  /** Shown in the cell's popup: written in the applying operator's language. */
  readonly helpText: SheetText;
}

export interface ColumnSpec {
  /** Exact header text in the header row; columns are found by this name, never by position. */
  readonly name: string;
  readonly type: ColumnType;
  /** Value every existing data row starts with; null leaves data cells blank. */
  readonly default: CellDefault;
  /** Sheets number-format pattern applied to the new column's data cells. Defaults per type. */
  readonly numberFormat?: string;
  readonly validation?: ColumnValidation;
  /** Filled by the add-on: a warning-only protection, and the header note says where values come from. */
  readonly computed?: { readonly source: SheetText };
  /** The header's note: what the column means (written in the applying operator's language). */
  readonly note?: SheetText;
}

export interface Migration {
  /** Stable id recorded in history, e.g. `4.0-union-metrics`. Never reuse or edit an applied id. */
  readonly id: string;
  /** Shown in the sidebar and written into history, in the reader's language. */
  readonly description: SheetText;
  /** Columns appended, in this order, right of the last existing header. */
  readonly addColumns: readonly ColumnSpec[];
}

export interface UnionMetricsSource {
  /** Sheet with one row per union. */
  readonly sheet: string;
  /** Join key present in both sheets (the managed sheet and the union sheet). */
  readonly keyColumn: string;
  readonly armDoneColumn: string;
  readonly soldDoneColumn: string;
  readonly diameterColumn: string;
  /** Managed-sheet columns receiving [total, ARM done, SOLD done, ARM inches, SOLD inches]. */
  readonly targetColumns: readonly [string, string, string, string, string];
}

export interface ManagedSheet {
  readonly sheet: string;
  /** 1-based header row. */
  readonly headerRow: number;
  /** Ordered; each is applied at most once and recognised by its column names. */
  readonly migrations: readonly Migration[];
  /** Where the v4.0 union metrics come from (only for sheets that carry them). */
  readonly unionMetrics?: UnionMetricsSource;
}

export interface SchemaDeclaration {
  readonly managedSheets: readonly ManagedSheet[];
}

export const DEFAULT_NUMBER_FORMATS: Readonly<Record<ColumnType, string>> = {
  integer: '0',
  decimal: '0.00',
  text: '@',
  date: 'yyyy-mm-dd',
};

export function numberFormatOf(column: ColumnSpec): string {
  return column.numberFormat ?? DEFAULT_NUMBER_FORMATS[column.type];
}

/**
 * Sheets whose header → column map is cached: the managed sheets and the sheets their union
 * metrics read (whose headers are in row 1). Each listed once.
 */
export function mappedSheets(
  declaration: SchemaDeclaration,
): Array<{ readonly sheet: string; readonly headerRow: number }> {
  const sources = declaration.managedSheets.flatMap((m) =>
    m.unionMetrics === undefined ? [] : [{ sheet: m.unionMetrics.sheet, headerRow: 1 }],
  );
  const all = [...declaration.managedSheets.map((m) => ({ sheet: m.sheet, headerRow: m.headerRow })), ...sources];
  return all.filter((entry, i) => all.findIndex((other) => other.sheet === entry.sheet) === i);
}

/** Every column a managed sheet ends up with after all its migrations, in declaration order. */
export function declaredColumns(managed: ManagedSheet): ColumnSpec[] {
  return managed.migrations.flatMap((migration) => [...migration.addColumns]);
}

/**
 * Problems in a declaration, as sentences: duplicate migration ids, a column declared twice
 * (even as a look-alike), names with surrounding spaces, defaults that do not fit their type.
 * An empty list means the declaration is sound; a test holds SCHEMA to that.
 */
export function declarationProblems(declaration: SchemaDeclaration, lookalikeKey: (name: string) => string): string[] {
  const problems: string[] = [];
  const sheets = new Set<string>();
  for (const managed of declaration.managedSheets) {
    if (sheets.has(managed.sheet)) problems.push(`Sheet "${managed.sheet}" is declared twice.`);
    sheets.add(managed.sheet);
    if (!Number.isInteger(managed.headerRow) || managed.headerRow < 1)
      problems.push(`${managed.sheet}: headerRow must be a positive integer.`);
    const ids = new Set<string>();
    const columns = new Map<string, string>();
    for (const migration of managed.migrations) {
      if (ids.has(migration.id)) problems.push(`${managed.sheet}: migration id "${migration.id}" is used twice.`);
      ids.add(migration.id);
      if (migration.addColumns.length === 0)
        problems.push(`${managed.sheet}: migration "${migration.id}" adds no column.`);
      for (const column of migration.addColumns)
        problems.push(...columnProblems(managed.sheet, migration.id, column, columns, lookalikeKey));
    }
  }
  return problems;
}

function columnProblems(
  sheet: string,
  migrationId: string,
  column: ColumnSpec,
  seen: Map<string, string>,
  lookalikeKey: (name: string) => string,
): string[] {
  const problems: string[] = [];
  const where = `${sheet} / ${migrationId} / "${column.name}"`;
  if (column.name.trim() !== column.name || column.name === '')
    problems.push(`${where}: the name is empty or has surrounding spaces.`);
  const key = lookalikeKey(column.name);
  const earlier = seen.get(key);
  if (earlier !== undefined) problems.push(`${where}: clashes with "${earlier}" declared earlier.`);
  seen.set(key, column.name);
  if (!defaultFits(column))
    problems.push(`${where}: default ${JSON.stringify(column.default)} does not fit type ${column.type}.`);
  if (column.validation !== undefined && !validationAccepts(column.validation, column.default))
    problems.push(`${where}: default ${JSON.stringify(column.default)} breaks the column's own validation.`);
  if (column.validation?.kind === 'list' && (column.validation.values ?? []).length === 0)
    problems.push(`${where}: a list validation needs values.`);
  return problems;
}

/** Whether a value passes a declared validation; blank (null) always does, as in Sheets. */
export function validationAccepts(validation: ColumnValidation, value: CellDefault): boolean {
  if (value === null || value === '') return true;
  switch (validation.kind) {
    case 'wholeNumber':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0;
    case 'decimal':
      return typeof value === 'number' && value >= 0;
    case 'list':
      return (validation.values ?? []).includes(String(value));
  }
}

function defaultFits({ type, default: value }: ColumnSpec): boolean {
  if (value === null) return true;
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value);
    case 'text':
      return typeof value === 'string';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  }
}
