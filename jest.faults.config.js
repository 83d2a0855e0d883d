/** @type {import('jest').Config} */
// The fault suite (npm run test:faults): the whole system on real servers, broken on purpose. Each file starts
// its own PostgreSQL, Temporal dev server, gateway, API and worker processes, so files run side by side.
const base = require('./jest.config.js');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/faults'],
  testMatch: ['**/*.test.ts'],
  // The same compilation as the jest suite (jose ships only ES modules).
  transform: base.transform,
  transformIgnorePatterns: base.transformIgnorePatterns,
  setupFilesAfterEnv: ['<rootDir>/test/helpers/quiet-runtime.ts'],
  // Faults are waited out in real time (activity timeouts, a 20-second database outage).
  testTimeout: 240000,
  maxWorkers: 2,
};
