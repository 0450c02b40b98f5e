/**
 * The schema check (hourly and on demand): reads, compares, records. Its follow-ups (auto-repair,
 * union metrics) are in checkFollowUps.ts, its schedule in scheduleService.ts, the time-driven run
 * in scheduledCheck.ts and the trigger-driven column-map invalidation in cacheFreshness.ts.
 *
 * A check reads two things per managed sheet — getLastColumn() and the header row — compares them
 * with the declaration and the previous check (src/core/drift.ts), drops a cached column map the
 * header no longer matches, checks the sheet rules of declared columns found by identity on that
 * same header read (src/server/ruleCheck.ts: validation, protection, format, note — a constant
 * number of calls more), and records the result
 * (src/adapters/checkState.ts). It never reads
 * data rows and never writes to the spreadsheet, except auto-repair: when the user turned it on
 * and the only thing found is pending migrations, it runs the normal apply (lock, re-plan,
 * history, rollback). Nothing is ever deleted or renamed automatically.
 */

import { ApplyJournal } from '../adapters/applyJournal';
import { CheckStateStore, readCheckSettings } from '../adapters/checkState';
import { readHistory } from '../adapters/history';
import { readIdentityTags, type SheetMetadata } from '../adapters/identityTags';
import { CallMeter } from '../adapters/meter';
import { ScheduleRecords } from '../adapters/triggers';
import { blankDefaultsFinding } from '../core/blankDefaults';
import { describeSheetCheck } from '../core/checkResult';
import { headerFingerprint } from '../core/columnMap';
import { detectDrift, missingSheetDrift, type SheetBaseline, type SheetDrift } from '../core/drift';
import { worstStatus } from '../core/driftCodes';
import { errorMessage } from '../core/errors';
import { finding } from '../core/finding';
import { analyseHeaders } from '../core/headers';
import { type ColumnTag, type IdentityResolution, resolveIdentities } from '../core/identity';
import { declaredColumns, type ManagedSheet } from '../core/schema';
import { interruptedFinding, unfinishedApply } from '../core/unfinishedApply';
import type { CheckResult, Finding, SheetCheck } from '../shared/payloads';
import { autoRepair, metricsInCheck, metricsLine, repairLine } from './checkFollowUps';
import type { ExecutionContext } from './context';
import { withRuleDrift } from './ruleCheck';
import { checkSources } from './sourceCheck';

interface SheetsChecked {
  readonly sheets: SheetCheck[];
  /** Source sheets (Uniones): reported, never a reason to skip auto-repair. */
  readonly sources: SheetCheck[];
  readonly baselines: Record<string, SheetBaseline>;
  readonly calls: number;
}

/**
 * Runs one check of every managed sheet, auto-repairs if allowed, recomputes the union metrics if
 * asked, records and returns the result.
 */
export function runCheck(context: ExecutionContext, trigger: CheckResult['trigger']): CheckResult {
  const started = context.services.now();
  const spreadsheetId = context.spreadsheet().getId();
  const store = new CheckStateStore(context.services.propertiesService, spreadsheetId);
  const settings = readCheckSettings(context.services.propertiesService, spreadsheetId);
  const first = withUnfinishedApply(context, checkSheets(context, store.read()?.baselines ?? {}));
  const repair = autoRepair(context, toRepair(first), settings.autoRepair);
  // After a repair, check again so the recorded result and baseline show the repaired sheet.
  const final = repair.outcome === 'applied' ? mergeInvalidations(checkSheets(context, first.baselines), first) : first;
  const sheets = [...final.sheets, ...final.sources];
  const status = worstStatus(sheets.map((s) => s.status));
  const metrics = metricsInCheck(context, status, settings.recomputeMetrics);
  const result: CheckResult = {
    checkedAt: context.isoNow(),
    trigger,
    status,
    summary: [...sheets.map(describeSheetCheck), ...repairLine(repair), ...metricsLine(metrics)].join('\n'),
    sheets,
    findingsOmitted: 0,
    autoRepair: repair,
    metrics,
    spreadsheetCalls: first.calls,
    durationMs: context.services.now() - started,
  };
  const scheduled =
    new ScheduleRecords(context.services.propertiesService.getUserProperties()).get(spreadsheetId) !== null;
  store.write({ result, baselines: final.baselines }, scheduled || trigger === 'schedule');
  return result;
}

/**
 * Headers alone cannot show an apply stopped mid-way (headers written, defaults not; or every
 * write done but no history row): its in-progress marker does. When one is set, history is read
 * (only then: a few more calls) to tell a finished run from an unfinished one, and the sheets it
 * touched are reported pending — which auto-repair completes like any pending migration.
 */
function withUnfinishedApply(context: ExecutionContext, checked: SheetsChecked): SheetsChecked {
  const journal = new ApplyJournal(context.services.propertiesService, context.spreadsheet().getId()).read();
  if (journal === null) return checked;
  const meter = new CallMeter();
  const history = readHistory(context.spreadsheet(), meter, { previewOnly: false, checkShape: true, entries: true });
  const unfinished = unfinishedApply({ interrupted: journal, history: history.entries, historyShape: history.shape });
  if (unfinished === null) return { ...checked, calls: checked.calls + meter.calls };
  const mark = (sheet: SheetCheck): SheetCheck =>
    unfinished.migrations.some((m) => m.sheet === sheet.sheet)
      ? {
          ...sheet,
          status: worstStatus([sheet.status, 'pending']),
          findings: [interruptedFinding(unfinished, sheet.sheet), ...sheet.findings],
        }
      : sheet;
  return {
    ...checked,
    sheets: checked.sheets.map(mark),
    sources: checked.sources.map(mark),
    calls: checked.calls + meter.calls,
  };
}

/**
 * What auto-repair decides on: the managed sheets, and a source sheet an unfinished apply tagged
 * without recording (pending whatever else it reports: completing it writes only its history row).
 */
function toRepair(checked: SheetsChecked): SheetCheck[] {
  const unrecorded = checked.sources
    .filter((s) => s.findings.some((f) => f.code === 'INTERRUPTED_APPLY'))
    .map((s): SheetCheck => ({ ...s, status: 'pending' }));
  return [...checked.sheets, ...unrecorded];
}

function checkSheets(context: ExecutionContext, previous: Readonly<Record<string, SheetBaseline>>): SheetsChecked {
  const meter = new CallMeter();
  const tags = readTagsForCheck(context, meter);
  const checked: SheetsChecked = { sheets: [], sources: [], baselines: { ...previous }, calls: 0 };
  const resolutions = new Map<string, IdentityResolution>();
  for (const managed of context.declaration.managedSheets) {
    const sheetTags = tags === null ? null : (tags.get(managed.sheet)?.tags ?? []);
    const read = checkSheet(context, managed, previous[managed.sheet] ?? null, meter, sheetTags);
    const { drift, mapInvalidated } = read;
    if (read.resolution !== null) resolutions.set(managed.sheet, read.resolution);
    checked.sheets.push({
      sheet: managed.sheet,
      status: drift.status,
      findings: drift.findings,
      headerChanged: drift.headerChanged,
      mapInvalidated,
    });
    if (drift.baseline !== null) checked.baselines[managed.sheet] = drift.baseline;
  }
  const sheets = withRuleDrift(context, checked.sheets, { meter, resolutions });
  return { ...checked, sheets, sources: checkSources(context, tags, meter), calls: meter.calls };
}

/** One find() for the whole spreadsheet; null when it fails (the check then compares headers only). */
function readTagsForCheck(context: ExecutionContext, meter: CallMeter): Map<string, SheetMetadata> | null {
  try {
    return readIdentityTags(context.spreadsheet(), meter);
  } catch {
    return null;
  }
}

interface SheetChecked {
  readonly drift: SheetDrift;
  readonly mapInvalidated: boolean;
  /** The declared columns resolved on the header row just read (null when none was read). */
  readonly resolution: IdentityResolution | null;
}

/**
 * At most two Spreadsheet calls: the data extent and, in one read, the header row with the first
 * data row (none at all for a missing sheet). The first data row shows an apply stopped after its
 * headers landed even when its in-progress marker is out of reach (src/core/blankDefaults.ts).
 */
function checkSheet(
  context: ExecutionContext,
  managed: ManagedSheet,
  previous: SheetBaseline | null,
  meter: CallMeter,
  tags: readonly ColumnTag[] | null,
): SheetChecked {
  const sheet = context.spreadsheet().getSheetByName(managed.sheet);
  if (sheet === null)
    return {
      drift: missingSheetDrift(managed, previous),
      mapInvalidated: invalidateMap(context, managed, null, 0),
      resolution: null,
    };
  try {
    const { headers, lastColumn, firstDataRow } = readHeaderRows(sheet, managed.headerRow, meter);
    const drift = detectDrift(managed, headers, lastColumn, previous, tags);
    const analysis = analyseHeaders(headers);
    return {
      drift: withBlankDefaults(drift, blankDefaultsFinding(managed, analysis, firstDataRow)),
      mapInvalidated: invalidateMap(context, managed, headers, lastColumn),
      // Resolved as drift resolves them (declared columns, tag first), for the rule check's columns.
      resolution: resolveIdentities(
        declaredColumns(managed).map((c) => c.name),
        headers,
        analysis,
        tags ?? [],
      ),
    };
  } catch (error) {
    const message = `Could not read row ${managed.headerRow} of "${managed.sheet}": ${errorMessage(error)}. The next check tries again.`;
    return {
      drift: {
        status: 'error',
        findings: [
          finding('CHECK_FAILED', message, managed.sheet, {
            sheet: managed.sheet,
            row: managed.headerRow,
            cause: errorMessage(error),
          }),
        ],
        headerFingerprint: null,
        headerChanged: null,
        baseline: previous,
      },
      mapInvalidated: false,
      resolution: null,
    };
  }
}

/**
 * Drops the cached column map when the header row it was built from is not the one just read
 * (compared by fingerprint and width, without any Spreadsheet call). Without a document context
 * only the script-cache copy is reachable; the document-cache copy is covered by the change and
 * edit triggers and by the map's own checks on use (see README "Scheduled checks").
 */
function invalidateMap(
  context: ExecutionContext,
  managed: ManagedSheet,
  headers: readonly unknown[] | null,
  lastColumn: number,
): boolean {
  const maps = context.columnMaps();
  const cached = maps.peek(managed.sheet);
  if (cached === null) return false;
  const same =
    headers !== null &&
    cached.headerRow === managed.headerRow &&
    cached.lastColumn === lastColumn &&
    cached.headerFingerprint === headerFingerprint(headers);
  if (same) return false;
  maps.invalidate(managed.sheet);
  return true;
}

function readHeaderRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  headerRow: number,
  meter: CallMeter,
): { headers: unknown[]; lastColumn: number; firstDataRow: unknown[] | null } {
  const extent = meter.call(() => sheet.getDataRange());
  const rows = extent.getNumRows();
  const columns = extent.getNumColumns();
  if (rows < headerRow) return { headers: [], lastColumn: 0, firstDataRow: null };
  const count = rows > headerRow ? 2 : 1;
  const values = meter.read(() => sheet.getRange(headerRow, 1, count, columns).getValues());
  // getDataRange() of an empty sheet is A1: a blank 1×1 extent means no content at all.
  if (rows === 1 && columns === 1 && values[0][0] === '') return { headers: [], lastColumn: 0, firstDataRow: null };
  return { headers: values[0], lastColumn: columns, firstDataRow: values[1] ?? null };
}

/** Blank defaults are pending work, only worth reporting on a sheet without drift or errors. */
function withBlankDefaults(drift: SheetDrift, blank: Finding | null): SheetDrift {
  if (blank === null || drift.status === 'drift' || drift.status === 'error') return drift;
  return { ...drift, status: 'pending', findings: [...drift.findings, blank] };
}

function mergeInvalidations(after: SheetsChecked, before: SheetsChecked): SheetsChecked {
  return {
    ...after,
    sheets: after.sheets.map((s, i) => ({ ...s, mapInvalidated: s.mapInvalidated || before.sheets[i].mapInvalidated })),
    calls: before.calls,
  };
}
