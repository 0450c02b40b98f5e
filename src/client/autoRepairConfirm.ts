/**
 * No silent writes: turning auto-repair on while changes are pending opens a confirm step that
 * says what the next check will do (the pending changes, in plain words) before saving it.
 */
import { byId, replaceChildren } from './dom';
import type { PanelHost, State } from './panel';
import { renderParagraphs } from './view';

export interface AutoRepairConfirm {
  /** Opens the step when changes are pending (true), calling `enable` on confirm; false: nothing to ask. */
  ask(enable: () => Promise<void>): boolean;
  sync(state: State): void;
}

export function createAutoRepairConfirm(host: PanelHost): AutoRepairConfirm {
  const x = host.text;
  const ui = {
    box: byId('auto-repair-confirm', HTMLElement),
    summary: byId('auto-repair-confirm-summary', HTMLElement),
    yes: byId('auto-repair-confirm-yes', HTMLButtonElement),
    cancel: byId('auto-repair-cancel', HTMLButtonElement),
    input: byId('auto-repair', HTMLInputElement),
  };
  let pending: (() => Promise<void>) | null = null;

  function close(): void {
    pending = null;
    host.setConfirming(false, 'confirming-repair');
  }

  function ask(enable: () => Promise<void>): boolean {
    const changes = host.pendingChanges();
    if (changes.length === 0) return false;
    pending = enable;
    replaceChildren(ui.summary, ...renderParagraphs([x.t('autoRepair.confirmText'), ...changes]));
    host.setConfirming(true, 'confirming-repair');
    ui.summary.focus();
    return true;
  }

  ui.yes.addEventListener('click', () => {
    const enable = pending;
    if (enable === null) return;
    close();
    ui.input.checked = true;
    void enable();
  });
  ui.cancel.addEventListener('click', () => {
    close();
    ui.input.focus();
  });
  ui.box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
      ui.input.focus();
    }
  });

  return {
    ask,
    sync(state) {
      const open = state === 'confirming-repair';
      ui.box.hidden = !open;
      ui.yes.disabled = !open;
      ui.cancel.disabled = !open;
    },
  };
}
