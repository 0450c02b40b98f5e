/**
 * Services.logger: what an action absorbs is reported through the injected logger (the console
 * in production), never straight to the console, so tests can read and assert it.
 */
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { newExecution, v3Workbook } from '../support/emulated';

const KILLED = 'Exceeded maximum execution time';

describe('the injected logger', () => {
  let consoleWarn: jest.SpyInstance;
  beforeEach(() => {
    consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => consoleWarn.mockRestore());

  it('gets the warnings of a killed apply (cache clean-up, failure row), and the console gets none', () => {
    const { emu } = v3Workbook({ spools: 30 });
    const plan = previewSchema(newExecution(emu));
    for (let k = 20; k < 220; k++) emu.faults.failOnCall(k, { message: KILLED });
    expect(() => applySchema(newExecution(emu), plan.fingerprint)).toThrow(KILLED);
    expect(emu.logs).toEqual([
      `WARN: Sheet Schema: could not clear the cached column maps: ${KILLED}`,
      `WARN: Sheet Schema: could not record the failed apply in _schema_history: ${KILLED}`,
    ]);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('gets the warning of a lock that could not be released after a change that landed', () => {
    const { emu } = v3Workbook({ spools: 5 });
    const plan = previewSchema(newExecution(emu));
    const context = newExecution(emu);
    const lock = emu.globals.LockService.getDocumentLock();
    jest.spyOn(emu.globals.LockService, 'getDocumentLock').mockReturnValue(lock);
    jest.spyOn(lock, 'releaseLock').mockImplementation(() => {
      throw new Error('Lock service timed out');
    });
    applySchema(context, plan.fingerprint);
    expect(emu.readSheet('Operaciones')[0]).toHaveLength(72);
    expect(emu.logs).toEqual([
      'WARN: Sheet Schema: could not release the lock (it is released when this execution ends): Lock service timed out',
    ]);
    expect(consoleWarn).not.toHaveBeenCalled();
  });
});
