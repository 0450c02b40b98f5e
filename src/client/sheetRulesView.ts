/**
 * The sidebar's piece for sheet rules: the preview's list of validation, protection, note and
 * format changes, and the check's "Restore" action. Restore previews first and applies only a
 * plan whose sole changes are rules (it never adds columns or writes values); decided from the
 * plan's structured fields and the findings' codes, never from message text.
 */
import type { ApplyResult, CheckResult, PlannedRuleChange, SheetPlan } from '../shared/payloads';
import { h } from './dom';
import type { Rpc } from './rpc';

export const RESTORABLE_CODES: ReadonlySet<string> = new Set([
  'VALIDATION_REMOVED',
  'VALIDATION_CHANGED',
  'PROTECTION_REMOVED',
  'NUMBER_FORMAT_CHANGED',
  'NOTE_CHANGED',
]);

export const RESTORE_BUTTON_ID = 'restore-rules';

const KIND_LABEL: Readonly<Record<PlannedRuleChange['kind'], string>> = {
  validation: 'data validation',
  protection: 'warning-only protection',
  note: 'header note',
  numberFormat: 'number format',
};

function ruleLine(change: PlannedRuleChange): string {
  const verb = change.reason === 'new' ? 'Set' : 'Restore';
  const detail =
    change.kind === 'validation'
      ? ` (${change.rule.allowInvalid ? 'warns' : 'rejects'}: ${change.rule.helpText ?? change.rule.criteria})`
      : change.kind === 'numberFormat'
        ? ` ${change.numberFormat}`
        : '';
  return `${verb} ${KIND_LABEL[change.kind]}${detail} on ${change.letter} (${change.header})`;
}

/** The preview's list of rules the apply sets, or null when there are none. */
export function renderRuleChanges(sheet: SheetPlan): HTMLElement | null {
  if (sheet.rules.length === 0) return null;
  return h(
    'ul',
    { className: 'rule-changes secondary', attrs: { 'aria-label': `Sheet rules set in ${sheet.sheet}` } },
    ...sheet.rules.map((change) =>
      h('li', { attrs: { 'data-kind': change.kind, 'data-column': change.letter } }, ruleLine(change)),
    ),
  );
}

export function hasRestorable(result: CheckResult): boolean {
  return result.sheets.some((s) => s.findings.some((f) => RESTORABLE_CODES.has(f.code)));
}

export function renderRestoreButton(result: CheckResult): HTMLElement | null {
  if (!hasRestorable(result)) return null;
  return h('button', { id: RESTORE_BUTTON_ID, attrs: { type: 'button' } }, 'Restore');
}

/** Previews, then applies the plan only when it sets nothing but sheet rules. */
export async function restoreRules(rpc: Rpc): Promise<ApplyResult> {
  const plan = await rpc.previewSchema();
  const other = plan.sheets.some((s) => s.columnsToAdd.length > 0 || s.blanksToFill.length > 0);
  if (plan.status === 'blocked' || other)
    throw new Error(
      'Restore only puts back validation, protections, notes and formats; this spreadsheet also has other changes pending or blocked. Review them in the preview and use "Apply" there.',
    );
  return rpc.applySchema(plan.fingerprint);
}
