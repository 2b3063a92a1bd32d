/**
 * The benchmark's server process (spawned by run.ts, one per database size):
 *   tsx scripts/bench/server.ts seed <file> <size>   fill a fresh database, build its read model, write <file>.json
 *   tsx scripts/bench/server.ts read-model <file>    build the read model of a file seeded before it was built at seeding
 *   tsx scripts/bench/server.ts serve <file> <port> [admin]  the real app (createApp; admin off unless
 * `admin`, which needs the admin build) plus the references, mounted on the same express app and database client:
 *   /bench/ref/*     the same rows as a case, read by one hand-written SQL query (the database's speed)
 *   /bench/constant  a constant body (the framework's ceiling)
 *   /bench/cache?on= turn the in-process public response cache on or off
 *   /bench/read-model[?on=] answer from the read model (src/readModel) or not; its stats
 *   /bench/rss       this process's resident memory (now and peak) and heap
 * READ_MODEL=off in the environment starts it with the read model off (nothing rendered or served).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import express from 'express'
import { getPayload, type Payload } from 'payload'
import { ensureAdminBuild } from '../../src/admin/build'
import { projectRoot } from '../../src/settings/paths'
import { createConfig } from '../../src/config'
import { createApp } from '../../src/server'
import { readModel } from '../../src/readModel'
import { loadSettings } from '../../src/settings'
import { limitHeapGrowth, memoryLine } from '../../src/settings/memory'
import { ensureLoginAccounts, localApiRate, seedBench } from './seed'
import { REFERENCES } from './references'

const [mode, file, arg] = process.argv.slice(2) as [string, string, string]
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-bench-'))
const settings = (dbFile: string, port = 0, admin = false) =>
  loadSettings(
    {
      // The API-only instance's defaults (SQLite's page cache, the heap's growth) unless the admin panel is served.
      ...(admin ? {} : { ADMIN: 'off' }),
      // As `npm start` runs it: the committed migrations, no schema push (a push would also drop the
      // read model and the search index at every start, and load drizzle-kit into the measured memory).
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      DATABASE_URI: `file:${dbFile}`,
      PAYLOAD_SECRET: 'bench-secret-bench-secret-bench-secret',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      JOBS_AUTORUN: 'false',
      REGISTRATION_RATE_LIMIT: '0',
      // Built at start; the cases that are not about it turn it off (/bench/read-model?on=0).
      READ_MODEL: process.env.READ_MODEL === 'off' ? 'off' : 'on',
      // To compare page-cache sizes: SQLITE_CACHE_MB=0 npm run bench …
      ...(process.env.SQLITE_CACHE_MB ? { SQLITE_CACHE_MB: process.env.SQLITE_CACHE_MB } : {}),
      ...(process.env.HEAP_GROWTH_PERCENT ? { HEAP_GROWTH_PERCENT: process.env.HEAP_GROWTH_PERCENT } : {}),
    },
    // No SMTP_URL: mail is held in memory, as in tests.
    { strict: false },
  )

if (mode === 'seed') {
  const payload = await getPayload({ config: await createConfig(settings(file)) })
  const info = await seedBench(payload, Number(arg), (done, total) => process.stderr.write(`\r  seeding ${file}: ${bar(done / total)} ${done}/${total}`))
  process.stderr.write('\n')
  // Built once here, so that every run on a copy of this file starts with it (its start-up check only counts).
  const readModelBuild = await buildReadModel(payload)
  await payload.destroy()
  fs.writeFileSync(`${file}.json`, JSON.stringify({ ...info, schema: 'migrations', readModelBuild }, null, 2))
  fs.rmSync(dataDir, { recursive: true, force: true })
  process.exit(0)
}

if (mode === 'read-model') {
  // A file seeded before the seed built the read model: build it once, record the time in the sidecar.
  const payload = await getPayload({ config: await createConfig(settings(file)) })
  const readModelBuild = await buildReadModel(payload)
  await payload.destroy()
  fs.writeFileSync(`${file}.json`, JSON.stringify({ ...JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')), readModelBuild }, null, 2))
  fs.rmSync(dataDir, { recursive: true, force: true })
  process.exit(0)
}

if (mode === 'localapi') {
  // The Local API's create rate on this machine, in a scratch database, for comparison.
  const payload = await getPayload({ config: await createConfig(settings(file)) })
  const rate = await localApiRate(payload, Number(arg))
  await payload.destroy()
  process.stdout.write(`${JSON.stringify(rate)}\n`)
  fs.rmSync(dataDir, { recursive: true, force: true })
  process.exit(0)
}

if (mode === 'serve') {
  const admin = process.argv[5] === 'admin'
  if (admin) ensureAdminBuild(projectRoot)
  const serving = settings(file, Number(arg), admin)
  // As src/start.ts does, before the app loads.
  process.stderr.write(`  bench server: ${memoryLine(serving, limitHeapGrowth(serving.heapGrowthPercent))}\n`)
  const app = await createApp({ settings: serving, admin: admin ? 'production' : false })
  const client = (app.payload.db as unknown as { client: import('@libsql/client').Client }).client
  await ensureLoginAccounts(app.payload)
  const outer = express()
  outer.disable('x-powered-by')
  let cacheOn = true
  const { get, set } = app.publicCache
  outer.get('/bench/cache', (req, res) => {
    cacheOn = req.query.on === '1'
    app.publicCache.clear()
    app.publicCache.get = cacheOn ? get : () => undefined
    app.publicCache.set = cacheOn ? set : () => undefined
    res.json({ cache: cacheOn })
  })
  // Built (or checked) at start: wait, so no case measures the build.
  await readModel.settle()
  outer.get('/bench/read-model', (req, res) => {
    if (req.query.on !== undefined) readModel.serving = req.query.on === '1'
    res.json({ readModel: readModel.serving, settled: readModel.settled, ...readModel.stats })
  })
  outer.get('/bench/rss', (_req, res) => {
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage()
    res.json({ maxRssBytes: process.resourceUsage().maxRSS * 1024, rssBytes: rss, heapUsed, heapTotal, external, arrayBuffers })
  })
  for (const [name, reference] of Object.entries(REFERENCES)) {
    outer.get(`/bench/ref/${name}`, async (req, res) => {
      res.json(await reference(client, req.query as Record<string, string>))
    })
  }
  outer.use(app.app)
  const server = outer.listen(Number(arg), '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  // The ceiling answers with a constant body the size of a real list page.
  const page = Buffer.from(await (await fetch(`http://127.0.0.1:${arg}/api/resources?limit=10&depth=0`)).arrayBuffer())
  const etag = `W/"${crypto.createHash('sha1').update(page).digest('base64url')}"`
  outer.get('/bench/constant', (_req, res) => {
    res.setHeader('Content-Type', 'application/json')
    res.setHeader('ETag', etag)
    res.end(page)
  })
  // Route order: /bench/constant was added after app.app's 404 handler; move it to the front.
  const stack = (outer as unknown as { router: { stack: unknown[] } }).router.stack
  stack.unshift(stack.pop()!)
  process.stdout.write('ready\n')
  const stop = async () => {
    server.closeAllConnections()
    server.close()
    await app.close()
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

/** Renders every published resource into the read model (as at a server's first start); its time and count. */
async function buildReadModel(payload: Payload): Promise<{ seconds: number; resources: number }> {
  const started = performance.now()
  await readModel.start(payload, true, { rebuild: true })
  await readModel.settle()
  const built = { seconds: (performance.now() - started) / 1000, resources: readModel.stats.builtResources }
  await readModel.stop()
  process.stderr.write(`  read model built: ${built.resources} resources in ${built.seconds.toFixed(1)} s\n`)
  return built
}

function bar(fraction: number): string {
  const width = 30
  const full = Math.round(fraction * width)
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`
}
