import { GasException } from './errors';
import { type CallStats, SERVICE_NAMES, type ServiceName } from './types';

/**
 * Spreadsheet-service methods that are pure navigation (no content, format or structure is read or written).
 * An entry is either a method name (any class) or 'Class.method'. Every other Spreadsheet call is a data call.
 */
export const NAVIGATION_METHODS: ReadonlySet<string> = new Set([
  'getActiveSpreadsheet',
  'getActive',
  'getActiveSheet',
  'getUi',
  'getId',
  'getName',
  'getUrl',
  'getSheetByName',
  'getSheets',
  'getNumSheets',
  'getSheetId',
  'getIndex',
  'getParent',
  'getSheet',
  'getSheetName',
  'getRange',
  'getRangeList',
  'RangeList.getRanges',
  'Range.getRow',
  'Range.getColumn',
  'Range.getNumRows',
  'Range.getNumColumns',
  'Range.getLastRow',
  'Range.getLastColumn',
  'Range.getA1Notation',
  'Range.offset',
  'Range.getCell',
  'Range.getGridId',
  // Developer metadata: building a finder is local; find() is the round trip. The objects it returns
  // carry key, value and location (UNCONFIRMED: no published cost; docs/platform.md, Column identity).
  'createDeveloperMetadataFinder',
  'DeveloperMetadataFinder.withKey',
  'DeveloperMetadataFinder.withValue',
  'DeveloperMetadataFinder.withId',
  'DeveloperMetadataFinder.withLocationType',
  'DeveloperMetadataFinder.withVisibility',
  'DeveloperMetadataFinder.onIntersectingLocations',
  'DeveloperMetadata.getId',
  'DeveloperMetadata.getKey',
  'DeveloperMetadata.getValue',
  'DeveloperMetadata.getVisibility',
  'DeveloperMetadata.getLocation',
  'DeveloperMetadataLocation.getLocationType',
  'DeveloperMetadataLocation.getColumn',
  'DeveloperMetadataLocation.getRow',
]);

export function isDataCall(className: string, method: string): boolean {
  return !NAVIGATION_METHODS.has(method) && !NAVIGATION_METHODS.has(`${className}.${method}`);
}

export type CellCounter = 'cellsRead' | 'cellsWritten' | 'cellsChanged';

function emptyStats(): CallStats {
  const calls = {} as Record<ServiceName, number>;
  for (const s of SERVICE_NAMES) calls[s] = 0;
  return { calls, spreadsheetDataCalls: 0, byMethod: {}, cellsRead: 0, cellsWritten: 0, cellsChanged: 0 };
}

export class StatsRecorder {
  private stats = emptyStats();

  count(service: ServiceName, className: string, method: string): void {
    const s = this.stats;
    s.calls[service]++;
    const key = `${className}.${method}`;
    s.byMethod[key] = (s.byMethod[key] ?? 0) + 1;
    if (service === 'Spreadsheet' && isDataCall(className, method)) s.spreadsheetDataCalls++;
  }

  cells(kind: CellCounter, n: number): void {
    this.stats[kind] += n;
  }

  snapshot(): CallStats {
    const s = this.stats;
    return { ...s, calls: { ...s.calls }, byMethod: { ...s.byMethod } };
  }

  reset(): void {
    this.stats = emptyStats();
  }
}

interface ArmedFault {
  service: ServiceName;
  remaining: number;
  message?: string;
}

/** One-shot faults: the k-th call of a service (counted from arming) throws before it has any effect. */
export class FaultInjector {
  private armed: ArmedFault[] = [];

  failOnCall(k: number, options: { message?: string; service?: ServiceName } = {}): void {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`failOnCall: k must be a positive integer, got ${k}`);
    this.armed.push({ service: options.service ?? 'Spreadsheet', remaining: k, message: options.message });
  }

  clear(): void {
    this.armed = [];
  }

  /** Called on every counted call; throws the armed exception when one comes due. */
  check(service: ServiceName, defaultMessage: () => string): void {
    let due: ArmedFault | undefined;
    for (const f of this.armed) {
      if (f.service === service && --f.remaining === 0 && !due) due = f;
    }
    if (!due) return;
    this.armed = this.armed.filter((f) => f.remaining > 0);
    throw new GasException(due.message ?? defaultMessage());
  }
}
