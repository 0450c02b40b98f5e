/** The benchmark's tables, as padded text for stdout and as Markdown for docs/benchmark.md. */
import { applyTable, blankFillTable, ceilingTable, previewTable } from './applyTables';
import { checkTable, columnMapTable, metricsTable } from './checkTables';
import { formatDuration } from './estimates';
import type { BenchResults } from './results';
import { fmt, type Table } from './tableFormat';

function targetsTable(r: BenchResults): Table {
  const mark = { pass: 'PASS', fail: 'FAIL', 'not measured': 'NOT MEASURED' } as const;
  return {
    title: 'Targets',
    headers: ['', 'target', 'measured'],
    align: 'lll',
    rows: r.targets.map((t) => [
      mark[t.status],
      t.target,
      t.note === undefined ? t.measured : `${t.measured} — ${t.note}`,
    ]),
  };
}

export function tables(r: BenchResults): Table[] {
  return [
    applyTable(r),
    previewTable(r),
    columnMapTable(r),
    checkTable(r),
    metricsTable(r),
    blankFillTable(r),
    ceilingTable(r),
    targetsTable(r),
  ];
}

export function textTable(t: Table): string {
  const widths = t.headers.map((h, i) => Math.max(h.length, ...t.rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (t.align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [
    `\n${t.title}`,
    line(t.headers),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...t.rows.map(line),
    ...(t.notes ?? []).map((n) => `  · ${n}`),
  ];
  return out.join('\n');
}

export function markdownTable(t: Table): string {
  const escapeCell = (c: string) => c.replace(/\|/g, '\\|');
  const sep = t.headers.map((_, i) => (t.align[i] === 'r' ? '---:' : '---'));
  return [
    `#### ${t.title}`,
    '',
    `| ${t.headers.map(escapeCell).join(' | ')} |`,
    `| ${sep.join(' | ')} |`,
    ...t.rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
    ...(t.notes === undefined || t.notes.length === 0 ? [] : ['', ...t.notes.map((n) => `- ${n}`)]),
  ].join('\n');
}

export function bundleLine(r: BenchResults): string {
  const b = r.bundle;
  if (!b.ran) return `Bundle cross-check skipped: ${b.reason}.`;
  return `Bundle cross-check: dist/Code.js run through google.script.run semantics at ${fmt(b.spools)} rows — preview ${b.preview.spreadsheetCalls} and apply ${b.apply.spreadsheetCalls} Spreadsheet calls, ${b.matchesInProcess ? 'the same counts as in-process' : 'COUNTS DIFFER from in-process (is dist/ stale? npm run build)'}.`;
}

export function headline(r: BenchResults): string {
  const big = r.sizes[r.sizes.length - 1];
  return `At ${fmt(big.spools)} rows: ours ${big.applySteady.cost.spreadsheetCalls} Spreadsheet calls / ${fmt(big.applySteady.cost.cellsWritten)} values sent (${formatDuration(big.applySteady.ms)} on the emulator); (a) ${fmt(big.perCell.cost.spreadsheetCalls)} calls; (b) ${big.fullMatrix.cost.spreadsheetCalls} calls / ${fmt(big.fullMatrix.cost.cellsWritten)} values sent.`;
}
