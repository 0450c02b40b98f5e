/**
 * What the sidebar's controller offers its panels (hourly check, union metrics). One server call
 * runs at a time: while one runs, every button and checkbox of the sidebar is disabled.
 */
import type { CheckResult } from '../shared/payloads';
import type { Text } from './text';

/** The sidebar's states (`#app[data-state]`). */
export type State = 'loading' | 'ready' | 'confirming' | 'applying' | 'working' | PanelConfirmState;

/** A panel's own confirm step: the union metrics recompute, or turning auto-repair on. */
export type PanelConfirmState = 'confirming-metrics' | 'confirming-repair';

export interface PanelHost {
  /** The operator's language and the spreadsheet's time zone. */
  readonly text: Text;
  /**
   * Runs one panel call: state "working" (everything disabled, the panel aria-busy), then back to
   * "ready". Ignored unless the sidebar is idle (or in the panel's own confirm step).
   */
  run(panel: HTMLElement, task: () => Promise<void>): Promise<void>;
  /** Opens or closes a panel's confirm step (default: the union metrics one). */
  setConfirming(open: boolean, step?: PanelConfirmState): void;
  /** What "Extend schema" would do now, one sentence per change (empty when nothing is pending). */
  pendingChanges(): string[];
  /**
   * A check ran (inside the running call): a check that wrote says so in the top notice and the
   * plan reloads; a result that disagrees with the plan on screen reloads it too.
   */
  checkFinished(result: CheckResult): Promise<void>;
}

/** A panel follows the sidebar's state to enable its controls. */
export interface Panel {
  sync(state: State): void;
}
