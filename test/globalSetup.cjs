/** Bundle tests load dist/Code.js: build it once per jest run so they never test a stale bundle. */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = () => {
  execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, '..', 'scripts', 'build.ts')], {
    stdio: 'inherit',
  });
};
