/** The README's chart: Spreadsheet calls and values sent vs rows, ours vs the two baselines. */
import { renderChart, type Series } from './chart';
import type { BenchResults, SizeResult } from './results';

export function benchmarkChart(results: BenchResults): string {
  const points = (pick: (s: SizeResult) => number) => results.sizes.map((s) => ({ x: s.spools, y: pick(s) }));
  const series = (metric: 'spreadsheetCalls' | 'cellsWritten'): Series[] => [
    {
      name: '(a) per-cell setValue loop',
      color: '#d1495b',
      marker: 'square',
      points: points((s) => s.perCell.cost[metric]),
    },
    {
      name: '(b) one full-matrix setValues',
      color: '#8d6a9f',
      marker: 'triangle',
      dash: '7 4',
      points: points((s) => s.fullMatrix.cost[metric]),
    },
    {
      name: 'Sheet Schema: first apply (creates history sheet)',
      color: '#66a182',
      marker: 'diamond',
      dash: '3 3',
      width: 1.6,
      points: points((s) => s.applyFirst.cost[metric]),
    },
    {
      name: 'Sheet Schema: apply, history present',
      color: '#00798c',
      marker: 'circle',
      width: 2.8,
      points: points((s) => s.applySteady.cost[metric]),
    },
  ];
  const ceiling = results.sizes.find((s) => s.ceiling);
  return renderChart({
    title: 'Adding the five v4.0 columns (default 0) to a v3.0 sheet',
    subtitle:
      'Measured on the Apps Script emulator, log–log. Sheet Schema stays flat; (a) and (b) send one value per cell, so they coincide in the right panel.',
    xLabel: 'data rows (log scale)',
    panels: [
      { title: 'Spreadsheet calls (round trips)', yLabel: 'calls (log scale)', series: series('spreadsheetCalls') },
      { title: 'Cells written (values sent)', yLabel: 'values sent (log scale)', series: series('cellsWritten') },
    ],
    verticals: ceiling === undefined ? [] : [{ x: ceiling.spools, label: '10M-cell ceiling' }],
    footnote: `npm run bench, ${results.generatedAt.slice(0, 10)}: ${results.sizes.map((s) => s.spools.toLocaleString('en-US')).join(' / ')} rows (the last is the 10,000,000-cell ceiling). Data: docs/benchmark/results.json`,
  });
}
