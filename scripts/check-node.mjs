// Checks the running Node.js against package.json's `engines.node` before `npm start`,
// `npm run jobs` and `npm test`. On a Node outside that range it prints one line saying which
// version to use; under NODE_ENV=production it then stops (exit 1): a service holding personal
// data does not run on a Node.js without security fixes. Elsewhere it goes on, so the README's
// commands still work on a developer machine that ships an older Node (CI tests on the
// production version: .ci/install-node).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import semver from 'semver'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The supported range (package.json) and the major line production runs (.nvmrc). */
export function runtimePolicy() {
  const { engines } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  const production = fs.readFileSync(path.join(root, '.nvmrc'), 'utf8').trim().replace(/^v/, '')
  return { range: engines.node, production }
}

/** `{ ok: true }`, or the line to print and whether to stop. */
export function checkNode(version, env, { range, production } = runtimePolicy()) {
  if (semver.satisfies(version, range)) return { ok: true }
  const stop = env.NODE_ENV === 'production'
  const then = stop ? 'Stopping: production refuses it.' : 'Going on for development; production refuses it.'
  return {
    ok: false,
    stop,
    line: `Node.js ${version} is not supported: use Node.js ${production} (supported: ${range}). ${then} See docs/DEPLOYMENT.md, "Upgrading Node.js".`,
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = checkNode(process.versions.node, process.env)
  if (!result.ok) {
    console.error(result.line)
    if (result.stop) process.exit(1)
  }
}
