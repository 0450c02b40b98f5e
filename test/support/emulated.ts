/**
 * Tests reach the shared harness through here: server contexts over the emulator and the one
 * v3.0 workbook builder live in emulator/harness/, where scripts/ use them too.
 */
export { newExecution, servicesOf, sheetWrites, writeCalls } from '../../emulator/harness/execution';
export { type V3Options, V4_HEADERS, v3Workbook } from '../../emulator/harness/workbooks';

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
