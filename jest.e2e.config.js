/** End-to-end: `npm start` on a fresh DATA_DIR, driven by Debian's Chromium through playwright-core. */
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }] },
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/src/shared/$1' },
  testTimeout: 240000,
  maxWorkers: 1,
};
