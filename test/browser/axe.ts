/** axe-core in the sidebar's frame: serious and critical violations of one sidebar state. */
import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeProblem {
  readonly state: string;
  readonly rule: string;
  readonly impact: string;
  readonly targets: string[];
}

interface AxeResult {
  readonly passes: ReadonlyArray<{ readonly id: string }>;
  readonly violations: ReadonlyArray<{
    readonly id: string;
    readonly impact: string | null;
    readonly nodes: ReadonlyArray<{ readonly target: unknown[] }>;
  }>;
}

/** Runs axe over the whole sidebar document; returns what is serious or critical (empty is the goal). */
export async function seriousViolations(sidebar: Frame, state: string): Promise<AxeProblem[]> {
  if (!(await sidebar.evaluate('typeof window.axe !== "undefined"')))
    await sidebar.addScriptTag({ content: AXE_SOURCE });
  const result = (await sidebar.evaluate('window.axe.run(document, { resultTypes: ["violations"] })')) as AxeResult;
  // A run that checked nothing would also report no violation.
  if (!result.passes.some((rule) => rule.id === 'color-contrast')) throw new Error(`axe did not check ${state}`);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ state, rule: v.id, impact: v.impact ?? '', targets: v.nodes.map((n) => String(n.target)) }));
}
