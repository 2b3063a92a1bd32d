/**
 * src/settings/moduleResolution.ts (npm start's first step): its hooks must load exactly what Node
 * loads — the same files, the same formats, each module once — and must spare Node 24's parse of a
 * package's whole `exports` map at every file it imports. Run in child processes: a plain node
 * with the hooks compiled as npm start compiles them, against a package tree made for the cases.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import module from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { projectRoot } from '../src/settings/paths'

const supported = typeof (module as unknown as { registerHooks?: unknown }).registerHooks === 'function'
let dir: string
let hooks: string

/** Writes `files` ({ relative path: content }) under `root`. */
function write(root: string, files: Record<string, string>) {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), content)
  }
}

const seen = (name: string, kind: 'esm' | 'cjs') =>
  kind === 'esm'
    ? `;(globalThis.seen ??= []).push(['${name}', import.meta.url.replace(/^.*node_modules/, ''), 'esm'])\n`
    : `;(globalThis.seen ??= []).push(['${name}', __filename.replace(/^.*node_modules/, ''), 'cjs'])\n`

function run(entry: string, withHooks: boolean, args: string[] = []) {
  const result = spawnSync(process.execPath, [...(withHooks ? ['--import', hooks] : []), entry, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 })
  if (result.status !== 0) throw new Error(`node ${entry} exited ${result.status}: ${result.stderr}`)
  return JSON.parse(result.stdout) as unknown
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'module-resolution-'))
  const { buildServer } = (await import(path.join(projectRoot, 'scripts/build-server.mjs'))) as { buildServer: (e: Record<string, string>, outdir: string) => Promise<unknown> }
  await buildServer({ hooks: path.join(projectRoot, 'tests/helpers/installModuleResolutionCache.ts') }, path.join(dir, 'dist'))
  hooks = path.join(dir, 'dist/hooks.mjs')
  // A big `exports` map, as drizzle-orm's and date-fns's: the parse the hooks spare.
  const exportsMap = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`./generated/${i}`, { import: `./lib/g${i}.js`, require: `./lib/g${i}.cjs` }]))
  write(path.join(dir, 'node_modules/esm-pkg'), {
    'package.json': JSON.stringify({ name: 'esm-pkg', type: 'module', exports: { '.': './index.js', './sub': './lib/sub.js', ...exportsMap } }),
    'index.js': [
      "import './lib/a.js'",
      "import './lib/linked.js'", // a symlink to a.js: one module, as Node loads it
      "import '../esm-pkg/lib/b.js'",
      "import './lib/c.cjs'",
      "import './lib/m.mjs'",
      "import './typeless/d.js'", // a package.json without `type`: Node looks at the source
      "import './cjsdir/e.js'", // a nested package.json with type commonjs
      "import 'esm-pkg/sub'",
      "import 'typeless-pkg'",
      "export const missing = await import('./lib/missing.js').then(() => 'loaded', (e) => e.code)",
      "export const folder = await import('./lib/folder.js').then(() => 'loaded', (e) => e.code)",
      seen('index', 'esm'),
    ].join('\n'),
    'lib/a.js': "import 'esm-pkg/sub'\n" + seen('a', 'esm'),
    'lib/b.js': "import './sub.js'\n" + seen('b', 'esm'),
    'lib/sub.js': seen('sub', 'esm'),
    'lib/c.cjs': seen('c', 'cjs'),
    'lib/m.mjs': seen('m', 'esm'),
    'lib/folder.js/index.js': seen('folder', 'esm'),
    'typeless/package.json': '{}',
    'typeless/d.js': 'export const d = 1\n' + seen('d', 'esm'),
    'cjsdir/package.json': JSON.stringify({ type: 'commonjs' }),
    'cjsdir/e.js': seen('e', 'cjs'),
    ...Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`lib/g${i}.js`, `import './g${i + 1 < 150 ? i + 1 : 0}.js'\nexport const g${i} = ${i}\n`])),
  })
  fs.symlinkSync(path.join(dir, 'node_modules/esm-pkg/lib/a.js'), path.join(dir, 'node_modules/esm-pkg/lib/linked.js'))
  write(path.join(dir, 'node_modules/typeless-pkg'), {
    'package.json': JSON.stringify({ name: 'typeless-pkg', main: 'index.js' }),
    'index.js': "import 'esm-pkg/sub'\nexport default 1\n" + seen('typeless-pkg', 'esm'),
  })
  write(dir, {
    'entry.mjs': "const ns = await import('esm-pkg')\nconsole.log(JSON.stringify({ seen: globalThis.seen, missing: ns.missing, folder: ns.folder }))\n",
    'many.mjs': [
      "import v8 from 'node:v8'",
      "await import('esm-pkg/generated/0')",
      'console.log(JSON.stringify(v8.getHeapStatistics().total_heap_size))',
    ].join('\n'),
  })
}, 120_000)

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('npm start resolves modules through a cache (src/settings/moduleResolution.ts)', () => {
  ;(supported ? it : it.skip)('loads the same files in the same formats as Node, each once, and fails where Node fails', () => {
    const plain = run('entry.mjs', false) as { seen: string[][]; missing: string; folder: string }
    const cached = run('entry.mjs', true)
    expect(plain.seen.map(([name]) => name).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'index', 'm', 'sub', 'typeless-pkg'])
    expect(plain.missing).toBe('ERR_MODULE_NOT_FOUND')
    expect(cached).toEqual(plain)
  })

  ;(supported ? it : it.skip)("spares Node 24's parse of the whole exports map at each file of a package", () => {
    // 150 files of one package with a 2,000-entry exports map, imported by name once and then from
    // each other: Node alone parses the map at every file; with the hooks once.
    const plain = run('many.mjs', false) as number
    const cached = run('many.mjs', true) as number
    expect(cached).toBeLessThan(plain * 0.6)
  })
})
