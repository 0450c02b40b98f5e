/**
 * The server's English sentences of plans and results (history outcomes, refusals, the `summary`
 * fields of payloads). Operators read the shared wording instead (src/shared/wording).
 */

import type { SchemaPlan, SheetPlan, UnionMetricsReport } from '../shared/payloads';
import { describeColumns } from './planDigest';

const count = (n: number) => n.toLocaleString('en-US');

/** What an apply did to one sheet, for the result's summary (the shared wording words it for operators). */
export function describeSheetChanges(sheet: SheetPlan): string[] {
  const lines: string[] = [];
  if (sheet.columnsToAdd.length > 0) {
    const defaults = [
      ...new Set(sheet.columnsToAdd.filter((c) => c.rowsInitialised > 0).map((c) => JSON.stringify(c.default))),
    ];
    const init =
      defaults.length > 0 ? `, initialised ${count(sheet.dataRows)} data rows with ${defaults.join('/')}` : '';
    lines.push(
      `${sheet.sheet}: added ${sheet.columnsToAdd.length} column${sheet.columnsToAdd.length === 1 ? '' : 's'} ${describeColumns(sheet.columnsToAdd)}${init}.`,
    );
  }
  for (const blank of sheet.blanksToFill) {
    lines.push(
      `${sheet.sheet}: filled ${count(blank.cells)} blank cell${blank.cells === 1 ? '' : 's'} of ${blank.header} (column ${blank.letter}) with ${JSON.stringify(blank.default)}.`,
    );
  }
  const tags = sheet.columnsToTag ?? [];
  if (tags.length > 0) {
    const listed = tags
      .map((t) => `${t.letter} ${t.identity}${t.reason === 'adopted' ? ' (existing)' : ''}`)
      .join(', ');
    lines.push(
      `${sheet.sheet}: tagged ${tags.length} column${tags.length === 1 ? '' : 's'} with their identity: ${listed}.`,
    );
  }
  return lines;
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
