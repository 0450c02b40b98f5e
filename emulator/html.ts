import { fail, MSG } from './errors';
import { type HasRuntime, instrumentClass, type Runtime } from './runtime';

export const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const);
export const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const);

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export class HtmlOutputImpl implements HasRuntime {
  _title = '';
  _width = 0;
  _height = 0;
  _xFrame = 'DEFAULT';
  readonly _meta: { name: string; content: string }[] = [];
  constructor(
    readonly _rt: Runtime,
    public _content: string,
  ) {}

  getContent(): string {
    return this._content;
  }
  setContent(content: string): this {
    this._content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this._content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this._content += escapeHtml(String(addedContent));
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(title: string): this {
    this._title = String(title);
    return this;
  }
  getWidth(): number {
    return this._width;
  }
  setWidth(width: number): this {
    this._width = width;
    return this;
  }
  getHeight(): number {
    return this._height;
  }
  setHeight(height: number): this {
    this._height = height;
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this._meta.push({ name, content });
    return this;
  }
  getMetaTags(): { name: string; content: string }[] {
    return [...this._meta];
  }
  setXFrameOptionsMode(mode: string): this {
    this._xFrame = String(mode);
    return this;
  }
  /** "This method now has no effect." */
  setSandboxMode(_mode: string): this {
    return this;
  }
  setFaviconUrl(_iconUrl: string): this {
    return this;
  }
}

/** Compiles `<? code ?>`, `<?= printed (escaped) ?>`, `<?!= force-printed ?>` into a function body. */
function compileTemplate(src: string): string {
  let code = 'var __out = [];\n';
  let last = 0;
  for (const m of src.matchAll(/<\?(!=|=)?([\s\S]*?)\?>/g)) {
    code += `__out.push(${JSON.stringify(src.slice(last, m.index))});\n`;
    if (m[1] === '=') code += `__out.push(__esc(${m[2]}));\n`;
    else if (m[1] === '!=') code += `__out.push(String(${m[2]}));\n`;
    else code += `${m[2]}\n`;
    last = (m.index ?? 0) + m[0].length;
  }
  return `${code}__out.push(${JSON.stringify(src.slice(last))});\nreturn __out.join('');`;
}

export class HtmlTemplateImpl implements HasRuntime {
  [property: string]: unknown;
  constructor(
    readonly _rt: Runtime,
    readonly _source: string,
  ) {}

  getRawContent(): string {
    return this._source;
  }
  getCode(): string {
    return compileTemplate(this._source);
  }

  /** Properties set on the template are in scope; the template's globals are the script's globals. */
  evaluate(): HtmlOutputImpl {
    const scope: Record<string, unknown> = {};
    for (const k of Object.keys(this)) if (!k.startsWith('_')) scope[k] = this[k];
    const esc = (v: unknown): string => escapeHtml(String(v));
    const fn = new Function('__scope', '__esc', `with (__scope) {\n${compileTemplate(this._source)}\n}`);
    return new HtmlOutputImpl(this._rt, String(fn(scope, esc)));
  }
}

export class HtmlServiceImpl implements HasRuntime {
  readonly XFrameOptionsMode = XFrameOptionsMode;
  readonly SandboxMode = SandboxMode;
  constructor(readonly _rt: Runtime) {}

  createHtmlOutput(html = ''): HtmlOutputImpl {
    return new HtmlOutputImpl(this._rt, String(html));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutputImpl {
    return new HtmlOutputImpl(this._rt, this._file(filename));
  }
  createTemplate(html: string): HtmlTemplateImpl {
    return new HtmlTemplateImpl(this._rt, String(html));
  }
  createTemplateFromFile(filename: string): HtmlTemplateImpl {
    return new HtmlTemplateImpl(this._rt, this._file(filename));
  }

  private _file(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const content = this._rt.htmlFiles.get(name);
    if (content === undefined) fail(MSG.htmlFileMissing(name));
    return content;
  }
}

instrumentClass(HtmlOutputImpl, 'HtmlOutput', 'Html');
instrumentClass(HtmlTemplateImpl, 'HtmlTemplate', 'Html');
instrumentClass(HtmlServiceImpl, 'HtmlService', 'Html');
