/**
 * Executes rule steps (src/core/ruleSteps.ts). Undo: protections are removed and the rules of new
 * columns cleared on rollback (new columns the grid grew for are deleted with everything on them);
 * notes and rules restored on existing columns are left in place — they change no value and are
 * exactly what the next run sets.
 */
import type { RuleStep } from '../core/ruleSteps';
import type { RuleSpec } from '../shared/payloads';
import type { CallMeter } from './meter';
import type { UndoLog } from './stepExecutor';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export interface RuleEnv {
  readonly meter: CallMeter;
  readonly undo: UndoLog;
  readonly spreadsheetApp: SpreadsheetApp;
}

export function executeRuleStep(sheet: Sheet, step: RuleStep, env: RuleEnv): void {
  const { meter, undo } = env;
  switch (step.kind) {
    case 'clearValidation': {
      const { row, column, rows, columns } = step.rect;
      meter.call(() => sheet.getRange(row, column, rows, columns).clearDataValidations());
      return;
    }
    case 'setValidation': {
      const { row, column, rows, columns } = step.rect;
      const range = sheet.getRange(row, column, rows, columns);
      const rule = buildRule(
        meter.call(() => env.spreadsheetApp.newDataValidation()),
        step.rule,
      );
      if (step.isNew) undo.record(() => range.clearDataValidations());
      meter.call(() => range.setDataValidation(rule));
      return;
    }
    case 'setNotes': {
      const range = sheet.getRange(step.row, step.column, 1, step.notes.length);
      meter.call(() => range.setNotes([[...step.notes]]));
      return;
    }
    case 'protect': {
      const { row, column, rows, columns } = step.rect;
      const protection = meter.call(() => sheet.getRange(row, column, rows, columns).protect());
      undo.record(() => protection.remove());
      meter.call(() => protection.setDescription(step.description));
      meter.call(() => protection.setWarningOnly(true));
      return;
    }
  }
}

function buildRule(
  builder: GoogleAppsScript.Spreadsheet.DataValidationBuilder,
  spec: RuleSpec,
): GoogleAppsScript.Spreadsheet.DataValidation {
  const [a] = spec.args;
  const withCriteria =
    spec.criteria === 'CUSTOM_FORMULA'
      ? builder.requireFormulaSatisfied(String(a))
      : spec.criteria === 'VALUE_IN_LIST'
        ? builder.requireValueInList([...(a as readonly string[])], spec.args[1] !== false)
        : builder.requireNumberGreaterThanOrEqualTo(Number(a));
  const built = withCriteria.setAllowInvalid(spec.allowInvalid);
  return (spec.helpText === null ? built : built.setHelpText(spec.helpText)).build();
}
