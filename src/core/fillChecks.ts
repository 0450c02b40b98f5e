/**
 * Checks the preview makes on data it already holds: a rejecting validation rule over cells a
 * blank fill would write (refused before any write, naming the cell), and values in typed
 * columns that break their type (counted, first examples named) — no extra read for the latter.
 */
import type { Finding, PlannedBlankFill, RuleSpec } from '../shared/payloads';
import { a1 } from './columnLetters';
import { type CellDefault, type ColumnSpec, validationAccepts } from './schema';
import { isDeclaredRule, type SheetRulesState } from './sheetRules';
import type { CellBlock } from './snapshot';

/**
 * Whether a rule certainly accepts `value`; rules the planner cannot evaluate (other formulas,
 * ranges) do not. The column's own declared rule (help text in any language) is judged by its declaration.
 */
function ruleAccepts(
  rule: RuleSpec,
  value: CellDefault,
  spec: ColumnSpec | undefined,
  at: { readonly index: number; readonly firstDataRow: number },
): boolean {
  if (spec?.validation && isDeclaredRule(rule, spec.validation, at)) return validationAccepts(spec.validation, value);
  const [a, b] = rule.args;
  const n = typeof value === 'number' ? value : Number.NaN;
  switch (rule.criteria) {
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= Number(a);
    case 'NUMBER_GREATER_THAN':
      return n > Number(a);
    case 'NUMBER_BETWEEN':
      return n >= Number(a) && n <= Number(b);
    case 'VALUE_IN_LIST':
      return Array.isArray(a) && a.includes(String(value));
    default:
      return false;
  }
}

export function fillConflicts(
  sheet: string,
  fills: readonly PlannedBlankFill[],
  state: SheetRulesState | null,
  specs: readonly ColumnSpec[],
  headerRow: number,
): Finding[] {
  const block = state?.fillRules ?? null;
  if (block === null) return [];
  return fills.flatMap((fill) => {
    const spec = specs.find((s) => s.name === fill.header);
    const at = { index: fill.index, firstDataRow: headerRow + 1 };
    for (const [first, last] of fill.rowRuns) {
      for (let row = first; row <= last; row++) {
        const rule = block.rules[row - block.firstRow]?.[fill.index - block.firstColumn] ?? null;
        if (rule === null || rule.allowInvalid || ruleAccepts(rule, fill.default, spec, at)) continue;
        const cell = a1(sheet, row, fill.index);
        return [
          {
            code: 'VALIDATION_REJECTS_FILL',
            message: `${cell} has a data validation rule that rejects input, and the apply would write ${JSON.stringify(fill.default)} into it (a blank cell of "${fill.header}"). Nothing was written. Remove or relax that rule (Data › Data validation), or fill the blank cells yourself, then preview again.`,
            location: cell,
            params: { sheet, cell, header: fill.header, value: String(fill.default) },
          },
        ];
      }
    }
    return [];
  });
}

const EXAMPLES = 3;

/** Values that break their column's declared type or validation, counted per column from the block the preview read. */
export function dataQualityFindings(
  sheet: string,
  block: CellBlock | null,
  columns: ReadonlyArray<{ readonly spec: ColumnSpec; readonly index: number }>,
): Finding[] {
  if (block === null) return [];
  return columns.flatMap(({ spec, index }) => {
    if (spec.type !== 'integer' && spec.type !== 'decimal') return [];
    const offset = index - block.firstColumn;
    const bad: string[] = [];
    let count = 0;
    block.values.forEach((row, i) => {
      const v = row[offset];
      if (v === '' || v === undefined || fitsType(spec, v)) return;
      count++;
      if (bad.length < EXAMPLES) bad.push(`${a1(null, block.firstRow + i, index)} = ${JSON.stringify(v)}`);
    });
    if (count === 0) return [];
    return [
      {
        code: 'DATA_QUALITY',
        message: `${count.toLocaleString('en-US')} value(s) in "${spec.name}" of "${sheet}" are not ${spec.type === 'integer' ? 'whole numbers' : 'numbers'}${spec.validation ? ' of 0 or more' : ''}, e.g. ${bad.join(', ')}. The apply leaves them as they are; the column's validation marks them.`,
        location: a1(sheet, block.firstRow, index),
        // kind picks the catalogue's wording: whole numbers or numbers, "of 0 or more" with a validation.
        params: { sheet, header: spec.name, count, examples: bad.join(', '), kind: qualityKind(spec) },
      },
    ];
  });
}

function qualityKind(spec: ColumnSpec): string {
  return `${spec.type === 'integer' ? 'integer' : 'number'}${spec.validation ? 'Min' : ''}`;
}

function fitsType(spec: ColumnSpec, v: unknown): boolean {
  if (typeof v !== 'number') return false;
  if (spec.type === 'integer' && !Number.isInteger(v)) return false;
  return spec.validation === undefined || validationAccepts(spec.validation, v);
}
