/** Plain-language texts of plans and results, shared by the menu dialogs and the sidebar. */

import type { Cost, SchemaPlan, SheetPlan, UnionMetricsReport } from '../shared/payloads';
import { describeColumns } from './planDigest';

const count = (n: number) => n.toLocaleString('en-US');

export function describeCost(cost: Cost): string {
  return `${count(cost.spreadsheetCalls)} Spreadsheet calls, ${count(cost.cellsRead)} cells read, ${count(cost.cellsWritten)} values sent for ${count(cost.cellsChanged)} cells`;
}

/** 'planned' for previews and confirm dialogs, 'done' for results. */
export function describeSheetChanges(sheet: SheetPlan, tense: 'planned' | 'done' = 'planned'): string[] {
  const [add, fill, initialising] =
    tense === 'planned' ? ['add', 'fill', 'initialising'] : ['added', 'filled', 'initialised'];
  const lines: string[] = [];
  if (sheet.columnsToAdd.length > 0) {
    const defaults = [
      ...new Set(sheet.columnsToAdd.filter((c) => c.rowsInitialised > 0).map((c) => JSON.stringify(c.default))),
    ];
    const init =
      defaults.length > 0 ? `, ${initialising} ${count(sheet.dataRows)} data rows with ${defaults.join('/')}` : '';
    lines.push(
      `${sheet.sheet}: ${add} ${sheet.columnsToAdd.length} column${sheet.columnsToAdd.length === 1 ? '' : 's'} ${describeColumns(sheet.columnsToAdd)}${init}.`,
    );
  }
  for (const blank of sheet.blanksToFill) {
    lines.push(
      `${sheet.sheet}: ${fill} ${count(blank.cells)} blank cell${blank.cells === 1 ? '' : 's'} of ${blank.header} (column ${blank.letter}) with ${JSON.stringify(blank.default)}.`,
    );
  }
  const tags = sheet.columnsToTag ?? [];
  if (tags.length > 0) {
    const [tag, what] =
      tense === 'planned' ? ['tag', 'so they stay found if renamed'] : ['tagged', 'with their identity'];
    const listed = tags
      .map((t) => `${t.letter} ${t.identity}${t.reason === 'adopted' ? ' (existing)' : ''}`)
      .join(', ');
    lines.push(`${sheet.sheet}: ${tag} ${tags.length} column${tags.length === 1 ? '' : 's'} ${what}: ${listed}.`);
  }
  return lines;
}

export function describePlan(plan: SchemaPlan): string {
  if (plan.status === 'blocked') return blockedMessage(plan);
  if (plan.status === 'up-to-date') return 'Everything is up to date: no column to add, no blank to fill.';
  const lines = plan.sheets.flatMap((sheet) => describeSheetChanges(sheet));
  const warnings = plan.sheets.flatMap((s) => s.warnings.map((w) => `Note: ${w.message}`));
  return [...lines, ...warnings, `Cost: ${describeCost(plan.cost)}. Existing columns and values are not touched.`].join(
    '\n',
  );
}

export function blockedMessage(plan: SchemaPlan): string {
  const errors = plan.sheets.flatMap((s) => s.errors.map((e) => `• ${e.message}`));
  return ['Sheet Schema cannot change the schema until this is fixed (nothing was written):', ...errors].join('\n');
}

export function describeUnionMetrics(report: UnionMetricsReport): string {
  const verb =
    report.status === 'applied' ? 'updated' : report.status === 'unchanged' ? 'already correct:' : 'would change';
  const lines = [
    report.status === 'unchanged'
      ? `Union metrics ${verb} ${count(report.spoolRows)} spool rows checked against ${count(report.unions)} unions; nothing was written.`
      : `Union metrics: ${count(report.rowsChanged)} of ${count(report.spoolRows)} spool rows ${verb} (from ${count(report.unions)} unions in "${report.unionSheet}").`,
  ];
  if (report.orphans.count > 0) {
    const examples = report.orphans.examples
      .slice(0, 3)
      .map((o) => `${o.key} (row ${o.row})`)
      .join(', ');
    lines.push(
      `${count(report.orphans.count)} unions name a spool that is not in "${report.sheet}", e.g. ${examples}; they are not counted.`,
    );
  }
  if (report.badDiameters.count > 0) {
    const examples = report.badDiameters.examples
      .slice(0, 3)
      .map((b) => `row ${b.row}: ${JSON.stringify(b.value)}`)
      .join(', ');
    lines.push(
      `${count(report.badDiameters.count)} unions have a blank or non-numeric DN_UNION, counted as 0 inches (${examples}).`,
    );
  }
  if (report.blankKeys.count > 0)
    lines.push(
      `${count(report.blankKeys.count)} unions have no spool key (rows ${report.blankKeys.rows.slice(0, 5).join(', ')}); they are not counted.`,
    );
  if (report.duplicateSpools.count > 0) {
    const examples = report.duplicateSpools.examples
      .slice(0, 3)
      .map((d) => `${d.key} (rows ${d.rows.join(', ')})`)
      .join('; ');
    lines.push(
      `${count(report.duplicateSpools.count)} spool keys appear on more than one row (${examples}); each of those rows shows the spool's full totals.`,
    );
  }
  return lines.join('\n');
}
