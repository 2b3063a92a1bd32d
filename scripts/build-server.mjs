// Compiles the production server (src/start.ts and what it imports from this repository) into one
// ES module, dist/start.mjs; packages stay imports from node_modules. Run by `npm start` and
// `npm run build`. Why: under tsx, Node 20 runs the TypeScript loader in a second thread with its
// own heap, and keeps every transpiled module and source map: ~160 MB more resident memory for the
// same server (docs/BENCHMARKS.md, "Memory").
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

/** Bundles the given entry points ({ name: 'path.ts' }) into dist/<name>.mjs. */
export const buildServer = (entryPoints) => build({
  entryPoints,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node22.12', // the lowest Node.js package.json's engines accept
  format: 'esm',
  packages: 'external',
  conditions: ['production'],
  logLevel: 'warning',
})

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildServer({ start: 'src/start.ts', jobs: 'src/jobs/worker.ts' })
}
