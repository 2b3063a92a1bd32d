/**
 * `npm run test:crash`: crash safety of the real server on a file database.
 *
 * Starts `tsx src/start.ts` (API only: ADMIN=off) on a temporary DATA_DIR, sends a stream of
 * webinar registrations and resource submissions (create, Spanish title, submit for review),
 * kills the process group with SIGKILL mid-stream, and does that for several rounds. Then it
 * restarts the server and checks that every request answered 2xx is stored, and that nothing is
 * half-written (see `checks` below). Prints each failed check, then one line
 * `crash test: passed` / `crash test: FAILED (n problems)`, and exits 0 or 1.
 *
 * Options (environment): CRASH_ROUNDS (3), CRASH_SEED (random; printed, reuse it to replay
 * the same kill points), CRASH_KEEP=1 keeps the data directory for inspection.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@libsql/client'
import { freePort } from '../tests/helpers/instances'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const rounds = Number(process.env.CRASH_ROUNDS || 3)
const seed = Number(process.env.CRASH_SEED || crypto.randomInt(1, 2 ** 31))
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-crash-'))
const dbFile = path.join(dataDir, 'crash.db')
const password = `pw-${crypto.randomBytes(8).toString('hex')}`

/** A small seeded PRNG (mulberry32), so a failing run can be replayed with CRASH_SEED. */
function prng(s: number) {
  return () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = prng(seed)


type Server = { child: ChildProcess; url: string }
let starts = 0

async function startServer(): Promise<Server> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    DATABASE_URI: `file:${dbFile}`,
    PORT: String(port),
    SERVER_URL: url,
    PAYLOAD_SECRET: 'crash-test-secret-crash-test-secret-0123',
    SEED_PASSWORD: password,
    ADMIN: 'off',
    JOBS_AUTORUN: 'false',
    REGISTRATION_RATE_LIMIT: '0',
    LOG_LEVEL: 'warn',
  }
  // Its own process group: SIGKILL reaches tsx and the node process it runs.
  // Output to a file: a pipe would lose what the process wrote just before it died.
  const logFile = path.join(dataDir, `server-${++starts}.log`)
  const out = fs.openSync(logFile, 'w')
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=production', 'src/start.ts'], { cwd: root, env: env as NodeJS.ProcessEnv, detached: true, stdio: ['ignore', out, out] })
  fs.closeSync(out)
  const log = { join: (_separator = '') => fs.readFileSync(logFile, 'utf8') }
  const started = Date.now()
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode} while starting:\n${log.join('').slice(-3000)}`)
    }
    if (Date.now() - started > 180_000) throw new Error(`server not ready after 180 s:\n${log.join('').slice(-3000)}`)
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { child, url }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250))
  }
}

function kill(server: Server, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve()
    server.child.once('exit', () => resolve())
    process.kill(-server.child.pid!, signal)
  })
}

async function call(url: string, method: string, body?: unknown, token?: string) {
  const res = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, json }
}

async function login(url: string, email: string) {
  const res = await call(`${url}/api/contributors/login`, 'POST', { email, password })
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`)
  return res.json.token as string
}

/** What the server acknowledged (2xx) before it died. */
const acknowledged = {
  registrations: [] as { webinar: string | number; email: string }[],
  resources: [] as { id: string | number; title: string }[],
  spanish: [] as { id: string | number; title: string }[],
  submitted: [] as (string | number)[],
}
let counter = 0

/** Sends requests from `workers` loops until the server stops answering. */
async function stream(url: string, leader: string, webinars: (string | number)[], workers = 6) {
  // The demo leader works for New York (a leader creates only within their jurisdictions).
  const newYork = (await call(`${url}/api/jurisdictions?where[code][equals]=US-NY&depth=0`, 'GET', undefined, leader)).json.docs[0].id
  const one = async () => {
    const n = ++counter
    if (random() < 0.5) {
      const webinar = webinars[n % webinars.length]!
      const email = `crash-${seed}-${n}@example.org`
      const res = await call(`${url}/api/webinars/${webinar}/register`, 'POST', { name: `Person ${n}`, email, consent: true, interest: 'start-campaign', message: 'x'.repeat(200) })
      if (res.status === 202) acknowledged.registrations.push({ webinar, email })
      else throw new Error(`register answered ${res.status}`)
      return
    }
    const title = `Crash test resource ${seed}-${n}`
    const created = await call(`${url}/api/resources`, 'POST', { title, category: 'media', summary: 'A resource written while the server may die.', jurisdictions: [newYork] }, leader)
    if (created.status !== 201) throw new Error(`create answered ${created.status}`)
    const id = created.json.doc.id
    acknowledged.resources.push({ id, title })
    const es = await call(`${url}/api/resources/${id}?locale=es`, 'PATCH', { title: `${title} (es)` }, leader)
    if (es.status !== 200) throw new Error(`Spanish title answered ${es.status}`)
    acknowledged.spanish.push({ id, title: `${title} (es)` })
    const submitted = await call(`${url}/api/resources/${id}/workflow`, 'POST', { action: 'submit' }, leader)
    if (submitted.status !== 200) throw new Error(`submit answered ${submitted.status}`)
    acknowledged.submitted.push(id)
  }
  const unexpected: string[] = []
  const ended = new Set<string>()
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (;;) {
        try {
          await one()
        } catch (error) {
          const message = (error as Error).message
          // A refused or reset connection is the kill; any other answer is a finding.
          if (/answered/.test(message)) unexpected.push(message)
          else {
            ended.add(`${message}${(error as { cause?: { code?: string } }).cause?.code ? ` (${(error as { cause: { code: string } }).cause.code})` : ''}`)
            return
          }
        }
      }
    }),
  )
  console.log(`crash test: the stream ended with: ${[...ended].join('; ')}`)
  return unexpected
}

async function main() {
  console.log(`crash test: seed ${seed}, ${rounds} rounds, data in ${dataDir}`)
  const problems: string[] = []

  let server = await startServer()
  const admin = await login(server.url, 'admin@example.org')
  const webinars: (string | number)[] = []
  for (const capacity of [5, undefined]) {
    const startsAt = new Date(Date.now() + 7 * 864e5)
    const res = await call(`${server.url}/api/webinars`, 'POST', {
      title: `Crash webinar ${capacity ?? 'open'}`,
      description: 'Registrations while the server is killed.',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 36e5).toISOString(),
      timezone: 'America/New_York',
      capacity,
      registrationOpen: true,
      language: 'en',
      _status: 'published',
    }, admin)
    if (res.status !== 201) throw new Error(`webinar create: ${res.status} ${JSON.stringify(res.json)}`)
    webinars.push(res.json.doc.id)
  }

  for (let round = 1; round <= rounds; round++) {
    if (round > 1) server = await startServer()
    const leader = await login(server.url, 'leader@example.org')
    // Kill after a number of answered writes (whatever the machine's speed), at a random moment.
    const acks = () => acknowledged.registrations.length + acknowledged.resources.length + acknowledged.spanish.length + acknowledged.submitted.length
    const killAt = acks() + 20 + Math.floor(random() * 40)
    const jitterMs = Math.floor(random() * 300)
    const before = counter
    const running = stream(server.url, leader, webinars)
    const deadline = Date.now() + 120_000
    while (acks() < killAt && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
    await new Promise((r) => setTimeout(r, jitterMs))
    await kill(server, 'SIGKILL')
    problems.push(...(await running))
    console.log(`crash test: round ${round}: SIGKILL after ${killAt} answered writes + ${jitterMs} ms (${counter - before} operations started)`)
  }

  server = await startServer()
  const admin2 = await login(server.url, 'admin@example.org')
  // The restarted server serves what was stored: the API agrees with the file.
  const apiCount = await call(`${server.url}/api/resources?limit=1&draft=true`, 'GET', undefined, admin2)
  await kill(server, 'SIGTERM')

  problems.push(...(await checks(Number(apiCount.json?.totalDocs))))
  console.log(
    `crash test: ${acknowledged.registrations.length} registrations, ${acknowledged.resources.length} resources, ` +
      `${acknowledged.submitted.length} submissions acknowledged`,
  )
  for (const problem of problems.slice(0, 50)) console.log(`  ✗ ${problem}`)
  if (process.env.CRASH_KEEP !== '1') fs.rmSync(dataDir, { recursive: true, force: true })
  if (problems.length) {
    console.log(`crash test: FAILED (${problems.length} problems; replay with CRASH_SEED=${seed})`)
    process.exit(1)
  }
  console.log('crash test: passed')
}

/** Reads the file directly: present, complete, consistent. */
async function checks(apiTotal: number): Promise<string[]> {
  const db = createClient({ url: `file:${dbFile}` })
  const problems: string[] = []
  const rows = async (sql: string, args: unknown[] = []) => (await db.execute({ sql, args: args as never })).rows
  const scalar = async (sql: string, args: unknown[] = []) => Object.values((await rows(sql, args))[0] ?? {})[0]

  if ((await scalar('PRAGMA integrity_check')) !== 'ok') problems.push('PRAGMA integrity_check is not ok')
  if ((await rows('PRAGMA foreign_key_check')).length) problems.push('PRAGMA foreign_key_check reports rows')

  // Every answered request is stored.
  for (const { webinar, email } of acknowledged.registrations) {
    const found = await scalar('SELECT count(*) FROM webinar_registrations WHERE webinar_id = ? AND email = ?', [webinar, email])
    if (Number(found) !== 1) problems.push(`registration ${email} answered 202 but ${found} rows`)
  }
  for (const { id, title } of acknowledged.resources) {
    const found = await scalar(`SELECT count(*) FROM _resources_v_locales l JOIN _resources_v v ON v.id = l._parent_id WHERE v.parent_id = ? AND l._locale = 'en' AND l.version_title = ?`, [id, title])
    if (!Number(found)) problems.push(`resource ${id} answered 201 but has no stored version with its title`)
  }
  for (const { id, title } of acknowledged.spanish) {
    const found = await scalar(`SELECT l.version_title FROM _resources_v_locales l JOIN _resources_v v ON v.id = l._parent_id WHERE v.parent_id = ? AND v.latest = 1 AND l._locale = 'es'`, [id])
    if (found !== title) problems.push(`resource ${id}: Spanish title answered 200 but the latest version has ${JSON.stringify(found)}`)
  }
  for (const id of acknowledged.submitted) {
    const status = await scalar('SELECT version_review_status FROM _resources_v WHERE parent_id = ? AND latest = 1', [id])
    if (status !== 'in_review') problems.push(`resource ${id}: submit answered 200 but the latest version is ${String(status)}`)
  }

  // Nothing half-written.
  const total = Number(await scalar('SELECT count(*) FROM resources'))
  if (apiTotal !== total) problems.push(`the restarted API counts ${apiTotal} resources, the file ${total}`)
  for (const r of await rows(`SELECT r.id FROM resources r WHERE NOT EXISTS (SELECT 1 FROM resources_locales l WHERE l._parent_id = r.id AND l._locale = 'en' AND l.title IS NOT NULL)`)) {
    problems.push(`resource ${r.id} has no English locale row (half-written create)`)
  }
  // Every Payload operation is one transaction (docs/RELIABILITY.md): the request in flight when
  // the process died is there entirely or not at all, whether or not it was answered.
  for (const r of await rows(`SELECT r.id, (SELECT count(*) FROM _resources_v v WHERE v.parent_id = r.id AND v.latest = 1) AS latest FROM resources r`)) {
    if (Number(r.latest) !== 1) problems.push(`resource ${r.id} has ${r.latest} latest versions (a version save cut short by the kill)`)
  }
  for (const v of await rows(`SELECT v.id FROM _resources_v v WHERE NOT EXISTS (SELECT 1 FROM _resources_v_locales l WHERE l._parent_id = v.id AND l._locale = 'en')`)) {
    problems.push(`version ${v.id} has no English locale row`)
  }
  for (const v of await rows(`SELECT v.id FROM _resources_v v WHERE NOT EXISTS (SELECT 1 FROM resources r WHERE r.id = v.parent_id)`)) {
    problems.push(`version ${v.id} belongs to no resource`)
  }
  // A review state is never changed without its history entry, nor recorded without the change.
  const crashRows = await rows(
    `SELECT v.parent_id AS id, v.version_review_status AS status, (SELECT count(*) FROM review_events e WHERE e.resource_id = v.parent_id) AS events
     FROM _resources_v v JOIN _resources_v_locales l ON l._parent_id = v.id AND l._locale = 'en'
     WHERE v.latest = 1 AND l.version_title LIKE 'Crash test resource %'`,
  )
  for (const r of crashRows) {
    const inReview = r.status === 'in_review'
    if (inReview && Number(r.events) !== 1) problems.push(`resource ${r.id} is in review with ${r.events} history entries`)
    if (!inReview && Number(r.events) !== 0) problems.push(`resource ${r.id} has a submit in its history but is ${String(r.status)}`)
  }
  for (const reg of await rows(`SELECT id FROM webinar_registrations WHERE email IS NULL OR name IS NULL OR registration_key IS NULL OR seat_key IS NULL OR status IS NULL OR webinar_id IS NULL`)) {
    problems.push(`registration ${reg.id} is incomplete`)
  }
  db.close()
  return problems
}

main().catch((error) => {
  console.error(error)
  console.log('crash test: FAILED (the script itself failed)')
  process.exit(1)
})
