/** jest runs the TypeScript sources as ESM through SWC; see README "Tests". */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } }, module: { type: 'es6' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/'],
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/src/payload.config.ts',
    // json-schema-walker (under payload-oapi) require()s this package's ESM-only v15, which Node
    // loads natively (require(esm): 20.19+, 22.12+) but jest's module system cannot; v11
    // (CommonJS, same $RefParser API) is installed beside it.
    '^@apidevtools/json-schema-ref-parser$': '<rootDir>/node_modules/@apidevtools/json-schema-ref-parser',
  },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  testTimeout: 60_000,
  // Each file boots Payload on its own database; two at a time fits a 2-core machine.
  maxWorkers: 2,
  // Each file's Payload (its modules, its SQLite client) is not all freed when the file ends: a
  // worker that grew past this is replaced before its next file (CI ran out of heap without it).
  workerIdleMemoryLimit: '1536MB',
}
