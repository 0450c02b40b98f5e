/**
 * Browser tests alone, one worker: the real built sidebar (dist/Sidebar.html) in Debian's
 * chromium, driven by playwright-core, answered by the real server bundle on the emulator
 * (scripts/playground.ts). Needs `chromium` on PATH (.ci/run installs it with apt-get).
 * The project itself is defined in jest.config.cjs (`npx jest --selectProjects browser`).
 */
const { projects } = require('./jest.config.cjs');

module.exports = { ...projects.find((p) => p.displayName === 'browser'), maxWorkers: 1 };
