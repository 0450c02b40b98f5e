/** The read-side tables: the cached column map, the hourly check, the union metrics. */
import type { Cost } from './measure';
import type { BenchResults } from './results';
import { fmt, ms, sizeLabel, type Table } from './tableFormat';

export function columnMapTable(r: BenchResults): Table {
  const m = r.sizes[0].columnMap;
  const same = r.sizes.every((s) => JSON.stringify(s.columnMap) === JSON.stringify(m));
  const row = (name: string, c: Cost): string[] => [name, fmt(c.spreadsheetCalls), fmt(c.cellsRead), fmt(c.cacheCalls)];
  return {
    title: 'Column map (header → column) lookups',
    headers: ['lookup', 'Spreadsheet calls', 'cells read', 'cache calls'],
    align: 'lrrr',
    rows: [
      row('miss (cold cache): one header-row read, then put', m.miss),
      row('hit (new execution, map in CacheService)', m.hit),
      row('10 repeat lookups in the same execution (total)', m.repeat),
    ],
    notes: [
      same ? `Identical at ${r.sizes.map(sizeLabel).join(', ')} rows.` : 'Differs between sizes: see results.json.',
    ],
  };
}

export function checkTable(r: BenchResults): Table {
  const first = r.sizes[0].check;
  if (!first.measured) {
    return {
      title: 'Scheduled (hourly) check, nothing changed',
      headers: ['rows', 'result'],
      align: 'rl',
      rows: [['all', `NOT YET MEASURED — ${first.reason}`]],
    };
  }
  return {
    title: 'Scheduled (hourly) check, nothing changed since the previous check',
    headers: [
      'rows',
      'Spreadsheet calls per run',
      'of which openById',
      'per managed sheet',
      'cells read',
      'cache calls',
      'status',
    ],
    align: 'rrrrrrl',
    rows: r.sizes.map((s) =>
      s.check.measured
        ? [
            sizeLabel(s),
            fmt(s.check.cost.spreadsheetCalls),
            fmt(s.check.openCalls),
            fmt(s.check.callsPerSheet),
            fmt(s.check.cost.cellsRead),
            fmt(s.check.cost.cacheCalls),
            s.check.status,
          ]
        : [sizeLabel(s), `not measured: ${s.check.reason}`, '', '', '', '', ''],
    ),
    notes: [`Path: ${first.path}. ${first.managedSheets} managed sheet (Operaciones).`],
  };
}

export function metricsTable(r: BenchResults): Table {
  const { sizes, aggregation } = r.unionMetrics;
  return {
    title: 'Union metrics: recomputeUnionMetrics (reads Operaciones + Uniones, writes the five columns)',
    headers: [
      'spools',
      'unions',
      'calls (cold column maps)',
      'cells read',
      'cells written',
      'calls (maps cached)',
      'cache calls (cold / cached)',
      'emulator wall time (median, cold)',
    ],
    align: 'rrrrrrrr',
    rows: sizes.map((s) => [
      fmt(s.spools),
      fmt(s.unions),
      fmt(s.cold.cost.spreadsheetCalls),
      fmt(s.cold.cost.cellsRead),
      fmt(s.cold.cost.cellsWritten),
      fmt(s.warm.spreadsheetCalls),
      `${s.cold.cost.cacheCalls} / ${s.warm.cacheCalls}`,
      ms(s.cold.ms),
    ]),
    notes: [
      `Unions per spool: ${sizes.map((s) => `${s.unionsPerSpool[0]}–${s.unionsPerSpool[1]} at ${fmt(s.spools)}`).join(', ')}. At 100,000 spools, ~5 unions a spool (500k × 16 columns = 8M cells) plus Operaciones (7.2M) would exceed the 10M-cell limit, so that size uses 1–2.`,
      `CPU of aggregateUnions + metricsRows, ${fmt(aggregation.unions)} unions × ${fmt(aggregation.spools)} spools: ${ms(aggregation.ms)} median of ${aggregation.msRuns.length} runs (after 2 warm-ups), Node ${process.versions.node} on this machine.`,
    ],
  };
}
