/**
 * Tests reach the shared harness through here: server contexts over the emulator and the one
 * v3.0 workbook builder live in emulator/harness/, where scripts/ use them too.
 */
export { newExecution, servicesOf, sheetWrites, writeCalls } from '../../emulator/harness/execution';
export { type V3Options, V4_HEADERS, v3Workbook } from '../../emulator/harness/workbooks';
