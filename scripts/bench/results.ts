/** The shape of docs/benchmark/results.json. */

import type { BlankFillRun } from './blankFill';
import type { BundleCheck } from './bundle';
import type { CheckMeasurement } from './check';
import type { EmulatorSpeed } from './emulatorSpeed';
import type { LatencySource, TimeEstimate } from './estimates';
import type { LiveRun } from './liveMetrics';
import type { Repeated } from './measure';
import type { ApplyRun, ColumnMapCosts, FirstApplyOverflow, RefusedAtCeiling } from './ours';
import type { SourceSheetCosts } from './sourceSheets';
import type { AggregationCpu, MetricsRun } from './unionMetrics';

export interface SizeResult {
  /** Data rows of Operaciones (spools); the grid is rows + 1 × 67. */
  readonly spools: number;
  /** The 10-million-cell ceiling size. */
  readonly ceiling: boolean;
  /** Dry run with no history sheet yet / with one. */
  readonly previewFirst: Repeated;
  readonly previewSteady: Repeated;
  /** First apply in the spreadsheet: also creates the hidden `_schema_history` sheet. */
  readonly applyFirst: ApplyRun;
  /** Apply with `_schema_history` present (every apply after the first): the steady state. */
  readonly applySteady: ApplyRun;
  /** Baseline (a): per-cell setValue loop. */
  readonly perCell: Repeated;
  /** Baseline (b): one full-matrix setValues. */
  readonly fullMatrix: Repeated;
  readonly columnMap: ColumnMapCosts;
  /** Scheduled check on the applied (up-to-date) workbook, nothing changed since the previous check. */
  readonly check: CheckMeasurement;
  /** ESTIMATES: Spreadsheet calls × published per-call latency. */
  readonly estimates: Readonly<Record<'applyFirst' | 'applySteady' | 'perCell' | 'fullMatrix', TimeEstimate>>;
}

export type TargetStatus = 'pass' | 'fail' | 'not measured';

export interface TargetResult {
  readonly id: string;
  readonly target: string;
  readonly measured: string;
  readonly status: TargetStatus;
  readonly note?: string;
}

export interface BenchResults {
  readonly generatedAt: string;
  readonly command: string;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGb: number;
    readonly os: string;
    readonly node: string;
  };
  readonly method: {
    readonly runner: string;
    readonly runs: {
      readonly apply: number;
      readonly applyFirst: number;
      readonly baselines: number;
      readonly unionMetrics: number;
      readonly aggregation: number;
      readonly emulator?: number;
    };
    readonly counters: string;
    readonly time: string;
  };
  readonly estimates: {
    readonly low: LatencySource;
    readonly high: LatencySource;
    readonly formula: string;
    readonly notModelled: string;
  };
  readonly sizes: readonly SizeResult[];
  /** Preview, apply and check with Uniones (source-sheet identity); absent in results written before it. */
  readonly sourceSheets?: readonly SourceSheetCosts[];
  /** null in --quick runs. */
  readonly ceiling: {
    readonly spools: number;
    readonly workbookCellsAfterApply: number;
    readonly oneRowMore: RefusedAtCeiling;
    /** A finding about src/, not a target: see docs/benchmark.md. */
    readonly firstApplyWithoutHistory: FirstApplyOverflow;
  } | null;
  readonly unionMetrics: { readonly sizes: readonly MetricsRun[]; readonly aggregation: AggregationCpu };
  /** Live union metrics at 1,000 / 10,000 / 100,000 unions (scripts/bench/liveMetrics.ts). */
  readonly liveMetrics: readonly LiveRun[];
  /** Scattered blank fills (every other row blank in the five v4.0 columns). */
  readonly blankFill: readonly BlankFillRun[];
  readonly bundle: BundleCheck;
  /** Absent in results written before it was measured. */
  readonly emulator?: EmulatorSpeed;
  readonly targets: readonly TargetResult[];
  readonly totalSeconds: number;
}
