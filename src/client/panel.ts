/**
 * What the sidebar's controller offers its panels (hourly check, union metrics). One server call
 * runs at a time: while one runs, every button and checkbox of the sidebar is disabled.
 */

/** The sidebar's states (`#app[data-state]`). */
export type State = 'loading' | 'ready' | 'confirming' | 'applying' | 'working' | 'confirming-metrics';

export interface PanelHost {
  /**
   * Runs one panel call: state "working" (everything disabled, the panel aria-busy), then back to
   * "ready". Ignored unless the sidebar is idle (or in the panel's own confirm step).
   */
  run(panel: HTMLElement, task: () => Promise<void>): Promise<void>;
  /** Opens or closes the union metrics confirm step (state "confirming-metrics"). */
  setConfirming(open: boolean): void;
  /** The schema changed on the server (auto-repair applied): reload the plan, inside the running call. */
  planChanged(): Promise<void>;
}

/** A panel follows the sidebar's state to enable its controls. */
export interface Panel {
  sync(state: State): void;
}
