/**
 * The confirmed header-restore repair: a managed column renamed by a person gets its declared
 * header back. One cell written (the header cell), under the document lock, recorded in
 * history; nothing else changes (the column's identity tag and data stay where they are).
 */

import {
  appendHistory,
  createHistorySheet,
  HISTORY_SHEET,
  type HistoryLanguage,
  historyHeaderLanguage,
} from '../adapters/history';
import { readIdentityTags } from '../adapters/identityTags';
import { withDocumentLock } from '../adapters/lock';
import { CallMeter } from '../adapters/meter';
import { readHeaderRow } from '../adapters/sourceReader';
import { a1, columnLetter } from '../core/columnLetters';
import { SchemaError } from '../core/errors';
import { analyseHeaders } from '../core/headers';
import { identitiesOf, resolveIdentities } from '../core/identity';
import { SOURCE_HEADER_ROW, sourceSheetsOf } from '../core/sourcePlan';
import type { HistoryEntry, HistoryOutcome, RestoreHeaderResult } from '../shared/payloads';
import { historyCells } from '../shared/wording/historyCells';
import type { ExecutionContext } from './context';
import { operatorMessages } from './locale';

/** History's outcome for a restored header (not a migration: previews never count it as applied). */
const RESTORED_OUTCOME: HistoryOutcome = 'header restored';

export interface RestoreRequest {
  readonly sheet: string;
  readonly identity: string;
}

export function restoreColumnHeader(context: ExecutionContext, request: RestoreRequest): RestoreHeaderResult {
  const managed = readByName(context, request.sheet);
  if (managed === null || !identitiesOf(context.declaration, request.sheet).includes(request.identity))
    throw new SchemaError(
      'NOT_MANAGED',
      `"${request.identity}" is not a managed column of "${request.sheet}": nothing was written.`,
      { sheet: request.sheet, identity: request.identity },
    );
  return withDocumentLock(context.services, () => {
    const started = context.services.now();
    const spreadsheet = context.spreadsheet();
    const sheet = spreadsheet.getSheetByName(request.sheet);
    if (sheet === null)
      throw new SchemaError('SHEET_NOT_FOUND', `Sheet "${request.sheet}" was not found: nothing was written.`, {
        sheet: request.sheet,
      });
    const meter = new CallMeter();
    const tags = readIdentityTags(spreadsheet, meter).get(request.sheet)?.tags ?? [];
    const headers = readHeaderRow(sheet, managed.headerRow, meter);
    const target = renamedColumn(request, managed.headerRow, headers, tags);
    const cell = a1(request.sheet, managed.headerRow, target.column);
    meter.call(() => sheet.getRange(managed.headerRow, target.column).setValue(request.identity));
    context.columnMaps().invalidate(request.sheet);
    const entry = (language: HistoryLanguage): HistoryEntry => ({
      time: context.isoNow(),
      migrationId: 'identity',
      sheet: request.sheet,
      description: historyCells(language).headerRestored(request.identity),
      columnsAdded: `${cell}: "${target.header}" → "${request.identity}"`,
      cellsWritten: 1,
      user: context.userLabel(),
      durationMs: context.services.now() - started,
      outcome: RESTORED_OUTCOME,
    });
    recordRestore(context, entry, meter);
    return {
      status: 'restored',
      sheet: request.sheet,
      cell,
      identity: request.identity,
      previousHeader: target.header,
      summary: `${cell} reads "${request.identity}" again (was "${target.header}"). One cell written; recorded in ${HISTORY_SHEET}.`,
    };
  });
}

/** A managed sheet, or a source sheet the union metrics read (Uniones, header row 1): both carry tags. */
function readByName(context: ExecutionContext, sheet: string): { readonly headerRow: number } | null {
  const managed = context.declaration.managedSheets.find((m) => m.sheet === sheet);
  if (managed !== undefined) return managed;
  return sourceSheetsOf(context.declaration).some((s) => s.sheet === sheet) ? { headerRow: SOURCE_HEADER_ROW } : null;
}

/** The column to restore: tagged with the identity, header different, and the declared name nowhere else. */
function renamedColumn(
  request: RestoreRequest,
  headerRow: number,
  headers: readonly unknown[],
  tags: ReadonlyArray<{ column: number; identity: string }>,
): { column: number; header: string } {
  const analysis = analyseHeaders(headers);
  const resolution = resolveIdentities([request.identity], headers, analysis, tags);
  const renamed = resolution.renamed.find((c) => c.identity === request.identity);
  // reason (with cell or column) lets the catalogue word each refusal; `why` is the log's English.
  const refuse = (why: string, reason: Record<string, string>): never => {
    throw new SchemaError('NOTHING_TO_RESTORE', `${why} Nothing was written.`, {
      sheet: request.sheet,
      identity: request.identity,
      ...reason,
    });
  };
  if (renamed === undefined) {
    const found = resolution.columns.get(request.identity);
    if (found !== undefined && found.header === request.identity) {
      const cell = a1(request.sheet, headerRow, found.column);
      return refuse(`${cell} already reads "${request.identity}".`, { reason: 'alreadyReads', cell });
    }
    return refuse(
      `No column of "${request.sheet}" carries the identity of "${request.identity}" under another header.`,
      {
        reason: 'notRenamed',
      },
    );
  }
  const other = analysis.columnsByName.get(request.identity)?.[0];
  if (other !== undefined)
    return refuse(
      `Another column of "${request.sheet}" (${columnLetter(other)}) already reads "${request.identity}": restoring would make two.`,
      { reason: 'wouldDuplicate', column: columnLetter(other) },
    );
  return { column: renamed.column, header: renamed.header };
}

/** The row goes in the history sheet's language (a new sheet: the operator's). */
function recordRestore(
  context: ExecutionContext,
  entry: (language: HistoryLanguage) => HistoryEntry,
  meter: CallMeter,
): void {
  const spreadsheet = context.spreadsheet();
  const history = spreadsheet.getSheetByName(HISTORY_SHEET);
  if (history === null) {
    const { language } = operatorMessages(context.services.session);
    createHistorySheet(spreadsheet, [entry(language)], meter, { record: () => undefined }, language);
    return;
  }
  const language = historyHeaderLanguage(history);
  if (language !== null) appendHistory(history, [entry(language)], meter, { language });
}
