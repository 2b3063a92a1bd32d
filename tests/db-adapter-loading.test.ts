/**
 * Only the database adapter in use is loaded: on MongoDB nothing of the SQLite stack (the SQLite
 * adapter, drizzle, @libsql/client, the SQL migrations) is imported at start, and on SQLite
 * nothing of MongoDB's. Checked on the module graph of our sources from the server's entry
 * points: a static import reaches its module at start; a dynamic `await import()` only where it
 * runs (src/db/database.ts picks the adapter by the URI).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { projectRoot } from '../src/settings/paths'

const SQLITE_ONLY = [/^@payloadcms\/db-sqlite/, /^@payloadcms\/drizzle/, /^drizzle-orm/, /^@libsql\//, /^libsql/, /src\/db\/migrations\//]
const MONGODB_ONLY = [/^@payloadcms\/db-mongodb/, /^mongoose/, /^mongodb/]
const ENTRY_POINTS = ['src/start.ts', 'src/jobs/worker.ts']

/** Every module (our files, and bare package names) the entry points import statically, with the chain that reaches it. */
function staticGraph(): Map<string, string[]> {
  const reached = new Map<string, string[]>()
  const visit = (file: string, chain: string[]) => {
    if (reached.has(file)) return
    reached.set(file, chain)
    if (!file.startsWith('/')) return // a package: not followed
    const source = fs.readFileSync(file, 'utf8')
    // Static imports and re-exports, not `import type` / `export type` (erased) nor `await import()`.
    const specifiers = [...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!)
    for (const specifier of specifiers) {
      if (!specifier.startsWith('.')) {
        visit(specifier, [...chain, file])
        continue
      }
      const base = path.resolve(path.dirname(file), specifier)
      const resolved = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((f) => fs.existsSync(f) && fs.statSync(f).isFile())
      if (resolved && /\.tsx?$/.test(resolved)) visit(resolved, [...chain, file])
    }
  }
  for (const entry of ENTRY_POINTS) visit(path.join(projectRoot, entry), [])
  return reached
}

const offending = (graph: Map<string, string[]>, patterns: RegExp[]) =>
  [...graph.entries()]
    .filter(([module]) => patterns.some((p) => p.test(module.replace(projectRoot + '/', ''))))
    .map(([module, chain]) => [...chain, module].map((m) => m.replace(projectRoot + '/', '')).join(' → '))

describe('database adapters are loaded only when used', () => {
  const graph = staticGraph()

  it('walks the server’s module graph', () => {
    expect(graph.size).toBeGreaterThan(100)
    expect(graph.has(path.join(projectRoot, 'src/db/database.ts'))).toBe(true)
  })

  it('imports nothing of the SQLite stack (adapter, drizzle, libsql, migrations) statically', () => {
    expect(offending(graph, SQLITE_ONLY)).toEqual([])
  })

  it('imports nothing of MongoDB statically', () => {
    expect(offending(graph, MONGODB_ONLY)).toEqual([])
  })
})

describe('the production bundle (npm start runs dist/start.mjs)', () => {
  it('keeps the SQLite stack out of what the entry points import statically (it is a chunk loaded by import())', async () => {
    const os = await import('node:os')
    const { buildServer } = (await import(path.join(projectRoot, 'scripts/build-server.mjs'))) as { buildServer: (e: Record<string, string>, outdir: string) => Promise<unknown> }
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-'))
    try {
      await buildServer({ start: path.join(projectRoot, 'src/start.ts'), jobs: path.join(projectRoot, 'src/jobs/worker.ts') }, outdir)
      const reached = new Set<string>()
      const visit = (file: string) => {
        if (reached.has(file)) return
        reached.add(file)
        if (!file.startsWith('/')) return
        const code = fs.readFileSync(file, 'utf8')
        for (const [, specifier] of code.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)";/gm)) visit(specifier!.startsWith('.') ? path.resolve(path.dirname(file), specifier!) : specifier!)
        for (const [, specifier] of code.matchAll(/^import\s*"([^"]+)";/gm)) visit(specifier!.startsWith('.') ? path.resolve(path.dirname(file), specifier!) : specifier!)
      }
      visit(path.join(outdir, 'start.mjs'))
      visit(path.join(outdir, 'jobs.mjs'))
      expect(reached.size).toBeGreaterThan(20)
      expect([...reached].filter((m) => [...SQLITE_ONLY, ...MONGODB_ONLY].some((p) => p.test(m)))).toEqual([])
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true })
    }
  }, 120_000)
})
