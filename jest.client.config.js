/**
 * Jest for the client: components rendered with Taro's real web components in jsdom.
 * Kept apart from the server's jest config; `npm test` runs it as one of its projects.
 */
module.exports = {
  displayName: 'client',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/components/**/*.test.ts?(x)'],
  moduleFileExtensions: ['tsx', 'ts', 'js', 'jsx', 'mjs', 'json'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
    // Taro's web components ship as ES modules; jest needs them in CommonJS.
    '^.+\\.m?jsx?$': ['babel-jest', { configFile: false, babelrc: false, presets: [['@babel/preset-env', { targets: { node: 'current' } }]] }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|\\.pnpm|tslib|swiper)/)'],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@shared/(.*)$': '<rootDir>/src/shared/$1',
    '\\.(css|scss|sass|less)$': '<rootDir>/tests/components/styleStub.js',
  },
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
    CLOUD_ENV: '',
  },
};
