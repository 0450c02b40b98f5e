import { fail, MSG } from '../errors';
import { type HasRuntime, instrumentClass, type Runtime } from '../runtime';
import { UiImpl } from '../ui';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './metadata';
import type { SpreadsheetModel } from './model';
import type { SheetImpl } from './sheet';
import { type SpreadsheetImpl, spreadsheetFacade } from './spreadsheet';
import { DataValidationBuilderImpl, DataValidationCriteria } from './validation';

export const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' } as const);

const SPREADSHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
const CURRENT_ONLY_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.currentonly';

export class SpreadsheetAppImpl implements HasRuntime {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  private readonly _ui: UiImpl;

  constructor(
    readonly _rt: Runtime,
    private readonly _book: SpreadsheetModel,
  ) {
    this._ui = new UiImpl(_rt);
  }

  /** null outside a document context / in a time-driven execution when switches.activeSpreadsheetInTrigger is 'null'. */
  getActiveSpreadsheet(): SpreadsheetImpl | null {
    this._rt.requireAuthMode('LIMITED', 'SpreadsheetApp.getActiveSpreadsheet', CURRENT_ONLY_SCOPE);
    const ex = this._rt.execution;
    const triggerLike = ex.kind === 'timeTrigger' || !ex.documentContext;
    if (triggerLike && this._rt.switches.activeSpreadsheetInTrigger === 'null') return null;
    return spreadsheetFacade(this._book);
  }

  getActive(): SpreadsheetImpl | null {
    this._rt.requireAuthMode('LIMITED', 'SpreadsheetApp.getActive', CURRENT_ONLY_SCOPE);
    return this.getActiveSpreadsheet();
  }

  getActiveSheet(): SheetImpl {
    const ss = this.getActiveSpreadsheet();
    if (!ss) return fail(MSG.noActiveSheet);
    return ss.getActiveSheet();
  }

  openById(id: string): SpreadsheetImpl {
    if (this._rt.execution.kind === 'simpleTrigger')
      fail(MSG.permission('SpreadsheetApp.openById', SPREADSHEETS_SCOPE));
    this._rt.requireAuthMode('FULL', 'SpreadsheetApp.openById', SPREADSHEETS_SCOPE);
    if (String(id) !== this._book.id || this._book.deleted) fail(MSG.documentMissing(String(id)));
    return spreadsheetFacade(this._book);
  }

  openByUrl(url: string): SpreadsheetImpl {
    if (this._rt.execution.kind === 'simpleTrigger')
      fail(MSG.permission('SpreadsheetApp.openByUrl', SPREADSHEETS_SCOPE));
    this._rt.requireAuthMode('FULL', 'SpreadsheetApp.openByUrl', SPREADSHEETS_SCOPE);
    const id = /\/d\/([^/]+)/.exec(String(url))?.[1] ?? String(url);
    if (id !== this._book.id || this._book.deleted) fail(MSG.documentMissing(id));
    return spreadsheetFacade(this._book);
  }

  flush(): void {}

  newDataValidation(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl();
  }

  getUi(): UiImpl {
    if (!this._rt.execution.ui) fail(MSG.getUiContext);
    return this._ui;
  }
}

instrumentClass(SpreadsheetAppImpl, 'SpreadsheetApp', 'Spreadsheet');
