/** What every benchmark table shares: the table shape and the number formats of its cells. */
import type { Cost } from './measure';
import type { SizeResult } from './results';

export interface Table {
  readonly title: string;
  readonly headers: readonly string[];
  /** 'l' or 'r' per column. */
  readonly align: string;
  readonly rows: ReadonlyArray<readonly string[]>;
  readonly notes?: readonly string[];
}

export const fmt = (n: number): string => n.toLocaleString('en-US');
export const ms = (n: number): string =>
  `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toString()} ms`;

export function sizeLabel(s: Pick<SizeResult, 'spools' | 'ceiling'>): string {
  return s.ceiling ? `${fmt(s.spools)} (10M ceiling)` : fmt(s.spools);
}

export function costCells(cost: Cost): string[] {
  return [
    fmt(cost.spreadsheetCalls),
    fmt(cost.cellsRead),
    fmt(cost.cellsWritten),
    fmt(cost.cellsChanged),
    fmt(cost.cacheCalls),
  ];
}
