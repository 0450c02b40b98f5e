/** Bundle tests load dist/Code.js: build it once per jest run so they never test a stale bundle. */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = () => {
  // A jest run started by a test (test/quietOutput.test.ts) must not rewrite dist/ under the
  // bundle tests of the run that started it: that run built it already.
  if (process.env.SHEET_SCHEMA_DIST_BUILT === '1') return;
  // Quiet when it works (the test output shows results only); everything it printed when it fails.
  try {
    execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, '..', 'scripts', 'build.ts')], {
      stdio: 'pipe',
    });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw error;
  }
};
