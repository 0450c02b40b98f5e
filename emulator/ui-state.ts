import type { AlertRecord, ButtonName, MenuRecord, UiRecorder } from './types';

interface QueuedAnswer {
  button: ButtonName;
  text?: string;
}

/** What the user "sees" and how they answer dialogs. Shared by the Ui service and Spreadsheet.toast(). */
export class UiState implements UiRecorder {
  readonly alerts: AlertRecord[] = [];
  readonly menus: MenuRecord[] = [];
  readonly sidebars: { title: string; html: string }[] = [];
  readonly dialogs: { title: string; html: string; modal: boolean }[] = [];
  readonly toasts: { message: string; title: string; timeoutSeconds: number }[] = [];
  private queue: QueuedAnswer[] = [];

  respondWith(...buttons: ButtonName[]): void {
    for (const button of buttons) this.queue.push({ button });
  }

  respondWithText(text: string, button: ButtonName = 'OK'): void {
    this.queue.push({ button, text });
  }

  pending(): number {
    return this.queue.length;
  }

  /** Next answer; 'CLOSE' (the user dismissed the dialog) when nothing is queued. */
  nextAnswer(): QueuedAnswer {
    return this.queue.shift() ?? { button: 'CLOSE' };
  }

  addMenu(menu: MenuRecord): void {
    const i = this.menus.findIndex((m) => m.caption === menu.caption && m.addon === menu.addon);
    if (i >= 0) this.menus.splice(i, 1, menu);
    else this.menus.push(menu);
  }
}
