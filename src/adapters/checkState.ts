/**
 * Where check results, drift baselines and the auto-repair setting live (PropertiesService).
 *
 * - Document properties: the last result and baselines, visible to every user of the spreadsheet.
 *   They are null without a document context — which is how a time-driven add-on run may execute
 *   (UNCONFIRMED, docs/platform.md).
 * - User properties, keyed by spreadsheet id: the same record for the user who owns the hourly
 *   trigger (readable in any context, so the hourly run always has its baseline), and that user's
 *   check settings (auto-repair, metrics), which the hourly run must read.
 * Script properties are avoided: an add-on's script store is shared by every installation (500 KB).
 * Readers take the newer of the two records. Each value stays under the 9 KB property limit.
 */
import { fitBaseline, fitCheckResult } from '../core/checkResult';
import type { SheetBaseline } from '../core/drift';
import { hashString } from '../core/fingerprint';
import type { CheckResult } from '../shared/payloads';

type Properties = GoogleAppsScript.Properties.Properties;

const PREFIX = 'sheet-schema:check:v1:';
const RESULT_KEY = 'result';
const BASELINE_KEY = 'baseline:';
const SETTINGS_PREFIX = 'sheet-schema:settings:v1:';

export interface CheckRecord {
  readonly result: CheckResult;
  /** Sheet name → baseline. */
  readonly baselines: Readonly<Record<string, SheetBaseline>>;
}

interface StoredBaseline {
  readonly sheet: string;
  readonly baseline: SheetBaseline;
}

export class CheckStateStore {
  constructor(
    private readonly propertiesService: GoogleAppsScript.Properties.PropertiesService,
    private readonly spreadsheetId: string,
  ) {}

  /** The newer of the document's and this user's record (baselines merged, newer wins). */
  read(): CheckRecord | null {
    const documentStore = this.propertiesService.getDocumentProperties();
    const records = [
      documentStore === null ? null : parseRecord(documentStore.getProperties(), PREFIX),
      parseRecord(this.propertiesService.getUserProperties().getProperties(), this.userPrefix()),
    ].filter((r): r is CheckRecord => r !== null);
    if (records.length === 0) return null;
    records.sort((x, y) => (x.result.checkedAt < y.result.checkedAt ? -1 : 1));
    return {
      result: records[records.length - 1].result,
      baselines: Object.assign({}, ...records.map((r) => r.baselines)),
    };
  }

  /**
   * Writes to the document store when there is one, and to this user's store when `forUser`
   * (this user's hourly check needs it) or when there is no document store. One call per store.
   */
  write(record: CheckRecord, forUser: boolean): void {
    const documentStore = this.propertiesService.getDocumentProperties();
    if (documentStore !== null) documentStore.setProperties(serialise(record, PREFIX));
    if (forUser || documentStore === null)
      this.propertiesService.getUserProperties().setProperties(serialise(record, this.userPrefix()));
  }

  /** Drops this user's copy (the hourly check was turned off or its spreadsheet is gone). */
  forgetUser(): void {
    const store = this.propertiesService.getUserProperties();
    const prefix = this.userPrefix();
    store
      .getKeys()
      .filter((key) => key.startsWith(prefix))
      .forEach((key) => {
        store.deleteProperty(key);
      });
  }

  private userPrefix(): string {
    return `${PREFIX}${this.spreadsheetId}:`;
  }
}

function serialise(record: CheckRecord, prefix: string): Record<string, string> {
  const values: Record<string, string> = { [prefix + RESULT_KEY]: JSON.stringify(fitCheckResult(record.result)) };
  for (const [sheet, baseline] of Object.entries(record.baselines)) {
    const stored: StoredBaseline = { sheet, baseline: fitBaseline(baseline) };
    values[`${prefix}${BASELINE_KEY}${hashString(sheet)}`] = JSON.stringify(stored);
  }
  return values;
}

function parseRecord(properties: Readonly<Record<string, string>>, prefix: string): CheckRecord | null {
  const result = parseJson<CheckResult>(properties[prefix + RESULT_KEY]);
  if (result === null || typeof result.checkedAt !== 'string' || !Array.isArray(result.sheets)) return null;
  const baselines: Record<string, SheetBaseline> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (!key.startsWith(prefix + BASELINE_KEY)) continue;
    const stored = parseJson<StoredBaseline>(value);
    if (stored !== null && typeof stored.sheet === 'string' && isBaseline(stored.baseline))
      baselines[stored.sheet] = stored.baseline;
  }
  return { result, baselines };
}

function isBaseline(value: unknown): value is SheetBaseline {
  const b = value as SheetBaseline | null;
  return (
    typeof b === 'object' &&
    b !== null &&
    typeof b.headerFingerprint === 'string' &&
    typeof b.managed === 'object' &&
    typeof b.renamedTo === 'object'
  );
}

/** Stored JSON is ours, but a hand-edited or truncated value must not break the check. */
function parseJson<T>(text: string | undefined): T | null {
  if (text === undefined) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** This user's check settings for one spreadsheet: the hourly run (maybe without a document) reads them. */
export interface CheckSettings {
  /** Pending additive migrations are applied by the check. */
  readonly autoRepair: boolean;
  /** The five v4.0 union metrics are recomputed by the check. */
  readonly recomputeMetrics: boolean;
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = { autoRepair: false, recomputeMetrics: false };

export function readCheckSettings(
  propertiesService: GoogleAppsScript.Properties.PropertiesService,
  spreadsheetId: string,
): CheckSettings {
  const stored = parseJson<Partial<Record<keyof CheckSettings, unknown>>>(
    propertiesService.getUserProperties().getProperty(SETTINGS_PREFIX + spreadsheetId) ?? undefined,
  );
  return { autoRepair: stored?.autoRepair === true, recomputeMetrics: stored?.recomputeMetrics === true };
}

/** One property per spreadsheet; none at all when every setting is off (the default). */
export function writeCheckSettings(
  propertiesService: GoogleAppsScript.Properties.PropertiesService,
  spreadsheetId: string,
  settings: CheckSettings,
): void {
  const store: Properties = propertiesService.getUserProperties();
  if (settings.autoRepair || settings.recomputeMetrics)
    store.setProperty(SETTINGS_PREFIX + spreadsheetId, JSON.stringify(settings));
  else store.deleteProperty(SETTINGS_PREFIX + spreadsheetId);
}
