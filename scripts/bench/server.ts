/**
 * The benchmark's server process (spawned by run.ts, one per database size):
 *   tsx scripts/bench/server.ts seed <file> <size>   fill a fresh database, write <file>.json
 *   tsx scripts/bench/server.ts serve <file> <port>  the real app (createApp, admin off) plus
 * the references, mounted on the same express app and database client:
 *   /bench/ref/*     the same rows as a case, read by one hand-written SQL query (the database's speed)
 *   /bench/constant  a constant body (the framework's ceiling)
 *   /bench/cache?on= turn the in-process public response cache on or off
 *   /bench/read-model?on= answer from the read model (src/readModel) or not
 *   /bench/rss       this process's peak resident memory
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import express from 'express'
import { getPayload } from 'payload'
import { createConfig } from '../../src/config'
import { createApp } from '../../src/server'
import { readModel } from '../../src/readModel'
import { loadSettings } from '../../src/settings'
import { localApiRate, seedBench } from './seed'
import { REFERENCES } from './references'

const [mode, file, arg] = process.argv.slice(2) as [string, string, string]
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-bench-'))
const settings = (dbFile: string, port = 0) =>
  loadSettings({
    DATA_DIR: dataDir,
    DATABASE_URI: `file:${dbFile}`,
    PAYLOAD_SECRET: 'bench-secret-bench-secret-bench-secret',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    JOBS_AUTORUN: 'false',
    REGISTRATION_RATE_LIMIT: '0',
    // Built at start; the cases that are not about it turn it off (/bench/read-model?on=0).
    READ_MODEL: 'on',
    // To compare page-cache sizes: SQLITE_CACHE_MB=0 npm run bench …
    ...(process.env.SQLITE_CACHE_MB ? { SQLITE_CACHE_MB: process.env.SQLITE_CACHE_MB } : {}),
  })

if (mode === 'seed') {
  const payload = await getPayload({ config: await createConfig(settings(file)) })
  const info = await seedBench(payload, Number(arg), (done, total) => process.stderr.write(`\r  seeding ${file}: ${bar(done / total)} ${done}/${total}`))
  process.stderr.write('\n')
  await payload.destroy()
  fs.writeFileSync(`${file}.json`, JSON.stringify(info, null, 2))
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
  const app = await createApp({ settings: settings(file, Number(arg)) })
  const client = (app.payload.db as unknown as { client: import('@libsql/client').Client }).client
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
    readModel.serving = req.query.on === '1'
    res.json({ readModel: readModel.serving, ...readModel.stats })
  })
  outer.get('/bench/rss', (_req, res) => {
    res.json({ maxRssBytes: process.resourceUsage().maxRSS * 1024, rssBytes: process.memoryUsage().rss })
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

function bar(fraction: number): string {
  const width = 30
  const full = Math.round(fraction * width)
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`
}
