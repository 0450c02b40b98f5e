/**
 * The preview's sheet rules, folded: one line per kind of rule and what it says, with the columns
 * it goes on as spans ("Set data validation (rejects: …) on BP–BR"), instead of one line per rule
 * and column — fifteen lines for v4.0, too long to read in a 300 px sidebar. Pure.
 */
import type { MessageKey } from '../messages';
import type { PlannedRuleChange } from '../payloads';
import type { LocalText as Text } from './localText';
import { spans } from './plan';

const KIND_KEY = {
  validation: 'rules.kind.validation',
  protection: 'rules.kind.protection',
  note: 'rules.kind.note',
  numberFormat: 'rules.kind.numberFormat',
} as const satisfies Readonly<Record<PlannedRuleChange['kind'], MessageKey>>;

export interface RuleLine {
  readonly kind: PlannedRuleChange['kind'];
  /** The column letters the line covers, in sheet order. */
  readonly letters: readonly string[];
  readonly text: string;
}

/** What distinguishes one rule from another of its kind ("rejects: A whole number, 0 or more."). */
function ruleDetail(x: Text, change: PlannedRuleChange): string {
  if (change.kind === 'validation') {
    const verb = x.t(change.rule.allowInvalid ? 'rules.warns' : 'rules.rejects');
    return ` (${verb}: ${change.rule.helpText ?? change.rule.criteria})`;
  }
  return change.kind === 'numberFormat' ? ` ${change.numberFormat}` : '';
}

/** One line per (set or restore, kind, detail), validations first; a single column keeps its header beside its letter. */
export function ruleLines(x: Text, changes: readonly PlannedRuleChange[]): RuleLine[] {
  const groups = new Map<string, { first: PlannedRuleChange; detail: string; members: PlannedRuleChange[] }>();
  for (const change of changes) {
    const detail = ruleDetail(x, change);
    const restore = change.reason !== 'new';
    const key = JSON.stringify([restore, change.kind, detail]);
    const group = groups.get(key) ?? { first: change, detail, members: [] };
    group.members.push(change);
    groups.set(key, group);
  }
  const order = Object.keys(KIND_KEY);
  const rank = (g: { first: PlannedRuleChange }) => order.indexOf(g.first.kind);
  const sorted = [...groups.values()].sort((a, b) => rank(a) - rank(b) || a.first.index - b.first.index);
  return sorted.map(({ first, detail, members }) => {
    const columns = [...members].sort((a, b) => a.index - b.index);
    const restore = first.reason !== 'new';
    const params = { kind: x.t(KIND_KEY[first.kind]), detail };
    const text =
      columns.length === 1
        ? x.t(restore ? 'rules.lineRestore' : 'rules.lineNew', {
            ...params,
            letter: first.letter,
            header: first.header,
          })
        : x.t(restore ? 'rules.spanRestore' : 'rules.spanNew', {
            ...params,
            columns: spans(columns.map((c) => c.index)),
          });
    return { kind: first.kind, letters: columns.map((c) => c.letter), text };
  });
}
