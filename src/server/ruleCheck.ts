/**
 * The check's part for sheet rules: per managed sheet, the validation, protection, number format
 * and note of each declared column present, compared with the declaration — without reading data
 * rows. It takes the check's own header read as an identity resolution (the tag first, the exact
 * header second), so a renamed managed column keeps its rules checked at its real column, and
 * reads only the rules: the grid height, the first data row's rules and formats, the last grid
 * row's rules, the header notes, the range protections (a constant number of calls). Drift is
 * reported pending: restoring it never touches a value, so auto-repair (the normal apply) may do it.
 */
import type { CallMeter } from '../adapters/meter';
import { readSheetRules } from '../adapters/sheetRulesReader';
import { worstStatus } from '../core/driftCodes';
import { errorMessage } from '../core/errors';
import type { IdentityResolution } from '../core/identity';
import type { ManagedSheet } from '../core/schema';
import { locateColumns, ruleChanges, ruleFinding } from '../core/sheetRules';
import type { SheetCheck } from '../shared/payloads';
import type { ExecutionContext } from './context';

export interface RuleCheckOptions {
  readonly meter: CallMeter;
  /**
   * Per sheet, the identity resolution of the header row the check just read; a sheet without one
   * (missing, unreadable, no header row) is not checked for rules.
   */
  readonly resolutions: ReadonlyMap<string, IdentityResolution>;
}

export function withRuleDrift(
  context: ExecutionContext,
  sheets: readonly SheetCheck[],
  options: RuleCheckOptions,
): SheetCheck[] {
  return sheets.map((checked) => {
    const managed = context.declaration.managedSheets.find((m) => m.sheet === checked.sheet);
    const resolution = options.resolutions.get(checked.sheet);
    if (managed === undefined || resolution === undefined || checked.status === 'error') return checked;
    const findings = ruleDrift(context, managed, { meter: options.meter, resolution });
    if (findings.length === 0) return checked;
    return {
      ...checked,
      status: worstStatus([checked.status, 'pending']),
      findings: [...checked.findings, ...findings],
    };
  });
}

function ruleDrift(
  context: ExecutionContext,
  managed: ManagedSheet,
  read: { readonly meter: CallMeter; readonly resolution: IdentityResolution },
): SheetCheck['findings'] {
  const sheet = context.spreadsheet().getSheetByName(managed.sheet);
  if (sheet === null) return [];
  const { meter, resolution } = read;
  try {
    const present = (name: string) => resolution.columns.get(name)?.column;
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
