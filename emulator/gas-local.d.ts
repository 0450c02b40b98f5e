declare module 'gas-local' {
  interface GasLocal {
    /** Loads every .js file under `folderPath` (recursively, alphabetically) into a vm context made from `globalObject`. */
    require(
      folderPath: string,
      globalObject?: object,
      options?: { filter?: (file: string) => boolean },
    ): Record<string, unknown>;
    globalMockDefault: object;
  }
  const gasLocal: GasLocal;
  export default gasLocal;
}
