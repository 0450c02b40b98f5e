/**
 * The check's part for sheet rules: per managed sheet, the validation, protection, number format
 * and note of each declared column present, compared with the declaration — without reading data
 * rows (a header row, the grid height, one data row's rules and formats, the header notes, the
 * range protections: a constant number of calls). Drift is reported pending: restoring it never
 * touches a value, so auto-repair (the normal apply) may do it.
 */
import type { CallMeter } from '../adapters/meter';
import { readSheetRules } from '../adapters/sheetRulesReader';
import { worstStatus } from '../core/driftCodes';
import { errorMessage } from '../core/errors';
import { analyseHeaders } from '../core/headers';
import type { ManagedSheet } from '../core/schema';
import { locateColumns, ruleChanges, ruleFinding } from '../core/sheetRules';
import type { SheetCheck } from '../shared/payloads';
import type { ExecutionContext } from './context';

export function withRuleDrift(
  context: ExecutionContext,
  sheets: readonly SheetCheck[],
  meter: CallMeter,
): SheetCheck[] {
  return sheets.map((checked) => {
    const managed = context.declaration.managedSheets.find((m) => m.sheet === checked.sheet);
    if (managed === undefined || checked.status === 'error') return checked;
    const findings = ruleDrift(context, managed, meter);
    if (findings.length === 0) return checked;
    return {
      ...checked,
      status: worstStatus([checked.status, 'pending']),
      findings: [...checked.findings, ...findings],
    };
  });
}

function ruleDrift(context: ExecutionContext, managed: ManagedSheet, meter: CallMeter): SheetCheck['findings'] {
  const sheet = context.spreadsheet().getSheetByName(managed.sheet);
  if (sheet === null) return [];
  try {
    const lastColumn = meter.call(() => sheet.getLastColumn());
    if (lastColumn === 0) return [];
    const headers = meter.read(() => sheet.getRange(managed.headerRow, 1, 1, lastColumn).getValues())[0];
    const byName = analyseHeaders(headers).columnsByName;
    // Column identity (issue 10) replaces this lookup.
    const present = (name: string) => (byName.get(name)?.length === 1 ? byName.get(name)?.[0] : undefined);
    const maxRows = meter.call(() => sheet.getMaxRows());
    const state = readSheetRules(sheet, managed, meter, {
      maxRows,
      present,
      managedBlock: null,
      protectionType: context.services.spreadsheetApp.ProtectionType,
    });
    const specs = managed.migrations.flatMap((m) => m.addColumns.map((spec) => ({ migrationId: m.id, spec })));
    const changes = ruleChanges(locateColumns(specs, present, []), state, {
      headerRow: managed.headerRow,
      gridRows: maxRows,
    });
    return changes.map((change) => ruleFinding(managed.sheet, managed.headerRow, change));
  } catch (error) {
    context.services.logger.warn(
      `Sheet Schema: could not check the sheet rules of "${managed.sheet}": ${errorMessage(error)}`,
    );
    return [];
  }
}
