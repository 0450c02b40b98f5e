/**
 * v4.0 union metrics: per spool, counts and inches of unions from the Uniones sheet, written to
 * the five v4.0 columns. Reads only the needed columns in bulk through the column map, one pass
 * to aggregate, one bulk write under the document lock — a constant number of calls.
 */

import { refuseDuplicates, writeColumns } from '../adapters/columnAccess';
import { withDocumentLock } from '../adapters/lock';
import { errorMessage, SchemaError } from '../core/errors';
import type { ManagedSheet, UnionMetricsSource } from '../core/schema';
import { describeUnionMetrics } from '../core/summary';
import { aggregateUnions, countChangedRows, duplicateKeys, metricsRows } from '../core/unionMetrics';
import type { UnionMetricsReport } from '../shared/payloads';
import type { ExecutionContext } from './context';
import { readNeededColumns, writeMetricRows } from './metricsIo';

const EXAMPLES = 10;

export function previewUnionMetrics(context: ExecutionContext): UnionMetricsReport {
  return computeMetrics(context).report;
}

export function recomputeUnionMetrics(context: ExecutionContext): UnionMetricsReport {
  return withDocumentLock(context.services, () => {
    const { report, write } = computeMetrics(context);
    const started = context.services.now() - report.durationMs;
    if (report.rowsChanged > 0) write();
    const done: UnionMetricsReport = {
      ...report,
      status: report.rowsChanged > 0 ? 'applied' : 'unchanged',
      durationMs: context.services.now() - started,
    };
    return { ...done, summary: describeUnionMetrics(done) };
  });
}

function metricsSheet(context: ExecutionContext): { managed: ManagedSheet; source: UnionMetricsSource } {
  const managed = context.declaration.managedSheets.find((m) => m.unionMetrics !== undefined);
  if (managed?.unionMetrics === undefined) throw new Error('No managed sheet declares unionMetrics.');
  return { managed, source: managed.unionMetrics };
}

function computeMetrics(context: ExecutionContext): { report: UnionMetricsReport; write: () => void } {
  const started = context.services.now();
  const { managed, source } = metricsSheet(context);
  const spreadsheet = context.spreadsheet();
  const maps = context.columnMaps();
  const spoolSheet = requireSheet(spreadsheet, managed.sheet);
  const unionSheet = requireSheet(spreadsheet, source.sheet);
  const targets = [...source.targetColumns];
  requireMetricColumns(context, spoolSheet, targets);
  const spools = readNeededColumns(spoolSheet, [source.keyColumn, ...targets], maps);
  const unions = readNeededColumns(
    unionSheet,
    [source.keyColumn, source.armDoneColumn, source.soldDoneColumn, source.diameterColumn],
    maps,
  );
  const spoolKeys = spools.columns[source.keyColumn];
  const aggregation = aggregateUnions(
    {
      keys: unions.columns[source.keyColumn],
      armDone: unions.columns[source.armDoneColumn],
      soldDone: unions.columns[source.soldDoneColumn],
      diameters: unions.columns[source.diameterColumn],
      firstDataRow: unions.firstRow,
    },
    spoolKeys,
  );
  const next = metricsRows(spoolKeys, aggregation);
  const current = spoolKeys.map((_, i) => targets.map((name) => spools.columns[name][i]));
  const duplicates = duplicateKeys(spoolKeys, spools.firstRow);
  const report: UnionMetricsReport = {
    status: 'preview',
    sheet: managed.sheet,
    unionSheet: source.sheet,
    spoolRows: spools.rows,
    unions: unions.rows,
    rowsChanged: countChangedRows(current, next),
    orphans: aggregation.orphans,
    badDiameters: aggregation.badDiameters,
    blankKeys: { count: aggregation.blankKeys.count, rows: aggregation.blankKeys.rows.slice(0, EXAMPLES) },
    duplicateSpools: { count: duplicates.length, examples: duplicates.slice(0, EXAMPLES) },
    durationMs: context.services.now() - started,
    summary: '',
  };
  return {
    report: { ...report, summary: describeUnionMetrics(report) },
    write: () =>
      writeOrPutBack({
        write: () => writeMetricRows({ sheet: spoolSheet, names: targets, current, next, maps }),
        // Every row back to what was read (only on failure): a run that never landed gets its own values again.
        putBack: () => writeColumns(spoolSheet, targets, current, maps),
        sheet: managed.sheet,
        targets,
      }),
  };
}

/**
 * Metric columns are found by name, so they need not be adjacent: the write is then one setValues
 * per run of adjacent columns, and a failure after the first run landed would leave the columns
 * half rewritten. On failure every run is written back with the values read before (a run that
 * never landed gets its own values again: harmless), so the five columns are as they were.
 */
function writeOrPutBack(w: {
  write: () => void;
  putBack: () => void;
  sheet: string;
  targets: readonly string[];
}): void {
  try {
    w.write();
  } catch (error) {
    const columns = w.targets.join(', ');
    const cause = errorMessage(error);
    const head = `Sheet Schema: writing the union metrics to "${w.sheet}" failed (${cause})`;
    const params = { sheet: w.sheet, columns, cause };
    try {
      w.putBack();
    } catch (putBackError) {
      const putBackCause = errorMessage(putBackError);
      throw new SchemaError(
        'METRICS_WRITE_FAILED',
        `${head}, and the columns ${columns} could not all be put back (${putBackCause}): some may hold the new values. Run "Recompute union metrics" again: it rewrites all of them from "Uniones".`,
        { ...params, putBack: 'no', putBackCause },
      );
    }
    throw new SchemaError(
      'METRICS_WRITE_FAILED',
      `${head}; the columns ${columns} were put back as they were, so nothing changed. Try again in a minute.`,
      { ...params, putBack: 'yes', putBackCause: '' },
    );
  }
}

function requireSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet.getSheetByName(name);
  if (sheet === null)
    throw new SchemaError(
      'SHEET_NOT_FOUND',
      `Sheet "${name}" was not found, so union metrics cannot be computed. Nothing was written.`,
      { sheet: name },
    );
  return sheet;
}

/** Missing v4.0 columns mean the schema is behind: say so (the menu offers to extend it first). */
function requireMetricColumns(
  context: ExecutionContext,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  targets: readonly string[],
): void {
  const maps = context.columnMaps();
  const missingIn = (columns: Readonly<Record<string, number>>) =>
    targets.filter((name) => columns[name] === undefined);
  if (missingIn(maps.getOrBuild(sheet).columns).length === 0) return;
  const rebuilt = maps.rebuild(sheet);
  refuseDuplicates(sheet, rebuilt, targets);
  const missing = missingIn(rebuilt.columns);
  if (missing.length === 0) return;
  throw new SchemaError(
    'METRICS_COLUMNS_MISSING',
    `"${sheet.getName()}" does not have the v4.0 column${missing.length === 1 ? '' : 's'} ${missing.join(', ')} yet. Run "Extend schema" first, then recompute. Nothing was written.`,
  );
}
