/**
 * JSON-only payloads exchanged between the server bundle and the sidebar through
 * google.script.run. No Date, Map or class instance may appear here: google.script.run turns a
 * result holding a Date into null. Times travel as ISO-8601 strings.
 */
import type { CellDefault, ColumnType } from '../core/schema';
import type { SheetText } from '../core/sheetText';

/**
 * Why the server refused (or failed) a sidebar call it answers in its sidebar form: the sidebar
 * decides and words it from `code` and `params` (never from `message`, the server's English
 * sentence, kept for the log). STALE_PLAN: the sheet changed since the preview; BLOCKED: problems
 * to fix first ({n}); BUSY: another change holds the lock; METRICS_COLUMNS_MISSING: the union metric
 * columns are not there yet; APPLY_FAILED: the apply failed and was undone or not ({sheet}, {cause},
 * {undone}, {rollbackCause}); METRICS_WRITE_FAILED: the metrics write failed ({sheet}, {columns},
 * {cause}, {putBack}, {putBackCause}). A cause is the platform's own text.
 */
export type RefusalCode =
  | 'STALE_PLAN'
  | 'BLOCKED'
  | 'BUSY'
  | 'METRICS_COLUMNS_MISSING'
  | 'APPLY_FAILED'
  | 'METRICS_WRITE_FAILED';

export interface Refusal {
  readonly status: 'refused';
  readonly code: RefusalCode;
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type PlanStatus = 'up-to-date' | 'changes' | 'blocked';

export interface Finding {
  /** Machine-readable kind, e.g. DUPLICATE_HEADER. */
  readonly code: string;
  /** Plain-language sentence naming the sheet, cell or column. */
  readonly message: string;
  /** A1 reference the finding concerns, e.g. `Operaciones!BP1`, when there is one. */
  readonly location: string | null;
  /** Structured values the message is built from (cells, names, texts, counts), for a message catalogue. */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A column the apply tags with its identity: right after creating it, or an existing exact-header one (adopted). */
export interface PlannedTag {
  readonly identity: string;
  /** The migration declaring the column; null for a column only union metrics read (e.g. the key). */
  readonly migrationId: string | null;
  readonly index: number;
  readonly letter: string;
  readonly reason: 'created' | 'adopted';
}

/** A data-validation rule as plain data (criteria and values as SpreadsheetApp reports them). */
export interface RuleSpec {
  readonly criteria: string;
  readonly args: ReadonlyArray<string | number | boolean | readonly string[]>;
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

/** Something the apply sets in the sheet for a declared column: validation, note, protection, format. */
export type PlannedRuleChange = {
  readonly migrationId: string;
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  /** 'new': a column this apply adds; 'missing'/'changed': restored on an existing column. */
  readonly reason: 'new' | 'missing' | 'changed';
} & (
  | {
      readonly kind: 'validation';
      readonly rule: RuleSpec;
      /** Set when only rows below the rule's range lack it: the grid's last row, which it does not cover. */
      readonly uncoveredRow?: number;
    }
  | { readonly kind: 'note'; readonly note: string }
  | { readonly kind: 'protection'; readonly description: string }
  | { readonly kind: 'numberFormat'; readonly numberFormat: string }
);

export interface PlannedColumn {
  readonly migrationId: string;
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  readonly type: ColumnType;
  readonly default: CellDefault;
  readonly numberFormat: string;
  /** Data rows that receive the default (0 on a header-only sheet or when default is null). */
  readonly rowsInitialised: number;
}

export interface PlannedBlankFill {
  readonly migrationId: string;
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  readonly default: CellDefault;
  /** Blank data cells of an existing managed column that receive the default. */
  readonly cells: number;
  /** Row runs written, e.g. [[2, 40], [57, 57]] (inclusive, sheet rows). */
  readonly rowRuns: ReadonlyArray<readonly [number, number]>;
}

export type MigrationState = 'pending' | 'partial' | 'applied' | 'applied-outside';

export interface MigrationStatus {
  readonly id: string;
  /** The declaration's text in every language (src/core/sheetText.ts): the reader picks theirs. */
  readonly description: SheetText;
  readonly state: MigrationState;
  /** ISO time of the last successful apply recorded in history, if any. */
  readonly appliedAt: string | null;
}

export interface Cost {
  /** Spreadsheet service round trips (reads, writes, structure changes). */
  readonly spreadsheetCalls: number;
  /** Cell values read. */
  readonly cellsRead: number;
  /** Cell values sent (payload): a default written into a whole range by one call counts once. */
  readonly cellsWritten: number;
  /** Cells whose content the apply sets (headers + defaults + blanks filled). */
  readonly cellsChanged: number;
}

export interface SheetPlan {
  readonly sheet: string;
  readonly status: PlanStatus;
  readonly lastRow: number;
  readonly lastColumn: number;
  readonly dataRows: number;
  readonly gridRows: number;
  readonly gridColumns: number;
  /** Columns the grid must grow by before the new columns fit. */
  readonly gridColumnsToInsert: number;
  readonly columnsToAdd: readonly PlannedColumn[];
  readonly blanksToFill: readonly PlannedBlankFill[];
  /** Validation, protections, notes and formats the apply sets (see src/core/sheetRules.ts). */
  readonly rules: readonly PlannedRuleChange[];
  /** Identity tags the apply adds (one call each). */
  readonly columnsToTag: readonly PlannedTag[];
  readonly migrations: readonly MigrationStatus[];
  readonly warnings: readonly Finding[];
  readonly errors: readonly Finding[];
}

/**
 * A sheet the add-on only reads by name (Uniones, for the union metrics): the identity tags the
 * apply adds to its read columns and its problems. Its problems are warnings only: a broken source
 * sheet stops the metrics, never the extension of a managed sheet.
 */
export interface SourceSheetPlan {
  readonly sheet: string;
  /** The migration whose history row records these tags (the one declaring the metric columns). */
  readonly migrationId: string | null;
  /** Existing exact-header read columns the apply tags (adopts); one call each, no cell written. */
  readonly columnsToTag: readonly PlannedTag[];
  /** SOURCE_SHEET_MISSING, SOURCE_COLUMN_MISSING, COLUMN_RENAMED, COLUMN_LOOKS_RENAMED, DUPLICATE_IDENTITY, IDENTITY_MISMATCH, METADATA_LIMIT. */
  readonly warnings: readonly Finding[];
}

export interface HistoryEntry {
  readonly time: string;
  readonly migrationId: string;
  readonly sheet: string;
  readonly description: string;
  readonly columnsAdded: string;
  readonly cellsWritten: number;
  readonly user: string;
  readonly durationMs: number;
  /** A HistoryOutcome code (the planner counts 'applied'), or a cell's text in neither language, kept as written. */
  readonly outcome: string;
  /** Why an apply failed, as the platform said it (failures only). */
  readonly cause?: string;
}

/** What history records of a migration: done, failed and undone, or failed and left to complete. */
export type HistoryOutcome = 'applied' | 'rolled-back' | 'incomplete' | 'header restored';

/** An apply that started and was stopped before it finished (see src/adapters/applyJournal.ts). */
export interface InterruptedApply {
  readonly startedAt: string;
  readonly user: string;
  readonly migrations: ReadonlyArray<{ readonly sheet: string; readonly migrationId: string }>;
}

/** What an interrupted apply left undone beyond missing columns and blanks (which the plan lists anyway). */
export interface UnfinishedApply extends InterruptedApply {
  /** Migrations it changed whose success row is not in history. */
  readonly unrecorded: InterruptedApply['migrations'];
  /** `_schema_history` left half-created by an interrupted first apply; null when it is fine. */
  readonly historyRepair: { readonly writeHeader: boolean; readonly hide: boolean } | null;
}

export interface SchemaPlan {
  readonly fingerprint: string;
  readonly generatedAt: string;
  readonly spreadsheetName: string;
  readonly status: PlanStatus;
  readonly sheets: readonly SheetPlan[];
  /** Sheets only read by name (absent: a plan built without any, treated as none). */
  readonly sources?: readonly SourceSheetPlan[];
  /** What applying this plan will cost, reads under the lock included. */
  readonly cost: Cost;
  /** Most recent history rows, newest first. */
  readonly history: readonly HistoryEntry[];
  /**
   * An earlier apply stopped before it finished and not yet completed: applying this plan
   * completes it (only what is missing is written) and records its history row.
   */
  readonly interrupted: UnfinishedApply | null;
}

export interface ApplyResult {
  readonly status: 'applied' | 'up-to-date';
  readonly summary: string;
  readonly columnsAdded: ReadonlyArray<{ readonly sheet: string; readonly letter: string; readonly header: string }>;
  readonly cellsChanged: number;
  readonly durationMs: number;
}

export interface UnionMetricsReport {
  /** 'preview' = dry run; 'applied' = written; 'unchanged' = nothing differed, nothing written. */
  readonly status: 'preview' | 'applied' | 'unchanged';
  readonly sheet: string;
  readonly unionSheet: string;
  readonly spoolRows: number;
  readonly unions: number;
  /** Spool rows whose five metric cells differ from the recomputed values. */
  readonly rowsChanged: number;
  readonly orphans: {
    readonly count: number;
    readonly examples: ReadonlyArray<{ readonly row: number; readonly key: string }>;
  };
  readonly badDiameters: {
    readonly count: number;
    readonly examples: ReadonlyArray<{ readonly row: number; readonly value: string }>;
  };
  readonly blankKeys: { readonly count: number; readonly rows: readonly number[] };
  readonly duplicateSpools: {
    readonly count: number;
    readonly examples: ReadonlyArray<{ readonly key: string; readonly rows: readonly number[] }>;
  };
  readonly durationMs: number;
  readonly summary: string;
}

/** Result of a schema check: 'error' > 'drift' > 'pending' > 'ok' (the worst sheet wins). */
export type CheckStatus = 'ok' | 'drift' | 'pending' | 'error';

export interface SheetCheck {
  readonly sheet: string;
  readonly status: CheckStatus;
  /**
   * Most important first. Codes: MISSING_SHEET, EMPTY_SHEET, NO_HEADER_ROW, CHECK_FAILED (error);
   * COLUMN_DELETED, COLUMN_RENAMED, COLUMN_MOVED, DUPLICATE_HEADER, NEAR_DUPLICATE_HEADER (drift);
   * PENDING_MIGRATION, INTERRUPTED_APPLY, BLANK_DEFAULTS (pending); UNKNOWN_COLUMNS (informational). `location` is e.g. `Operaciones!BR1`.
   */
  readonly findings: readonly Finding[];
  /** Whether the header row differs from the previous check's; null on the first check or when unreadable. */
  readonly headerChanged: boolean | null;
  /** The cached column map was dropped because the header row no longer matches it. */
  readonly mapInvalidated: boolean;
}

export interface AutoRepairReport {
  /**
   * 'off': the setting is off; 'not-needed': nothing pending; 'skipped': pending migrations but also
   * drift or errors (never repaired automatically); 'applied'; 'failed' (message says why).
   */
  readonly outcome: 'off' | 'not-needed' | 'skipped' | 'applied' | 'failed';
  /** English, for the log; the sidebar words the outcome from the codes. */
  readonly message: string;
  readonly columnsAdded: ApplyResult['columnsAdded'];
  /** A failure's SchemaError code (BUSY, APPLY_FAILED…), absent for a platform failure. */
  readonly code?: string;
  /** A failure's params; `cause` is the platform's own text. */
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface CheckResult {
  /** ISO time the check ran. */
  readonly checkedAt: string;
  /** 'schedule' = the hourly trigger; 'manual' = "Check schema now" or turning the schedule on. */
  readonly trigger: 'schedule' | 'manual';
  readonly status: CheckStatus;
  /** Plain text, one line per sheet (plus the auto-repair outcome when it did something). */
  readonly summary: string;
  readonly sheets: readonly SheetCheck[];
  /** Findings left out (least important first) to keep the stored result under the 9 KB property limit. */
  readonly findingsOmitted: number;
  readonly autoRepair: AutoRepairReport;
  /** The union metrics recomputed by the check, when this user turned that on. */
  readonly metrics: MetricsInCheckReport;
  /** Spreadsheet calls the check itself made (auto-repair and metrics not included). */
  readonly spreadsheetCalls: number;
  readonly durationMs: number;
}

export interface MetricsInCheckReport {
  /** 'off': not asked for; 'applied'/'unchanged': recomputed; 'skipped': the check found errors; 'failed': see message. */
  readonly outcome: 'off' | 'applied' | 'unchanged' | 'skipped' | 'failed';
  readonly message: string;
  readonly rowsChanged: number;
  /** With live metrics on: spool rows the live path had wrong before this recompute (target 0); else absent. */
  readonly liveRowsWrong?: number;
}

/** What the sidebar's "Hourly check" panel shows; everything is about the current user (triggers are per user). */
export interface ScheduleStatus {
  /** This user's hourly check for this spreadsheet exists (its trigger was found). */
  readonly installed: boolean;
  readonly everyHours: number;
  /** ISO time it was turned on, when installed. */
  readonly installedAt: string | null;
  /** Estimate: Apps Script does not expose a trigger's next run. ISO, null when not installed. */
  readonly nextCheckAfter: string | null;
  readonly autoRepair: boolean;
  /** The check also recomputes the union metrics (this user's setting). */
  readonly recomputeMetrics: boolean;
  /** Newest check result visible to this user (the document's, or this user's hourly one). */
  readonly lastCheck: CheckResult | null;
  /** This user's installable triggers for the add-on, against the platform's limit. */
  readonly triggersInUse: number;
  readonly triggerLimit: number;
  /** One sentence for the panel, e.g. "Hourly check is on (since …); auto-repair is off." */
  readonly message: string;
}

/** What the sidebar's "Live metrics" toggle shows; about the current user (the onEdit trigger is theirs). */
export interface LiveMetricsStatus {
  /** This user's installable onEdit trigger for live metrics exists in this spreadsheet. */
  readonly on: boolean;
  /** The onChange trigger (shared with the hourly check) that turns row inserts/deletes/sorts into a full recompute. */
  readonly changeTrigger: boolean;
  /** Spools deferred by executions that could not take the lock, not yet recomputed. */
  readonly pendingSpools: number;
  /** A structure change (or a paste over keys) asked for a full recompute that has not run yet. */
  readonly stale: boolean;
  readonly triggersInUse: number;
  readonly triggerLimit: number;
  readonly message: string;
}

/** What the confirmed header restore did: exactly one header cell written, recorded in history. */
export interface RestoreHeaderResult {
  readonly status: 'restored';
  readonly sheet: string;
  /** A1 of the header cell written, e.g. `Operaciones!BR1`. */
  readonly cell: string;
  readonly identity: string;
  readonly previousHeader: string;
  readonly summary: string;
}
