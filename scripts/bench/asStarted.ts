/**
 * The memory of an instance as a user starts it (issue 19's target: API only, 100,000 resources,
 * under the read load): `npm start` itself (package.json's command, its node flags and settings) on
 * a copy of the bench's seeded database, then 20 s of anonymous reads at 50 connections, in turn the
 * newest 10, a filtered list, 20 resources by id, a jurisdiction's toolkit, the feed and the site's
 * jurisdiction page; the server's RSS sampled every second (/proc). Prints one line per run.
 *
 *   npm run bench:as-started -- [--size 100000] [--cache on|off] [--admin on] [--duration 20]
 * (the seeded file comes from `npm run bench -- --sizes <size>`; --admin on needs `npm run build`).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { createClient } from '@libsql/client'
import { copyDatabase, npmStartCommand } from './startedAs'

const args = Object.fromEntries(process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1] ?? '']] : [])))
const size = Number(args.size ?? 100000)
const cache = args.cache !== 'off'
const admin = args.admin === 'on'
const duration = Number(args.duration ?? 20)
const seeded = path.resolve(`data/bench/resources-${size}.db`)
if (!fs.existsSync(seeded)) throw new Error(`${seeded} is missing: npm run bench -- --sizes ${size} seeds it`)

const scratch = path.resolve(`data/bench/as-started-${size}.db`)
copyDatabase(seeded, scratch)
const db = createClient({ url: `file:${scratch}` })
const ids = (await db.execute("SELECT id FROM resources WHERE _status = 'published' ORDER BY id DESC LIMIT 20")).rows.map((r) => String(r.id))
const code = 'US-NY' // the bench's seed gives New York resources of every category
db.close()

const PORT = 4994
const BASE = `http://127.0.0.1:${PORT}`
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'as-started-'))
const child = spawn('npm', ['start', '--silent'], {
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
  env: {
    ...process.env,
    ...(admin ? {} : { ADMIN: 'off' }),
    NODE_ENV: 'production',
    DATABASE_URI: `file:${scratch}`,
    DATA_DIR: dataDir,
    PAYLOAD_SECRET: 'bench-secret-bench-secret-bench-secret',
    PORT: String(PORT),
    JOBS_AUTORUN: 'false',
    LOG_LEVEL: 'warn',
    SMTP_URL: 'smtp://127.0.0.1:2525', // required in production; nothing is mailed by reads
    ...(cache ? {} : { PUBLIC_CACHE_MB: '0' }),
  },
})
let output = ''
child.stdout!.on('data', (d: Buffer) => (output += d))
child.stderr!.on('data', (d: Buffer) => (output += d))

/** The node process npm started (npm → sh → node dist/start.mjs). */
function serverPid(): number | undefined {
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      if (cmd.split('\0').includes('dist/start.mjs') && fs.readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`PORT=${PORT}`)) return Number(pid)
    } catch {
      // gone meanwhile
    }
  }
  return undefined
}
const memory = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))![1])
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) }
}

try {
  for (let i = 0; ; i++) {
    if (await fetch(`${BASE}/healthz`).then((r) => r.ok, () => false)) break
    if (i > 3000 || child.exitCode !== null) throw new Error(`npm start did not answer:\n${output}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  const pid = serverPid()
  if (!pid) throw new Error('the server process was not found')
  await new Promise((r) => setTimeout(r, 2000))
  const idle = memory(pid).rss
  const paths = [
    '/api/resources?limit=10&depth=1',
    `/api/resources?limit=10&depth=0&where[jurisdictions.code][equals]=${code}&where[category][equals]=legislation`,
    ...ids.map((id) => `/api/resources/${id}?depth=1`),
    `/api/jurisdictions/${code}/toolkit`,
    '/api/feed.xml',
    `/jurisdictions/${code}`,
  ]
  let n = 0
  let largest = 0
  const sampler = setInterval(() => (largest = Math.max(largest, memory(pid).rss)), 1000)
  const result = await autocannon({ url: BASE, connections: 50, duration, requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[n++ % paths.length] }) }] } as autocannon.Options)
  clearInterval(sampler)
  const end = memory(pid)
  const start = npmStartCommand().command
  process.stdout.write(
    `${size.toLocaleString('en')} resources, ${admin ? 'admin enabled' : 'API only'}, public cache ${cache ? 'on' : 'off'}, Node ${process.version} (\`${start}\`): ` +
      `RSS idle ${idle} MB, under the read load ${Math.max(largest, end.rss)} MB (largest 1 s sample), peak ${end.peak} MB; ` +
      `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, non-2xx ${result.non2xx}, errors ${result.errors}\n`,
  )
} finally {
  if (child.pid) process.kill(-child.pid, 'SIGTERM')
  await new Promise((r) => setTimeout(r, 1500))
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(scratch + suffix, { force: true })
  fs.rmSync(dataDir, { recursive: true, force: true })
}
