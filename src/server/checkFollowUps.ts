/**
 * What a check does after reading, when the user turned it on: auto-repair (the normal apply of
 * pending migrations) and the union-metrics recompute — and the summary lines they add.
 */

import { worstStatus } from '../core/driftCodes';
import { errorMessage, SchemaError } from '../core/errors';
import type { AutoRepairReport, CheckResult, MetricsInCheckReport, SheetCheck } from '../shared/payloads';
import type { ExecutionContext } from './context';
import { withLiveCheckNote } from './liveMetricsToggle';
import { autoRepairSchema } from './schemaService';
import { recomputeUnionMetrics } from './unionMetricsService';

/** Applies pending migrations only when that is all the check found and the user turned auto-repair on. */
export function autoRepair(
  context: ExecutionContext,
  sheets: readonly SheetCheck[],
  enabled: boolean,
): AutoRepairReport {
  const status = worstStatus(sheets.map((s) => s.status));
  if (!enabled) return { outcome: 'off', message: 'Auto-repair is off.', columnsAdded: [] };
  if (status === 'ok') return { outcome: 'not-needed', message: 'Nothing to repair.', columnsAdded: [] };
  if (status !== 'pending') {
    return {
      outcome: 'skipped',
      message:
        'Auto-repair skipped: the check found drift or errors, and auto-repair only adds pending columns to an otherwise intact sheet. Fix the findings, then run "Extend schema".',
      columnsAdded: [],
    };
  }
  try {
    const applied = autoRepairSchema(context, { actorNote: 'hourly check auto-repair' });
    return {
      outcome: applied.status === 'applied' ? 'applied' : 'not-needed',
      message: applied.summary,
      columnsAdded: applied.columnsAdded,
    };
  } catch (error) {
    const coded = error instanceof SchemaError ? { code: error.code, params: error.params } : {};
    return {
      outcome: 'failed',
      message: `Auto-repair failed: ${errorMessage(error)}`,
      columnsAdded: [],
      params: { cause: errorMessage(error) },
      ...coded,
    };
  }
}

/**
 * The union metrics, recomputed after the check when the user asked for it — a bulk read of the
 * columns it needs and one write, under the same lock as any recompute. Skipped when the check
 * found errors (a missing sheet, no header row): the recompute would only fail on them.
 */
export function metricsInCheck(
  context: ExecutionContext,
  status: CheckResult['status'],
  enabled: boolean,
): MetricsInCheckReport {
  if (!enabled) return { outcome: 'off', message: 'Union metrics are not recomputed by the check.', rowsChanged: 0 };
  if (status === 'error')
    return {
      outcome: 'skipped',
      message: 'Union metrics not recomputed: the check found errors to fix first.',
      rowsChanged: 0,
    };
  try {
    const report = recomputeUnionMetrics(context);
    return withLiveCheckNote(context, {
      outcome: report.status === 'applied' ? 'applied' : 'unchanged',
      message: report.summary,
      rowsChanged: report.rowsChanged,
    });
  } catch (error) {
    return { outcome: 'failed', message: `Union metrics not recomputed: ${errorMessage(error)}`, rowsChanged: 0 };
  }
}

export function metricsLine(metrics: MetricsInCheckReport): string[] {
  return metrics.outcome === 'off'
    ? []
    : [
        metrics.outcome === 'applied' || metrics.outcome === 'unchanged'
          ? metrics.message.split('\n')[0]
          : metrics.message,
      ];
}

export function repairLine(repair: AutoRepairReport): string[] {
  if (repair.outcome === 'applied') return [`Auto-repair: ${repair.message.split('\n').join(' ')}`];
  return repair.outcome === 'failed' || repair.outcome === 'skipped' ? [repair.message] : [];
}
