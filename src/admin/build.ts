/**
 * The admin panel's production build: made the first time `npm start` needs it, and again
 * whenever the sources it is built from change (their hash is kept beside the build).
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const BUILD_INPUTS = ['src', 'collections', 'access', 'fields', 'next.config.mjs', 'tsconfig.json', 'package-lock.json']
const IGNORED = new Set(['payload-types.ts', 'node_modules', '.next'])

export function sourceHash(root: string): string {
  const hash = crypto.createHash('sha256')
  const visit = (file: string) => {
    if (!fs.existsSync(file) || IGNORED.has(path.basename(file))) return
    if (fs.statSync(file).isDirectory()) {
      for (const entry of fs.readdirSync(file).sort()) visit(path.join(file, entry))
      return
    }
    hash.update(path.relative(root, file)).update(fs.readFileSync(file))
  }
  for (const input of BUILD_INPUTS) visit(path.join(root, input))
  return hash.digest('hex')
}

export function adminBuildIsCurrent(root: string): boolean {
  const stamp = path.join(root, '.next', 'source-hash')
  return (
    fs.existsSync(path.join(root, '.next', 'BUILD_ID')) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8') === sourceHash(root)
  )
}

const LOCK = '.next-build.lock'
const LOCK_STALE_MS = 20 * 60_000

/**
 * Builds the admin panel unless its build is current. Several processes may need it at once (the
 * two browser-test files of a first `npm test`, `npm start` beside it): one builds under a lock
 * file, the others wait and then use its build, rather than two `next build`s writing one `.next`.
 */
export function ensureAdminBuild(root: string, log: (line: string) => void = console.log): void {
  const lock = path.join(root, LOCK)
  let waiting = false
  while (!adminBuildIsCurrent(root)) {
    let fd: number
    try {
      fd = fs.openSync(lock, 'wx')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      if (lockIsStale(lock)) fs.rmSync(lock, { force: true })
      else {
        if (!waiting) log('Waiting for the admin panel build another process is making…')
        waiting = true
        sleepSync(1000)
      }
      continue
    }
    try {
      fs.writeSync(fd, String(process.pid))
      if (!adminBuildIsCurrent(root)) buildAdmin(root, log)
    } finally {
      fs.closeSync(fd)
      fs.rmSync(lock, { force: true })
    }
  }
}

/** A lock whose process is gone (or older than any build) was left by a crash. */
function lockIsStale(lock: string): boolean {
  let pid: number, age: number
  try {
    pid = Number(fs.readFileSync(lock, 'utf8'))
    age = Date.now() - fs.statSync(lock).mtimeMs
  } catch {
    return false // gone meanwhile: the caller tries again
  }
  if (age > LOCK_STALE_MS) return true
  if (!pid) return age > 5_000 // its pid not yet written
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** Regenerates the import map, then runs `next build`; throws if either fails. */
export function buildAdmin(root: string, log: (line: string) => void = console.log): void {
  const started = Date.now()
  const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)
  // --conditions=production: lexical's default Node entry points load through a top-level
  // `await import()` that on Node 20 sometimes never settles, and the process exits silently.
  const nodeOptions = `${process.env.NODE_OPTIONS ?? ''} --conditions=production --no-deprecation`.trim()
  const env = { ...process.env, PAYLOAD_CONFIG_PATH: 'src/payload.config.ts', NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: nodeOptions }
  log('Building the admin panel (about a minute on 2 cores; only when its sources change)…')
  run(bin('payload'), ['generate:importmap'], root, env)
  run(bin('next'), ['build', '--webpack'], root, {
    ...env,
    NODE_ENV: 'production',
    NODE_OPTIONS: `${nodeOptions} --max-old-space-size=4096`,
  })
  // Hashed after the build: `next build` may rewrite tsconfig.json.
  fs.writeFileSync(path.join(root, '.next', 'source-hash'), sourceHash(root))
  log(`Admin panel built in ${Math.round((Date.now() - started) / 1000)} s.`)
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (exit ${result.status})`)
}
