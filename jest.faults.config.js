/** @type {import('jest').Config} */
// The fault suite (npm run test:faults): the whole system on real servers, broken on purpose. Each file starts
// its own PostgreSQL, Temporal dev server, gateway, API and worker processes, so files run side by side.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/faults'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  setupFilesAfterEnv: ['<rootDir>/test/helpers/quiet-runtime.ts'],
  // Faults are waited out in real time (activity timeouts, a 20-second database outage).
  testTimeout: 240000,
  maxWorkers: 2,
};
