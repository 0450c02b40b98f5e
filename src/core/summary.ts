/** Plain-language texts of plans and results, shared by the menu dialogs and the sidebar. */
import { describeColumns } from './plan';
import type { Cost, SchemaPlan, SheetPlan } from '../shared/payloads';

const count = (n: number) => n.toLocaleString('en-US');

export function describeCost(cost: Cost): string {
  return `${count(cost.spreadsheetCalls)} Spreadsheet calls, ${count(cost.cellsRead)} cells read, ${count(cost.cellsWritten)} values sent for ${count(cost.cellsChanged)} cells`;
}

export function describeSheetChanges(sheet: SheetPlan): string[] {
  const lines: string[] = [];
  if (sheet.columnsToAdd.length > 0) {
    const defaults = sheet.columnsToAdd.filter((c) => c.rowsInitialised > 0);
    const init = defaults.length > 0 ? `, initialising ${count(sheet.dataRows)} data rows with ${defaults.map((c) => JSON.stringify(c.default)).filter((v, i, all) => all.indexOf(v) === i).join('/')}` : '';
    lines.push(`${sheet.sheet}: add ${sheet.columnsToAdd.length} column${sheet.columnsToAdd.length === 1 ? '' : 's'} ${describeColumns(sheet.columnsToAdd)}${init}.`);
  }
  for (const fill of sheet.blanksToFill) {
    lines.push(`${sheet.sheet}: fill ${count(fill.cells)} blank cell${fill.cells === 1 ? '' : 's'} of ${fill.header} (column ${fill.letter}) with ${JSON.stringify(fill.default)}.`);
  }
  return lines;
}

export function describePlan(plan: SchemaPlan): string {
  if (plan.status === 'blocked') return blockedMessage(plan);
  if (plan.status === 'up-to-date') return 'Everything is up to date: no column to add, no blank to fill.';
  const lines = plan.sheets.flatMap(describeSheetChanges);
  const warnings = plan.sheets.flatMap((s) => s.warnings.map((w) => `Note: ${w.message}`));
  return [...lines, ...warnings, `Cost: ${describeCost(plan.cost)}. Existing columns and values are not touched.`].join('\n');
}

export function blockedMessage(plan: SchemaPlan): string {
  const errors = plan.sheets.flatMap((s) => s.errors.map((e) => `• ${e.message}`));
  return ['Sheet Schema cannot change the schema until this is fixed (nothing was written):', ...errors].join('\n');
}
