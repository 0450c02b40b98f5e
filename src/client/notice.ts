/**
 * The top notice: the outcome of the last action, scrolled into view and focused (so keyboard and
 * screen-reader users land on the result), in the sidebar's scroll container.
 */
import { h, replaceChildren } from './dom';

export type NoticeKind = 'success' | 'error' | 'info';

export function showNotice(target: HTMLElement, kind: NoticeKind, title: string, lines: readonly string[] = []): void {
  replaceChildren(
    target,
    h(
      'div',
      { className: `notice notice-${kind}`, attrs: { role: kind === 'error' ? 'alert' : 'status', 'data-kind': kind } },
      h('p', { className: 'notice-title' }, title),
      ...lines.map((line) => h('p', {}, line)),
    ),
  );
  bringIntoView(target);
}

/** Scrolls the element into view inside its scroll container (never the page) and focuses it. */
export function bringIntoView(target: HTMLElement): void {
  target.scrollIntoView({ block: 'nearest' });
  target.focus({ preventScroll: true });
}
