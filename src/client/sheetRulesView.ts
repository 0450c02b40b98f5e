/**
 * The sidebar's piece for sheet rules: the preview's list of validation, protection, note and
 * format changes, and the check's "Restore" action. Restore previews first and applies only a
 * plan whose sole changes are rules (it never adds columns or writes values); decided from the
 * plan's structured fields and the findings' codes, never from message text.
 */
import type { ApplyResult, CheckResult, SheetPlan } from '../shared/payloads';
import { refusalLines } from '../shared/wording/failure';
import { ruleLines } from '../shared/wording/rules';
import { h } from './dom';
import type { Rpc } from './rpc';
import type { Text } from './text';

export const RESTORABLE_CODES: ReadonlySet<string> = new Set([
  'VALIDATION_REMOVED',
  'VALIDATION_CHANGED',
  'PROTECTION_REMOVED',
  'NUMBER_FORMAT_CHANGED',
  'NOTE_CHANGED',
]);

export const RESTORE_BUTTON_ID = 'restore-rules';

/** The preview's list of rules the apply sets, or null when there are none. */
export function renderRuleChanges(x: Text, sheet: SheetPlan): HTMLElement | null {
  if (sheet.rules.length === 0) return null;
  return h(
    'ul',
    { className: 'rule-changes secondary', attrs: { 'aria-label': x.t('rules.listLabel', { sheet: sheet.sheet }) } },
    ...ruleLines(x, sheet.rules).map((line) =>
      h('li', { attrs: { 'data-kind': line.kind, 'data-columns': line.letters.join(' ') } }, line.text),
    ),
  );
}

export function hasRestorable(result: CheckResult): boolean {
  return result.sheets.some((s) => s.findings.some((f) => RESTORABLE_CODES.has(f.code)));
}

export function renderRestoreButton(x: Text, result: CheckResult): HTMLElement | null {
  if (!hasRestorable(result)) return null;
  return h('button', { id: RESTORE_BUTTON_ID, attrs: { type: 'button' } }, x.t('rules.restore'));
}

/** Previews, then applies the plan only when it sets nothing but sheet rules. */
export async function restoreRules(x: Text, rpc: Rpc): Promise<ApplyResult> {
  const plan = await rpc.previewSchema();
  const other = plan.sheets.some((s) => s.columnsToAdd.length > 0 || s.blanksToFill.length > 0);
  if (plan.status === 'blocked' || other) throw new Error(x.t('rules.otherChanges'));
  const result = await rpc.applySchema(plan.fingerprint, { sidebar: true });
  if (result.status === 'refused') throw new Error(refusalLines(x, result).join(' '));
  return result;
}
