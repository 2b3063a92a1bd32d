/**
 * The layout's one rule about direction: the Payload config (src/config.ts and everything it
 * imports) never depends on the express layer (src/http/, src/server.ts, express itself), so the
 * config can be loaded by Next, the CLI and the jobs worker without an HTTP server. Read from the
 * sources, no database.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { projectRoot } from '../src/settings/paths'

const EXPRESS_LAYER = [/^src\/http\//, /^src\/server\.ts$/, /^src\/start\.ts$/]
const EXPRESS_PACKAGES = ['express', 'supertest', 'helmet']
const IMPORT = /(?:^|[^\w.])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(?\s*['"]([^'"]+)['"]/gm

function resolveRelative(fromFile: string, specifier: string): string | undefined {
  const base = path.join(path.dirname(fromFile), specifier)
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]
  if (specifier.endsWith('.js')) candidates.push(`${base.slice(0, -3)}.ts`)
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile())
}

/** Every repository file reachable from `entry` through relative imports, with what each imports. */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  const pending = [path.join(projectRoot, entry)]
  while (pending.length) {
    const file = pending.pop()!
    if (graph.has(file) || !/\.(tsx?|mjs|js)$/.test(file)) continue
    const specifiers = [...fs.readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!)
    graph.set(file, specifiers)
    for (const specifier of specifiers) {
      if (!specifier.startsWith('.')) continue
      const target = resolveRelative(file, specifier)
      if (target) pending.push(target)
    }
  }
  return graph
}

describe('layout', () => {
  const graph = importGraph('src/config.ts')
  const relative = (file: string) => path.relative(projectRoot, file).split(path.sep).join('/')

  it('reads a real graph (the collections, the workflow and the query rules are reachable)', () => {
    const files = [...graph.keys()].map(relative)
    expect(files).toEqual(expect.arrayContaining(['collections/index.ts', 'src/workflow/machine.ts', 'src/security/queryGuard.ts']))
  })

  it('nothing reachable from the Payload config imports the express layer', () => {
    const offending: string[] = []
    for (const [file, specifiers] of graph) {
      if (EXPRESS_LAYER.some((pattern) => pattern.test(relative(file)))) offending.push(`${relative(file)} is reachable`)
      for (const specifier of specifiers) {
        const target = specifier.startsWith('.') ? resolveRelative(file, specifier) : undefined
        if (target && EXPRESS_LAYER.some((pattern) => pattern.test(relative(target)))) offending.push(`${relative(file)} imports ${specifier}`)
        if (EXPRESS_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`))) offending.push(`${relative(file)} imports ${specifier}`)
      }
    }
    expect(offending).toEqual([])
  })

  it('src/ holds at most 8 files at its top level; the rest is in folders named for what they hold', () => {
    const files = fs.readdirSync(path.join(projectRoot, 'src'), { withFileTypes: true }).filter((entry) => entry.isFile())
    expect(files.length).toBeLessThanOrEqual(8)
  })
})
