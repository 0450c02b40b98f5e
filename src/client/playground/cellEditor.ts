/**
 * The playground grid's cell editor: type a value into one cell of the selected sheet as a person
 * would (POST /api/edit), so the add-on's edit triggers run — e.g. live metrics after a weld date.
 */
import { byId } from '../dom';

export function mountCellEditor(options: { selectedSheet: () => string; refresh: () => Promise<void> }): void {
  const form = byId('cell-editor', HTMLFormElement);
  const cell = byId('edit-cell', HTMLInputElement);
  const value = byId('edit-value', HTMLInputElement);
  const said = byId('edit-status', HTMLElement);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const sheet = options.selectedSheet();
      const response = await fetch('/api/edit', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sheet, a1: cell.value.trim().toUpperCase(), value: value.value }),
      });
      const answer = (await response.json()) as {
        triggers?: { handler: string; error: string | null }[];
        error?: string;
      };
      said.textContent = response.ok
        ? `Typed into ${sheet}!${cell.value.toUpperCase()}; triggers run: ${(answer.triggers ?? []).map((t) => t.handler).join(', ') || 'none'}.`
        : `Not typed: ${answer.error ?? `HTTP ${response.status}`}`;
      document.body.dataset.edits = String(Number(document.body.dataset.edits ?? '0') + 1);
      await options.refresh();
    })();
  });
}
