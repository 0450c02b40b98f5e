/**
 * `npm test` shows results only: the suites whose code absorbs platform errors (services,
 * adapters, the bundle's triggers) run in a child jest and print nothing but verdicts and the
 * summary. The code warns through the injected logger (Services.logger), which tests read.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { strayLines } from '../support/strayOutput';

const ROOT = resolve(__dirname, '..', '..');
const NOISY_SUITES = ['test/server', 'test/adapters', 'test/bundle'];

jest.setTimeout(120_000);

describe('test output', () => {
  it('counts console blocks and other writes as stray, and jest verdicts and the summary as not', () => {
    const output = [
      'PASS test/server/a.test.ts',
      '  console.warn',
      '    Sheet Schema: could not release the lock',
      '',
      '      at releaseQuietly (src/adapters/lock.ts:35:13)',
      'stray text from a test',
      'Test Suites: 1 passed, 1 total',
      'Tests:       7 passed, 7 total',
      'Snapshots:   0 total',
      'Time:        2.687 s',
      'Ran all test suites matching test/server.',
    ].join('\n');
    expect(strayLines(output)).toEqual([
      '  console.warn',
      '    Sheet Schema: could not release the lock',
      '      at releaseQuietly (src/adapters/lock.ts:35:13)',
      'stray text from a test',
    ]);
  });

  it(`running ${NOISY_SUITES.join(', ')} prints results only`, () => {
    const run = spawnSync(
      process.execPath,
      [require.resolve('jest/bin/jest'), '--selectProjects', 'unit', '--verbose=false', '--ci', ...NOISY_SUITES],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, SHEET_SCHEMA_DIST_BUILT: '1', FORCE_COLOR: '0' },
      },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output).toMatch(/Test Suites: \d+ passed, \d+ total/);
    expect(run.status).toBe(0);
    expect(strayLines(output)).toEqual([]);
  });
});
