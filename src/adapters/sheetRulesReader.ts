/**
 * Reads what src/core/sheetRules.ts compares, with a constant number of Spreadsheet calls
 * whatever the row count: the header row's notes, the first data row's rules and number formats
 * over the span of managed columns present, the last grid row's rules (rows the grid grew by after
 * the apply may lack them), the sheet's range protections (one call, plus one
 * description per protection), and — only when the plan has blanks to fill — the rules over the
 * data rows of that span (one call; DataValidation getters are local, not round trips).
 */
import { blankRuns } from '../core/blankFills';
import { declaredColumns, type ManagedSheet } from '../core/schema';
import {
  type ColumnRulesState,
  isOwnProtection,
  isSheetSchemaProtection,
  type SheetRulesState,
} from '../core/sheetRules';
import type { CellBlock } from '../core/snapshot';
import type { RuleSpec } from '../shared/payloads';
import type { CallMeter } from './meter';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

export interface RulesReadOptions {
  readonly maxRows: number;
  /** Where a declared column is: its identity resolution (the tag first, the exact header second). */
  readonly present: (name: string) => number | undefined;
  readonly managedBlock: CellBlock | null;
  readonly protectionType: typeof GoogleAppsScript.Spreadsheet.ProtectionType;
}

export function readSheetRules(
  sheet: Sheet,
  managed: ManagedSheet,
  meter: CallMeter,
  options: RulesReadOptions,
): SheetRulesState | null {
  const specs = declaredColumns(managed);
  const located = specs.flatMap((spec) => {
    const index = options.present(spec.name);
    return index === undefined ? [] : [{ spec, index }];
  });
  if (located.length === 0) return null;
  const first = Math.min(...located.map((c) => c.index));
  const span = Math.max(...located.map((c) => c.index)) - first + 1;
  const headerRow = managed.headerRow;
  const notes = meter.read(() => sheet.getRange(headerRow, first, 1, span).getNotes())[0];
  const dataRow = options.maxRows > headerRow ? sheet.getRange(headerRow + 1, first, 1, span) : null;
  const toSpec = memoRuleSpec();
  const rules = dataRow === null ? null : meter.read(() => dataRow.getDataValidations())[0].map(toSpec);
  const formats = dataRow === null ? null : meter.read(() => dataRow.getNumberFormats())[0];
  const lastRow = options.maxRows > headerRow + 1 ? options.maxRows : null;
  const lastRules =
    lastRow === null
      ? null
      : meter.read(() => sheet.getRange(lastRow, first, 1, span).getDataValidations())[0].map(toSpec);
  const own = located.some((c) => c.spec.computed) ? ownProtections(sheet, meter, options.protectionType) : [];
  const columns: ColumnRulesState[] = located.map(({ spec, index }) => ({
    index,
    validation: rules?.[index - first] ?? null,
    lastRow: lastRow === null || lastRules === null ? null : { row: lastRow, validation: lastRules[index - first] },
    numberFormat: formats?.[index - first] ?? null,
    note: String(notes[index - first] ?? ''),
    protected: own.some((p) => p.column === index && isOwnProtection(p.description, spec.name)),
  }));
  const block = options.managedBlock;
  const hasBlanks =
    block !== null && located.some(({ spec, index }) => spec.default !== null && blankRuns(block, index).length > 0);
  const fillRules =
    hasBlanks && block !== null
      ? {
          firstRow: block.firstRow,
          firstColumn: first,
          rules: meter
            .read(() => sheet.getRange(block.firstRow, first, block.values.length, span).getDataValidations())
            .map((row) => row.map(memoRuleSpec())),
        }
      : null;
  return { columns, fillRules };
}

function ownProtections(
  sheet: Sheet,
  meter: CallMeter,
  protectionType: typeof GoogleAppsScript.Spreadsheet.ProtectionType,
): Array<{ column: number; description: string }> {
  const all = meter.call(() => sheet.getProtections(protectionType.RANGE));
  return all.flatMap((p) => {
    const description = meter.call(() => p.getDescription());
    if (!isSheetSchemaProtection(description)) return [];
    const range = p.getRange();
    return range.getNumColumns() === 1 ? [{ column: range.getColumn(), description }] : [];
  });
}

/** Converts rules to plain data, once per distinct object (cells sharing a rule may share it). */
function memoRuleSpec(): (rule: DataValidation | null) => RuleSpec | null {
  const seen = new Map<DataValidation, RuleSpec>();
  return (rule) => {
    if (rule === null) return null;
    let spec = seen.get(rule);
    if (spec === undefined) {
      spec = {
        criteria: String(rule.getCriteriaType()),
        args: rule.getCriteriaValues().map((v) => (Array.isArray(v) ? v.map(String) : plain(v))),
        allowInvalid: rule.getAllowInvalid(),
        helpText: rule.getHelpText() ?? null,
      };
      seen.set(rule, spec);
    }
    return spec;
  };
}

function plain(v: unknown): string | number | boolean {
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : String(v);
}
