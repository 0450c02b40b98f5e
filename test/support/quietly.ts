/** Runs `fn` with console.warn/info silenced: the code under test logs every platform error it absorbs. */
export function quietly<T>(fn: () => T): T {
  const { warn, info } = console;
  console.warn = () => undefined;
  console.info = () => undefined;
  try {
    return fn();
  } finally {
    console.warn = warn;
    console.info = info;
  }
}
