/**
 * What a jest run prints besides its results: console output of the code under test (jest's
 * "console.warn" blocks with their stack lines) or anything else a test writes. With
 * `--verbose=false` and no colours the default reporter's own lines are the file verdicts and the summary.
 */
const REPORT_LINE = [
  /^(PASS|FAIL) /,
  /^(Test Suites|Tests|Snapshots|Time):/,
  /^Ran all test suites/,
  /^Running (one|\d+) projects?:/,
];

export function strayLines(output: string): string[] {
  return output.split('\n').filter((line) => line.trim() !== '' && !REPORT_LINE.some((pattern) => pattern.test(line)));
}
