/** Shared assertions for the emulator tests. */
export function expectGasError(fn: () => unknown, message: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(Error);
  expect((thrown as Error).message).toBe(message);
  expect((thrown as Error).name).toBe('Exception');
}
