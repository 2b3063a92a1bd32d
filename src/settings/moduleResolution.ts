/**
 * Cheaper module loading at start on Node 24. To learn the format of each `.js` file it imports, Node
 * 24 (24.22.3, production's runtime) reads the package scope with an object spread that evaluates
 * the lazy `exports` getter, so it parses the package.json's whole `exports` map again for every
 * import of a file of that package (lib/internal/modules/package_json_reader.js,
 * getPackageScopeConfig). drizzle-orm (177 KB of exports, 265 files loaded) and date-fns (200 KB,
 * 304 files) make that ~500 MB of garbage in the first second, and V8 keeps the heap it grew to: an
 * idle API-only server at 100,000 resources held 446 MB resident instead of 280, and started in
 * 2.6 s instead of 1.2 (docs/BENCHMARKS.md, "Memory", session 8).
 *
 * These hooks answer the imports that hit it as Node would, without the parse:
 * - a relative `./x.js` / `.mjs` / `.cjs` import from inside node_modules: the file's real path (as
 *   Node resolves symlinks) and its format from the nearest package.json's `type`, read once per
 *   folder; a package.json without `type` (Node then looks at the source), a file that is not
 *   there, or anything unusual in the specifier goes to Node's own resolution;
 * - a bare specifier (`drizzle-orm/sqlite-core`): Node's own answer, kept per importing folder,
 *   conditions and import attributes (the inputs the answer depends on).
 * `import` only (require() is left as it is); where `module.registerHooks` exists (Node >= 22.15).
 */
import fs from 'node:fs'
import module from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

type Format = 'module' | 'commonjs'
type ResolveContext = { conditions?: string[]; importAttributes?: Record<string, string>; parentURL?: string }
type ResolveResult = { url: string; format?: string | null; shortCircuit?: boolean }
type NextResolve = (specifier: string, context?: ResolveContext) => ResolveResult
type RegisterHooks = (hooks: { resolve: (specifier: string, context: ResolveContext, next: NextResolve) => ResolveResult }) => unknown

const RELATIVE_SCRIPT = /^\.\.?\/[^?#%\\]*\.(?:m|c)?js$/
const BARE = /^[^./#][^:]*$/
let installed = false

/** Installs the hooks (once); false where this Node has no `module.registerHooks`. */
export function cacheModuleResolution(): boolean {
  const registerHooks = (module as unknown as { registerHooks?: RegisterHooks }).registerHooks
  if (!registerHooks || installed) return Boolean(registerHooks)
  installed = true
  const bare = new Map<string, ResolveResult>()
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const parent = context.parentURL
      if (!parent?.startsWith('file:') || !context.conditions?.includes('import')) return nextResolve(specifier, context)
      if (RELATIVE_SCRIPT.test(specifier) && parent.includes('/node_modules/')) {
        return relativeScript(specifier, parent) ?? nextResolve(specifier, context)
      }
      if (!BARE.test(specifier)) return nextResolve(specifier, context)
      const key = `${specifier}\0${parent.slice(0, parent.lastIndexOf('/'))}\0${context.conditions.join(',')}\0${JSON.stringify(context.importAttributes ?? {})}`
      let answer = bare.get(key)
      if (!answer) bare.set(key, (answer = { ...nextResolve(specifier, context), shortCircuit: true }))
      return answer
    },
  })
  return true
}

function relativeScript(specifier: string, parent: string): ResolveResult | undefined {
  let file: string
  try {
    file = fs.realpathSync(fileURLToPath(new URL(specifier, parent)))
  } catch {
    return undefined // not there: Node's own resolution says so in its words
  }
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return undefined
  const ext = path.extname(file)
  const format = ext === '.mjs' ? 'module' : ext === '.cjs' ? 'commonjs' : packageType(path.dirname(file))
  return format ? { url: pathToFileURL(file).href, format, shortCircuit: true } : undefined
}

/** The `type` of the package.json nearest to `dir` (Node's rule for `.js`); undefined when it has none. */
const typeOfFolder = new Map<string, Format | undefined>()
function packageType(dir: string): Format | undefined {
  const visited: string[] = []
  let type: Format | undefined
  for (let folder = dir; ; folder = path.dirname(folder)) {
    if (typeOfFolder.has(folder)) {
      type = typeOfFolder.get(folder)
      break
    }
    visited.push(folder)
    const text = readIfThere(path.join(folder, 'package.json'))
    if (text !== undefined) {
      type = typeField(text)
      break
    }
    if (path.dirname(folder) === folder) break
  }
  for (const folder of visited) typeOfFolder.set(folder, type)
  return type
}

function readIfThere(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

function typeField(packageJson: string): Format | undefined {
  try {
    const type = (JSON.parse(packageJson) as { type?: unknown }).type
    return type === 'module' || type === 'commonjs' ? type : undefined
  } catch {
    return undefined // Node's own resolution reports the broken package.json
  }
}
