/**
 * The menu's plan dialog (and the demo's dry run) on real plans: what the deleted English
 * describePlan said — the change in plain words, notes, the cost last, up to date, blocked with
 * each problem — now in the shared wording, in both languages.
 */
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { planDialog } from '../../src/shared/wording/dialogs';
import { localText } from '../../src/shared/wording/localText';
import { newExecution, v3Workbook } from '../support/emulated';

const en = localText('en', 'Europe/Madrid');
const es = localText('es', 'Europe/Madrid');

describe('planDialog', () => {
  it('a plan with changes: what happens in the sheet, nothing else, the question, the cost last', () => {
    const { emu } = v3Workbook({ spools: 2400 });
    const plan = previewSchema(newExecution(emu));
    const lines = planDialog(en, plan).split('\n');
    expect(lines[0]).toBe('Operaciones: add 5 columns BP–BT to the right of column BO and put 0 in 2,400 rows.');
    expect(lines[1]).toBe('Nothing else changes. Nothing has been written yet.');
    expect(lines).toContain('Extend schema with these changes?');
    expect(lines[lines.length - 1]).toBe(
      `Technical cost: ${en.n(plan.cost.spreadsheetCalls)} Spreadsheet calls, ${en.n(plan.cost.cellsRead)} cells read, ${en.n(plan.cost.cellsWritten)} values sent, ${en.n(plan.cost.cellsChanged)} cells that change.`,
    );
    expect(planDialog(es, plan).split('\n')[0]).toContain('2.400');
  });

  it('up to date: one line; blocked: the headline and each problem once, as a bullet', () => {
    const { emu } = v3Workbook({ spools: 20 });
    const done = previewSchema(newExecution(emu));
    applySchema(newExecution(emu), done.fingerprint);
    expect(planDialog(en, previewSchema(newExecution(emu)))).toBe('Up to date: nothing to add, nothing to fill.');
    const sheet = emu.spreadsheet.getSheetByName('Operaciones')!;
    sheet.getRange('BQ1').setValue('Total_Uniones'); // two columns now claim one name
    const blocked = previewSchema(newExecution(emu));
    expect(blocked.status).toBe('blocked');
    const lines = planDialog(en, blocked).split('\n');
    const problems = blocked.sheets.flatMap((s) => s.errors);
    expect(lines).toHaveLength(1 + problems.length);
    expect(lines.slice(1).every((l) => l.startsWith('• '))).toBe(true);
    expect(new Set(lines).size).toBe(lines.length);
  });
});
