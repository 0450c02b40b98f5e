import type { Emulator } from '../../emulator';

/**
 * Tests reach the shared harness through here: server contexts over the emulator and the one
 * v3.0 workbook builder live in emulator/harness/, where scripts/ use them too.
 */
export { newExecution, servicesOf, sheetWrites, writeCalls } from '../../emulator/harness/execution';
export { type V3Options, V4_HEADERS, v3Workbook } from '../../emulator/harness/workbooks';

/**
 * Data rows of Operaciones (1-based sheet rows) where BP–BT — and anything right of them — do not
 * all hold 0: empty after an apply that initialised every row with the default.
 */
export function rowsNotZeroInBpOnwards(emu: Emulator): number[] {
  return emu
    .readSheet('Operaciones')
    .flatMap((row, i) => (i > 0 && !row.slice(67).every((v) => v === 0) ? [i + 1] : []));
}

/** The criteria of the rules the apply sets on BP–BT: whole numbers by custom formula, inches by ≥ 0. */
export const V4_RULE_CRITERIA = [
  'CUSTOM_FORMULA',
  'CUSTOM_FORMULA',
  'CUSTOM_FORMULA',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
];

/**
 * What the check adds per sheet for its sheet rules (src/server/ruleCheck.ts), on top of its own
 * header read (which the rules reuse): getMaxRows, header notes, the first data row's rules and
 * formats, the last grid row's rules, getProtections and the five own protections' descriptions;
 * cells: 4 × 5 cells of BP–BT. (Before the rules reused the header read: 12 calls, 72 + 15 cells.)
 */
export const RULE_CHECK = { calls: 11, cells: 4 * 5 };
