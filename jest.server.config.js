/** Backend tests: use cases, SQL adapter and gateway, on a real PGlite (and PostgreSQL when DATABASE_URL is set). */
module.exports = {
  displayName: 'server',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/server/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/src/shared/$1' },
  testTimeout: 60000,
};
