/**
 * `npm run bench [-- --sizes 1000,10000 --duration 3 --rounds 3 --connections 10,50 --label after]`
 * (`npm run bench -- --help` for every option and how to run one case alone).
 *
 * For each size: a seeded database under ./data/bench/ (made once, its read model built, reused),
 * copied to a scratch file; the real server (scripts/bench/server.ts: createApp, admin off unless
 * --admin on) in its own process; then autocannon against every case below, with a warm-up and
 * `rounds` rounds per connection count, medians reported; then the mixed case (./mixed.ts). Prints
 * a table, writes docs/benchmarks/<label>.json and the table into docs/BENCHMARKS.md (between
 * <!-- bench:<label> --> markers).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import autocannon from 'autocannon'
import { buildServer } from '../build-server.mjs'
import { CHECKLIST_ITEMS } from '../../src/workflow/machine'
import { MIXED_VARIANTS, mixedTable, runMixed, type MixedResult } from './mixed'
import { benchOptions } from './options'
import { EDITOR } from './accounts'
import { BENCH_DIR, sidecar, type SeedInfo } from './seed'
import { copyDatabase, npmStartCommand } from './startedAs'

const { SIZES, DURATION, ROUNDS, CONNECTIONS, LABEL, ONLY, READ_MODEL, ADMIN, SERVER_HEAP_MB, MIXED } = benchOptions(process.argv.slice(2))
// Figures are for the Node production runs (.nvmrc): V8 and libuv differ between major lines (Node 20
// answered reads at about half Node 24's rate on the same code).
const productionNode = fs.readFileSync('.nvmrc', 'utf8').trim()
if (process.versions.node.split('.')[0] !== productionNode) {
  process.stderr.write(`bench: running on Node ${process.version}, not the Node ${productionNode} production runs; for comparable figures: export PATH="$(bash .ci/install-node):$PATH"\n`)
}
const PORT = 3900 + Math.floor(Math.random() * 90)
const BASE = `http://127.0.0.1:${PORT}`
const CHECKLIST = Object.fromEntries(Object.keys(CHECKLIST_ITEMS).map((k) => [k, true]))

type Fixtures = {
  ids: number[]
  code: string
  category: string
  webinar: number
  token: string
  transitionPool: number[]
  /** Slugs of published resources, for the public site's resource pages. */
  slugs: string[]
  /** Items in review, for the mixed case's publishes (each published once). */
  inReview: number[]
}
type Request = { method?: string; path: string; headers?: Record<string, string>; body?: string }
/** A benchmark case. Add one here; `probe` drops it when the endpoint does not exist (404). */
type Case = {
  name: string
  kind: 'read' | 'reference' | 'ceiling' | 'write'
  /** The reference case whose req/s this one is divided by. */
  ref?: string
  cache?: boolean
  /** Answered from the read model (src/readModel); every other case runs with it off. */
  readModel?: boolean
  probe?: string
  request: (f: Fixtures, n: number) => Request
  /** After a write case: how many of the 2xx answers are stored. */
  stored?: (db: ReturnType<typeof createClient>) => Promise<number>
}

const CASES: Case[] = [
  { name: 'published list', kind: 'read', ref: 'ref: list', request: () => ({ path: '/api/resources?limit=10&depth=0' }) },
  {
    name: 'list by jurisdiction code + category',
    kind: 'read',
    ref: 'ref: filtered',
    request: (f) => ({ path: `/api/resources?limit=10&depth=0&where[jurisdictions.code][equals]=${f.code}&where[category][equals]=${f.category}` }),
  },
  { name: 'by id, depth=1', kind: 'read', ref: 'ref: by id', request: (f, n) => ({ path: `/api/resources/${f.ids[n % 250]}?depth=1` }) },
  { name: 'published list, read model', kind: 'read', ref: 'ref: list', readModel: true, request: () => ({ path: '/api/resources?limit=10&depth=0' }) },
  {
    name: 'list by jurisdiction code + category, read model',
    kind: 'read',
    ref: 'ref: filtered',
    readModel: true,
    request: (f) => ({ path: `/api/resources?limit=10&depth=0&where[jurisdictions.code][equals]=${f.code}&where[category][equals]=${f.category}` }),
  },
  { name: 'by id, depth=0, read model', kind: 'read', ref: 'ref: by id', readModel: true, request: (f, n) => ({ path: `/api/resources/${f.ids[n % 250]}?depth=0` }) },
  { name: 'by id, depth=0', kind: 'read', ref: 'ref: by id', request: (f, n) => ({ path: `/api/resources/${f.ids[n % 250]}?depth=0` }) },
  { name: 'by id, depth=1, read model', kind: 'read', ref: 'ref: by id', readModel: true, request: (f, n) => ({ path: `/api/resources/${f.ids[n % 250]}?depth=1` }) },
  { name: 'search', kind: 'read', ref: 'ref: list', probe: '/api/search?q=court', request: () => ({ path: '/api/search?q=court+warrant' }) },
  { name: 'toolkit (US-NY)', kind: 'read', ref: 'ref: list', probe: '/api/jurisdictions/US-NY/toolkit', request: () => ({ path: '/api/jurisdictions/US-NY/toolkit' }) },
  { name: 'toolkit (US-NY), read model', kind: 'read', ref: 'ref: list', readModel: true, probe: '/api/jurisdictions/US-NY/toolkit', request: () => ({ path: '/api/jurisdictions/US-NY/toolkit' }) },
  { name: 'map', kind: 'read', ref: 'ref: list', probe: '/api/map', request: () => ({ path: '/api/map' }) },
  { name: 'feed', kind: 'read', ref: 'ref: list', probe: '/api/feed.xml', request: () => ({ path: '/api/feed.xml' }) },
  { name: 'feed, read model', kind: 'read', ref: 'ref: list', readModel: true, probe: '/api/feed.xml', request: () => ({ path: '/api/feed.xml' }) },
  { name: 'search, read model', kind: 'read', ref: 'ref: list', readModel: true, probe: '/api/search?q=court', request: () => ({ path: '/api/search?q=court+warrant' }) },
  // The public site's pages (src/site/): rendered from the public API in process; cached like its answers.
  { name: 'site: home', kind: 'read', ref: 'ref: list', probe: '/site.css', request: () => ({ path: '/' }) },
  { name: 'site: jurisdiction', kind: 'read', ref: 'ref: list', probe: '/site.css', request: (f) => ({ path: `/jurisdictions/${f.code}` }) },
  { name: 'site: resource', kind: 'read', ref: 'ref: by id', probe: '/site.css', request: (f, n) => ({ path: `/resources/${f.slugs[n % f.slugs.length]}` }) },
  { name: 'site: home, read model', kind: 'read', ref: 'ref: list', readModel: true, probe: '/site.css', request: () => ({ path: '/' }) },
  { name: 'site: resource, read model', kind: 'read', ref: 'ref: by id', readModel: true, probe: '/site.css', request: (f, n) => ({ path: `/resources/${f.slugs[n % f.slugs.length]}` }) },
  { name: 'site: home, cached', kind: 'read', ref: 'constant body', cache: true, probe: '/site.css', request: () => ({ path: '/' }) },
  { name: 'ref: list', kind: 'reference', request: () => ({ path: '/bench/ref/list?limit=10' }) },
  { name: 'ref: filtered', kind: 'reference', request: (f) => ({ path: `/bench/ref/filtered?limit=10&code=${f.code}&category=${f.category}` }) },
  { name: 'ref: by id', kind: 'reference', request: (f, n) => ({ path: `/bench/ref/byId?id=${f.ids[n % 250]}` }) },
  { name: 'published list, cached', kind: 'read', ref: 'constant body', cache: true, request: () => ({ path: '/api/resources?limit=10&depth=0' }) },
  { name: 'by id, cached', kind: 'read', ref: 'constant body', cache: true, request: (f, n) => ({ path: `/api/resources/${f.ids[n % 50]}?depth=1` }) },
  { name: 'constant body', kind: 'ceiling', request: () => ({ path: '/bench/constant' }) },
  {
    name: 'webinar registration',
    kind: 'write',
    request: (f, n) => ({
      method: 'POST',
      path: `/api/webinars/${f.webinar}/register`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench Person', email: `p${n}-${process.pid}-${Date.now()}@example.org`, consent: true, interest: 'start-campaign', role: 'organizer' }),
    }),
    stored: async (db) => Number((await db.execute('SELECT count(*) AS n FROM webinar_registrations')).rows[0]!.n),
  },
  {
    name: 'workflow transition',
    kind: 'write',
    request: (f, n) => {
      const id = f.transitionPool[n % f.transitionPool.length]!
      const archived = transitionState.get(id) === 'archived'
      transitionState.set(id, archived ? 'published' : 'archived')
      return {
        method: 'POST',
        path: `/api/resources/${id}/workflow`,
        headers: { 'content-type': 'application/json', authorization: `JWT ${f.token}` },
        body: JSON.stringify(archived ? { action: 'publish', checklist: CHECKLIST } : { action: 'archive' }),
      }
    },
  },
]
const transitionState = new Map<number, string>()

type Round = { rps: number; p50: number; p99: number; non2xx: number; errors: number; total2xx: number }
type Result = { case: string; kind: Case['kind']; connections: number; rps: number; p50: number; p99: number; ratio?: number; ratioTo?: string; non2xx: number; errors: number; stored?: string }

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function cannon(c: Case, f: Fixtures, connections: number, duration: number): Promise<Round> {
  let n = 0
  const result = await autocannon({
    url: BASE,
    connections,
    duration,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, ...c.request(f, n++) }) }],
  } as autocannon.Options)
  const twoxx = result['2xx'] ?? 0
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, total2xx: twoxx }
}

/** A control request to the bench server; retried, as the server may still be shedding a burst. */
async function control(route: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(BASE + route)
    } catch (error) {
      if (attempt === 5) throw error
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt))
    }
  }
}

async function startServer(file: string): Promise<ChildProcess> {
  // Compiled, as `npm start` runs it: the TypeScript loader would add its own memory to the figures.
  // Its own folder: a build empties its folder's chunks, and dist/start.mjs needs those of dist/.
  await buildServer({ 'bench-server': 'scripts/bench/serverMain.ts' }, 'dist/bench')
  const start = npmStartCommand()
  const heap = [...start.flags, ...(SERVER_HEAP_MB ? [`--max-old-space-size=${SERVER_HEAP_MB}`] : [])]
  // SERVER_NODE_FLAGS: node/V8 flags for the server alone (the runner, autocannon's client, keeps its own).
  heap.push(...(process.env.SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean))
  const child = spawn(process.execPath, [...heap, '--conditions=production', 'dist/bench/bench-server.mjs', 'serve', file, String(PORT), ...(ADMIN ? ['admin'] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // NODE_ENV as in production (the image sets it): React and others load their production builds.
    env: { ...process.env, ...start.env, READ_MODEL, NODE_ENV: 'production' },
  })
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child)
    })
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGTERM') process.stderr.write(`bench server exited (${code ?? signal})\n`)
      reject(new Error(`bench server exited with ${code ?? signal}`))
    })
  })
}

function run(argv: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', ...argv], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${argv.join(' ')} exited with ${code}`))))
  })
}

async function ensureSeeded(size: number): Promise<{ file: string; info: SeedInfo }> {
  fs.mkdirSync(BENCH_DIR, { recursive: true })
  const file = path.join(BENCH_DIR, `resources-${size}.db`)
  let info = sidecar(file)
  if (!info || info.schema !== 'migrations') {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
    await run(['scripts/bench/server.ts', 'seed', file, String(size)])
    info = sidecar(file)!
  }
  if (!info.readModelBuild && READ_MODEL === 'on') {
    // Seeded before the seed built the read model: build it once into the file, not at every run's start.
    await run(['scripts/bench/server.ts', 'read-model', file])
    info = sidecar(file)!
  }
  return { file, info }
}

async function fixtures(file: string): Promise<Fixtures> {
  const db = createClient({ url: `file:${file}` })
  const ids = (await db.execute("SELECT id FROM resources WHERE _status = 'published' ORDER BY random() LIMIT 500")).rows.map((r) => Number(r.id))
  const pair = (
    await db.execute(`SELECT j.code, r.category, count(*) AS n FROM resources r JOIN resources_rels rr ON rr.parent_id = r.id AND rr.path = 'jurisdictions'
      JOIN jurisdictions j ON j.id = rr.jurisdictions_id WHERE r._status = 'published' AND j.code = 'US-CA' GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`)
  ).rows[0]!
  const webinar = Number((await db.execute('SELECT id FROM webinars LIMIT 1')).rows[0]!.id)
  const slugs = (await db.execute("SELECT slug FROM resources WHERE _status = 'published' AND slug IS NOT NULL ORDER BY random() LIMIT 250")).rows.map((r) => String(r.slug))
  const inReview = (await db.execute("SELECT id FROM resources WHERE review_status = 'in_review' ORDER BY id")).rows.map((r) => Number(r.id))
  db.close()
  const login = await fetch(`${BASE}/api/contributors/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(EDITOR) })
  const { token } = (await login.json()) as { token: string }
  return { ids, code: String(pair.code), category: String(pair.category), webinar, token, transitionPool: ids.slice(250), slugs, inReview } // by id reads ids[0..249] only: the transitions archive theirs
}

async function benchSize(size: number) {
  const { file, info } = await ensureSeeded(size)
  const scratch = path.join(BENCH_DIR, `run-${LABEL}-${size}.db`)
  copyDatabase(file, scratch)
  const server = await startServer(scratch)
  const results: Result[] = []
  try {
    const f = await fixtures(scratch)
    const db = createClient({ url: `file:${scratch}` })
    // Rounds are interleaved (round 1 of every case, then round 2…) so that load from other
    // processes on a shared machine falls on every case alike, and ratios stay comparable.
    const cases: Case[] = []
    for (const c of CASES) {
      if (ONLY && !ONLY.some((name) => c.name.includes(name))) continue
      if (!c.probe || (await fetch(BASE + c.probe)).status !== 404) cases.push(c)
    }
    // Resident memory at the end of each read round: "under the read load", without the start-up.
    let readRssBytes = 0
    for (const connections of CONNECTIONS) {
      const rounds = new Map<Case, Round[]>(cases.map((c) => [c, []]))
      const storedBefore = new Map<Case, number>()
      const answered = new Map<Case, number>()
      for (let i = -1; i < ROUNDS; i++) {
        for (const c of cases) {
          if (i === -1 && c.stored) storedBefore.set(c, await c.stored(db))
          await control(`/bench/cache?on=${c.cache ? 1 : 0}`)
          await control(`/bench/read-model?on=${c.readModel ? 1 : 0}`)
          const round = await cannon(c, f, connections, i === -1 ? 1 : DURATION) // i = -1: warm-up
          answered.set(c, (answered.get(c) ?? 0) + round.total2xx)
          if (i >= 0) rounds.get(c)!.push(round)
          if (c.kind === 'read') readRssBytes = Math.max(readRssBytes, ((await (await control('/bench/rss')).json()) as { rssBytes: number }).rssBytes)
        }
      }
      for (const c of cases) {
        const rs = rounds.get(c)!
        const result: Result = {
          case: c.name,
          kind: c.kind,
          connections,
          rps: median(rs.map((r) => r.rps)),
          p50: median(rs.map((r) => r.p50)),
          p99: median(rs.map((r) => r.p99)),
          non2xx: rs.reduce((sum, r) => sum + r.non2xx, 0),
          errors: rs.reduce((sum, r) => sum + r.errors, 0),
        }
        if (c.stored) result.stored = `${(await c.stored(db)) - storedBefore.get(c)!} stored of ${answered.get(c)} answered 2xx`
        results.push(result)
        process.stderr.write(`  ${size} ${c.name} @${connections}: ${Math.round(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms\n`)
      }
    }
    const mixedVariants = (READ_MODEL === 'on' ? MIXED_VARIANTS : [
      { name: 'mixed: READ_MODEL=off', readModel: false, cache: false },
      { name: 'mixed: READ_MODEL=off + public cache', readModel: false, cache: true },
    ]).filter((v) => !ONLY || ONLY.some((name) => name.startsWith('mixed') && v.name.includes(name)))
    let mixed: MixedResult[] = []
    if (mixedVariants.length) {
      mixed = await runMixed({ base: BASE, ...MIXED, rounds: ROUNDS, variants: mixedVariants, control, log: (line) => process.stderr.write(`${line}\n`) }, f)
    }
    // What the read model cost: its build at start, and rendering after the write cases' publishes.
    const modelStats = await (await control('/bench/read-model?on=0')).json()
    process.stderr.write(`  ${size} read model: ${JSON.stringify(modelStats)}\n`)
    db.close()
    for (const r of results) {
      const ref = CASES.find((c) => c.name === r.case)?.ref
      const base = results.find((x) => x.case === ref && x.connections === r.connections)
      if (base) Object.assign(r, { ratio: r.rps / base.rps, ratioTo: ref })
    }
    const rss = (await (await control('/bench/rss')).json()) as { maxRssBytes: number; heapUsed: number; external: number }
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)
    return {
      size,
      seed: info,
      admin: ADMIN,
      readModel: READ_MODEL,
      heapLimitMB: SERVER_HEAP_MB,
      peakRssMB: mb(rss.maxRssBytes),
      readRssMB: mb(readRssBytes),
      heapUsedMB: mb(rss.heapUsed),
      externalMB: mb(rss.external),
      modelStats,
      results,
      mixed,
    }
  } finally {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
  }
}

function table(report: Awaited<ReturnType<typeof benchSize>>): string {
  const build = report.seed.readModelBuild
  const stats = report.modelStats as { renders: number; renderedResources: number; renderMs: number }
  const lines = [
    `**${report.size.toLocaleString('en')} published resources** (${report.seed.total.toLocaleString('en')} in all; READ_MODEL=${report.readModel}, admin ${report.admin ? 'on' : 'off'}, heap limit ${report.heapLimitMB ? `${report.heapLimitMB} MB` : "V8's default"}) — server RSS under read load ${report.readRssMB} MB (peak over its life, start-up included: ${report.peakRssMB} MB; JS heap used at the end ${report.heapUsedMB} MB, external ${report.externalMB} MB); bulk seeding ${Math.round(report.seed.perSecond)} resources/s wall, ${Math.round(report.seed.perCpuSecond)} per CPU-second; read model build ${build ? `${build.seconds.toFixed(0)} s for ${build.resources.toLocaleString('en')} resources` : 'not measured'}; renders after writes in this run: ${stats.renders} batches, ${stats.renderedResources} resources, ${stats.renderedResources ? Math.round(stats.renderMs / stats.renderedResources) : 0} ms per resource`,
    '',
    '| case | conns | req/s | p50 ms | p99 ms | ratio | non-2xx |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: |',
  ]
  for (const r of report.results) {
    const ratio = r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}× ${r.ratioTo}`
    lines.push(`| ${r.case} | ${r.connections} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${ratio} | ${r.non2xx}${r.stored ? ` (${r.stored})` : ''} |`)
  }
  if (report.mixed.length) lines.push('', mixedTable(report.mixed, MIXED.publishEvery))
  return lines.join('\n')
}

const reports: Awaited<ReturnType<typeof benchSize>>[] = []
for (const size of SIZES) reports.push(await benchSize(size))
if (ONLY) {
  const machine = `Node ${process.version}, ${os.cpus().length} cores, load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`
  process.stdout.write(`\n${machine}\n\n${reports.map(table).join('\n\n')}\n\n${growth().join('\n')}\n(--cases: nothing written)\n`)
  process.exit(0)
}
const meta = {
  label: LABEL,
  date: new Date().toISOString(),
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  loadAverage: os.loadavg(),
  node: process.version,
  duration: DURATION,
  rounds: ROUNDS,
}
const local = await run(['scripts/bench/server.ts', 'localapi', path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'l.db'), '100']).then((out) => JSON.parse(out.trim().split('\n').pop()!) as { perSecond: number; perCpuSecond: number }).catch(() => undefined)
const summary = { ...meta, localApiCreate: local, reports }
fs.mkdirSync('docs/benchmarks', { recursive: true })
fs.writeFileSync(`docs/benchmarks/${LABEL}.json`, `${JSON.stringify(summary, null, 2)}\n`)

/** p50 at the largest size over p50 at the one below it, per read case and connection count (target ≤ 1.5). */
function growth(): string[] {
  if (reports.length < 2) return []
  const [small, large] = reports.slice(-2) as [(typeof reports)[number], (typeof reports)[number]]
  const rows = large.results
    .filter((r) => r.kind === 'read')
    .flatMap((r) => {
      const before = small.results.find((x) => x.case === r.case && x.connections === r.connections)
      if (!before || before.p50 <= 0) return []
      const growth = r.p50 / before.p50
      return [`| ${r.case} | ${r.connections} | ${before.p50} | ${r.p50} | ${growth.toFixed(2)}× | ${growth <= 1.5 ? 'yes' : 'no'} |`]
    })
  const [a, b] = [small.size.toLocaleString('en'), large.size.toLocaleString('en')]
  return [`Growth, p50 at ${b} over p50 at ${a}:`, '', `| case | conns | p50 ms at ${a} | p50 ms at ${b} | growth | ≤ 1.5× |`, '| --- | ---: | ---: | ---: | ---: | --- |', ...rows, '']
}

/** What the read model costs in code: lines of src/readModel (its CLI and tests aside). */
const readModelLines = fs.readdirSync('src/readModel').filter((f) => f.endsWith('.ts')).reduce((sum, f) => sum + fs.readFileSync(path.join('src/readModel', f), 'utf8').split('\n').length, 0)
const text = [
  `Run "${LABEL}": ${meta.date}, ${meta.cores} cores (${meta.cpu}), load average at the end ${meta.loadAverage.map((l) => l.toFixed(1)).join(' ')}, Node ${meta.node}; ${ROUNDS} rounds of ${DURATION} s after a 1 s warm-up, medians. Local API create for comparison: ${local ? `${Math.round(local.perSecond)}/s wall, ${Math.round(local.perCpuSecond)} per CPU-second` : 'not measured'}. src/readModel: ${readModelLines} lines.`,
  '',
  ...reports.map(table).flatMap((t) => [t, '']),
  ...growth(),
].join('\n')
process.stdout.write(`\n${text}\n`)
const doc = 'docs/BENCHMARKS.md'
const current = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '# Benchmarks\n'
const start = `<!-- bench:${LABEL} -->`
const end = `<!-- /bench:${LABEL} -->`
const block = `${start}\n${text}\n${end}`
const updated = current.includes(start) ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block) : `${current.trimEnd()}\n\n${block}\n`
fs.writeFileSync(doc, updated)
process.exit(0)
