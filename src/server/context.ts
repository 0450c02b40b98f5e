/**
 * Everything a server action needs, injected: the Apps Script services (real globals in the
 * bundle, the emulator's in tests) and the schema declaration. One context per execution, so
 * its memos (column maps) live exactly as long as an Apps Script execution does.
 */

import { ColumnMapCache } from '../adapters/columnMapCache';
import { SchemaError } from '../core/errors';
import { identitiesOf } from '../core/identity';
import type { Logger } from '../core/logger';
import { mappedSheets, type SchemaDeclaration } from '../core/schema';
import { SCHEMA } from '../schema/managedSheets';

export interface Services {
  readonly spreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  readonly cacheService: GoogleAppsScript.Cache.CacheService;
  readonly lockService: GoogleAppsScript.Lock.LockService;
  readonly propertiesService: GoogleAppsScript.Properties.PropertiesService;
  readonly session: GoogleAppsScript.Base.Session;
  readonly htmlService: GoogleAppsScript.HTML.HtmlService;
  readonly scriptApp: GoogleAppsScript.Script.ScriptApp;
  /** Epoch milliseconds. */
  readonly now: () => number;
  /** Warnings about what an action absorbed; `console` in production. */
  readonly logger: Logger;
}

export class ExecutionContext {
  private maps: ColumnMapCache | null = null;
  private spreadsheetInUse: GoogleAppsScript.Spreadsheet.Spreadsheet | null;

  constructor(
    readonly services: Services,
    readonly declaration: SchemaDeclaration = SCHEMA,
    spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null,
  ) {
    this.spreadsheetInUse = spreadsheet;
  }

  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.spreadsheetInUse ??= this.services.spreadsheetApp.getActiveSpreadsheet();
    if (this.spreadsheetInUse === null) {
      throw new SchemaError(
        'NO_SPREADSHEET',
        'Sheet Schema: no spreadsheet is open in this execution. Run it from the spreadsheet (Extensions menu).',
      );
    }
    return this.spreadsheetInUse;
  }

  columnMaps(): ColumnMapCache {
    if (this.maps === null) {
      const mapped = mappedSheets(this.declaration);
      const headerRowOf = (sheet: string) => mapped.find((m) => m.sheet === sheet)?.headerRow ?? 1;
      this.maps = new ColumnMapCache(
        this.services.cacheService,
        this.spreadsheet().getId(),
        headerRowOf,
        mapped.map((m) => m.sheet),
        (sheet) => identitiesOf(this.declaration, sheet),
      );
    }
    return this.maps;
  }

  isoNow(): string {
    return new Date(this.services.now()).toISOString();
  }

  /**
   * The operator's email when the platform tells it (it may not, e.g. consumer accounts across domains),
   * with `actorNote` — why a change is made without an operator's dialog, e.g. "hourly check
   * auto-repair" — as history's user column shows it.
   */
  userLabel(actorNote: string | null = null): string {
    let user: string;
    try {
      user = this.services.session.getActiveUser().getEmail() || 'unknown';
    } catch {
      user = 'unknown';
    }
    return actorNote === null ? user : `${user} (${actorNote})`;
  }
}
