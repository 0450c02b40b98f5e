/**
 * The steps that set sheet rules, around an apply's write steps: inherited validation is cleared
 * from new columns right after they are inserted (Sheets may copy the left neighbour's dropdown,
 * UNCONFIRMED), before any value is written; declared rules, notes, formats and protections are
 * set after the values. Each step is a constant number of calls whatever the row count.
 */
import type { PlannedRuleChange, RuleSpec, SheetPlan } from '../shared/payloads';
import type { Rect } from './snapshot';
import { addCosts, NO_COST, stepsCost, type WriteCost, type WriteStep, writeSteps } from './steps';

export type RuleStep =
  | { readonly kind: 'clearValidation'; readonly rect: Rect }
  | { readonly kind: 'setValidation'; readonly rect: Rect; readonly rule: RuleSpec; readonly isNew: boolean }
  | { readonly kind: 'setNotes'; readonly row: number; readonly column: number; readonly notes: readonly string[] }
  | { readonly kind: 'protect'; readonly rect: Rect; readonly description: string };

export type SheetStep = WriteStep | RuleStep;

const RULE_KINDS: ReadonlySet<string> = new Set(['clearValidation', 'setValidation', 'setNotes', 'protect']);

export const isRuleStep = (step: SheetStep): step is RuleStep => RULE_KINDS.has(step.kind);

/** Every step of one sheet's apply, in execution order. */
export function sheetSteps(plan: SheetPlan, headerRow: number): SheetStep[] {
  const writes = writeSteps(plan, headerRow);
  const afterInsert = writes.findIndex((s) => s.kind !== 'insertColumns');
  const at = afterInsert < 0 ? writes.length : afterInsert;
  const added = plan.columnsToAdd;
  const clear: RuleStep[] =
    added.length > 0
      ? [
          {
            kind: 'clearValidation',
            rect: { row: 1, column: added[0].index, rows: plan.gridRows, columns: added.length },
          },
        ]
      : [];
  return [...writes.slice(0, at), ...clear, ...writes.slice(at), ...ruleSteps(plan.rules, headerRow, plan.gridRows)];
}

function ruleSteps(changes: readonly PlannedRuleChange[], headerRow: number, gridRows: number): SheetStep[] {
  const dataRows = gridRows - headerRow;
  const column = (index: number): Rect => ({ row: headerRow + 1, column: index, rows: dataRows, columns: 1 });
  const steps: SheetStep[] = [];
  for (const c of changes) {
    if (c.kind === 'validation')
      steps.push({ kind: 'setValidation', rect: column(c.index), rule: c.rule, isNew: c.reason === 'new' });
    if (c.kind === 'numberFormat') steps.push({ kind: 'numberFormat', rect: column(c.index), format: c.numberFormat });
  }
  const notes = changes.flatMap((c) => (c.kind === 'note' ? [c] : [])).sort((a, b) => a.index - b.index);
  for (const run of adjacentRuns(notes))
    steps.push({ kind: 'setNotes', row: headerRow, column: run[0].index, notes: run.map((c) => c.note) });
  for (const c of changes) {
    if (c.kind === 'protection')
      steps.push({
        kind: 'protect',
        rect: { row: 1, column: c.index, rows: gridRows, columns: 1 },
        description: c.description,
      });
  }
  return steps;
}

function adjacentRuns<T extends { index: number }>(sorted: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (const item of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[last.length - 1].index + 1 === item.index) last.push(item);
    else runs.push([item]);
  }
  return runs;
}

/**
 * Calls per rule step: SpreadsheetApp.newDataValidation() and Range.setDataValidation() for a
 * rule (the builder's own methods are local); protect(), setDescription() and setWarningOnly().
 */
export function sheetStepsCost(steps: readonly SheetStep[]): WriteCost {
  const writes = steps.filter((s): s is WriteStep => !isRuleStep(s));
  // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch is exhaustive over rule step kinds (tsc checks it)
  const rules = steps.filter(isRuleStep).map((step): WriteCost => {
    switch (step.kind) {
      case 'clearValidation':
        return { ...NO_COST, spreadsheetCalls: 1, cellsWritten: 1 };
      case 'setValidation':
        return { ...NO_COST, spreadsheetCalls: 2, cellsWritten: 1 };
      case 'setNotes':
        return { ...NO_COST, spreadsheetCalls: 1, cellsWritten: step.notes.length };
      case 'protect':
        return { ...NO_COST, spreadsheetCalls: 3 };
    }
  });
  return addCosts(stepsCost(writes), ...rules);
}
