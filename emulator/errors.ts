/** Apps Script surfaces service errors as `Exception: <message>` with `e.name === 'Exception'`. */
export class GasException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export function fail(message: string): never {
  throw new GasException(message);
}

/** Exact texts (see docs/emulator.md for sources and confidence). */
export const MSG = {
  outsideGrid: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowsAtLeast1: 'The number of rows in the range must be at least 1.',
  columnsAtLeast1: 'The number of columns in the range must be at least 1.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  rangeNotFound: 'Range not found',
  cellLimit: 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  columnLimit: 'This action would increase the number of columns in the sheet above the limit of 18278 columns.',
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  duplicateSheet: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  hideAllSheets: "You can't hide all the sheets in a document.",
  deleteLastSheet: "You can't remove all the sheets in a document.",
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllColumns: 'Sorry, it is not possible to delete all non-frozen columns.',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  documentMissing: (id: string) => `Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`,
  noActiveSheet: 'Please select an active sheet first.',
  getUiContext: 'Cannot call SpreadsheetApp.getUi() from this context.',
  /** Services with no documented scope (Properties, Lock) in AuthMode.NONE: text UNCONFIRMED. */
  permissionDenied: (method: string) => `You do not have permission to call ${method}.`,
  permission: (method: string, scope: string) =>
    `You do not have permission to call ${method}. Required permissions: ${scope}`,
  cacheKeyTooLarge: 'Argument too large: key',
  cacheValueTooLarge: 'Argument too large: value',
  invalidKey: 'Invalid argument: key',
  propertyValueTooLarge: 'Argument too large: value',
  propertyQuota: 'You have exceeded the property storage quota. Please remove some properties and try again.',
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  negativeTimeout: 'Invalid argument: timeoutInMillis',
  tooManyTriggers:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  everyMinutes: 'The value passed to everyMinutes() must be 1, 5, 10, 15 or 30.',
  // The two add-on trigger texts are UNCONFIRMED (no primary source for the wording; the rules are OFFICIAL).
  addOnClockTooFrequent: 'Add-ons may not create time-driven triggers that run more often than once per hour.',
  addOnTriggerPerDocument: (eventType: string) =>
    `An add-on can only have one ${eventType} trigger per user per document. Delete the existing one first.`,
  frequencyRequired: 'Frequency is required if you are using atHour() or nearMinute().',
  htmlFileMissing: (name: string) => `No HTML file named ${name} was found.`,
  sleepTooLong: 'Invalid argument: milliseconds. The maximum allowed value is 300000.',
  spreadsheetTimeout: (id: string) => `Service Spreadsheets timed out while accessing document with id ${id}.`,
  serverError: "We're sorry, a server error occurred. Please wait a bit and try again.",
  validationViolation: (cell: string) =>
    `The data you entered in cell ${cell} violates the data validation rules set on this cell.`,
  scriptFunctionNotFound: (name: string) => `Script function not found: ${name}`,
} as const;
