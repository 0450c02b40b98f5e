import type { HtmlOutputImpl } from './html';
import { type HasRuntime, instrumentClass, type Runtime } from './runtime';
import type { ButtonName, ButtonSetName, MenuEntry, MenuItemRecord, MenuRecord } from './types';

export const Button = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const);
export const ButtonSet = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const);

const ALLOWED: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export class PromptResponseImpl implements HasRuntime {
  constructor(
    readonly _rt: Runtime,
    private readonly _button: ButtonName,
    private readonly _text: string,
  ) {}
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): ButtonName {
    return this._button;
  }
}

export class MenuImpl implements HasRuntime {
  private readonly _entries: MenuEntry[] = [];
  constructor(
    readonly _rt: Runtime,
    private readonly _caption: string,
    private readonly _addon: boolean,
  ) {}

  addItem(caption: string, functionName: string): this {
    this._entries.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): this {
    this._entries.push({ separator: true });
    return this;
  }

  addSubMenu(menu: MenuImpl): this {
    this._entries.push({ caption: menu._caption, submenu: menu._record() });
    return this;
  }

  addToUi(): void {
    this._rt.ui.addMenu(this._record());
  }

  _record(): MenuRecord {
    const items = this._entries.filter((e): e is MenuItemRecord => 'functionName' in e).map((e) => ({ ...e }));
    return { caption: this._caption, addon: this._addon, items, entries: [...this._entries] };
  }
}

/** alert/prompt overloads: (prompt) | (prompt, buttons) | (title, prompt, buttons). */
function dialogArgs(args: unknown[]): { title?: string; prompt: string; buttons?: ButtonSetName } {
  if (args.length >= 3) return { title: String(args[0]), prompt: String(args[1]), buttons: args[2] as ButtonSetName };
  if (args.length === 2) return { prompt: String(args[0]), buttons: args[1] as ButtonSetName };
  return { prompt: String(args[0]) };
}

export class UiImpl implements HasRuntime {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(readonly _rt: Runtime) {}

  createMenu(caption: string): MenuImpl {
    return new MenuImpl(this._rt, String(caption), false);
  }
  createAddonMenu(): MenuImpl {
    return new MenuImpl(this._rt, '', true);
  }

  alert(...args: unknown[]): ButtonName {
    const d = dialogArgs(args);
    const answer = this._answer(d.buttons ?? 'OK');
    this._rt.ui.alerts.push({ kind: 'alert', ...d, response: answer.button });
    return answer.button;
  }

  prompt(...args: unknown[]): PromptResponseImpl {
    const d = dialogArgs(args);
    const answer = this._answer(d.buttons ?? 'OK');
    const text = answer.text ?? '';
    this._rt.ui.alerts.push({ kind: 'prompt', ...d, response: answer.button, responseText: text });
    return new PromptResponseImpl(this._rt, answer.button, text);
  }

  /** "Add-ons can't open sidebars or dialogs while executing in AuthMode.LIMITED" (nor NONE). */
  private _fullOnly(method: string): void {
    this._rt.requireAuthMode('FULL', `Ui.${method}`, 'https://www.googleapis.com/auth/script.container.ui');
  }

  private _answer(buttons: ButtonSetName): { button: ButtonName; text?: string } {
    const answer = this._rt.ui.nextAnswer();
    if (answer.button !== 'CLOSE' && !ALLOWED[buttons]?.includes(answer.button)) {
      throw new Error(`Emulator: queued answer ${answer.button} is not a button of ButtonSet.${buttons}`);
    }
    return answer;
  }

  showSidebar(userInterface: HtmlOutputImpl): void {
    this._fullOnly('showSidebar');
    this._rt.ui.sidebars.push({ title: userInterface._title, html: userInterface._content });
  }

  showModalDialog(userInterface: HtmlOutputImpl, title: string): void {
    this._fullOnly('showModalDialog');
    this._rt.ui.dialogs.push({ title: String(title), html: userInterface._content, modal: true });
  }

  showModelessDialog(userInterface: HtmlOutputImpl, title: string): void {
    this._fullOnly('showModelessDialog');
    this._rt.ui.dialogs.push({ title: String(title), html: userInterface._content, modal: false });
  }
}

instrumentClass(UiImpl, 'Ui', 'Ui');
instrumentClass(MenuImpl, 'Menu', 'Ui');
instrumentClass(PromptResponseImpl, 'PromptResponse', 'Ui');
