// Compiles the production server (src/main.ts, src/start.ts and what it imports from this repository) into one
// ES module, dist/start.mjs; packages stay imports from node_modules. Run by `npm start` and
// `npm run build`. Why: under tsx, Node 20 runs the TypeScript loader in a second thread with its
// own heap, and keeps every transpiled module and source map: ~160 MB more resident memory for the
// same server (docs/BENCHMARKS.md, "Memory").
import fs from 'node:fs'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

/** Bundles the given entry points ({ name: 'path.ts' }) into dist/<name>.mjs (or `outdir`). */
export const buildServer = (entryPoints, outdir = 'dist') => {
  fs.rmSync(`${outdir}/chunks`, { recursive: true, force: true })
  return build({
  entryPoints,
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // A dynamic `import()` stays one: what src/db/database.ts loads for one database only (the SQLite
  // stack, its migrations) goes into its own chunk instead of the entry's imports, which would
  // load every package it names at start (tests/db-adapter-loading.test.ts checks the bundle).
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  target: 'node22.12', // the lowest Node.js package.json's engines accept
  format: 'esm',
  packages: 'external',
  conditions: ['production'],
  logLevel: 'warning',
  })
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildServer({ start: 'src/main.ts', jobs: 'src/jobs/worker.ts' })
}
