/**
 * `npm start` (production build of the admin) and `npm run dev` (Next dev server):
 * validate the configuration, build the admin if needed, start Payload behind express,
 * seed an empty embedded database, listen, and shut down gracefully.
 */
import 'dotenv/config'
import http from 'node:http'
import { ensureAdminBuild } from './admin/build'
import { projectRoot } from './settings/paths'
import { seedIfEmpty } from '../seed/seed'
import { claimJobsRunner } from './jobs/lock'
import { writeLockOf } from './db/sqliteWriteLock'
import { TransactionAbandoned } from './db/transactionScope'
import { createApp } from './server'
import { surviveUnhandledRejections } from './http/unhandledRejections'
import { ConfigurationError, loadSettings, type Settings } from './settings'
import { limitHeapGrowth, memoryLine } from './settings/memory'

const dev = process.argv.includes('--dev')
/** ADMIN=off: the API alone (no admin build, no Next), e.g. for API-only instances behind a proxy. */
const admin = process.env.ADMIN === 'off' ? false : dev ? 'dev' : 'production'

function settingsOrExit(): Settings {
  return orExit(() => loadSettings())
}

function orExit<T>(check: () => T): T {
  try {
    return check()
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error
    console.error(`Refusing to start: ${error.message}`)
    process.exit(1)
  }
}

const settings = settingsOrExit()
// Before anything is loaded: the bound holds from the first collection on.
const heap = limitHeapGrowth(settings.heapGrowthPercent)
const jobsLock = orExit(() => claimJobsRunner(settings))
// Payload's dev-only HMR socket only makes sense under `next dev`.
if (!dev) process.env.DISABLE_PAYLOAD_HMR = 'true'
if (admin === 'production') ensureAdminBuild(projectRoot)

const { app, payload, upgrade, close } = await createApp({ settings, admin })
surviveUnhandledRejections((err) => payload.logger.error({ err, msg: 'Unhandled promise rejection (the process keeps serving)' }))
await seedEmptyEmbeddedDatabase()

const server = http.createServer(app)
if (upgrade) server.on('upgrade', upgrade)
server.listen(settings.port, () => {
  payload.logger.info(`ICE Out of Courts CMS on ${settings.serverUrl} (site: ${settings.site ? `${settings.serverUrl}/` : 'off'}, admin: ${admin ? `${settings.serverUrl}/admin` : 'off'}, database: ${settings.database.kind}; ${memoryLine(settings, heap)})`)
})

/**
 * SIGTERM/SIGINT: stop accepting connections, give in-flight requests DRAIN_MS to finish, then
 * roll back a transaction still holding the database (its request answers 503), close what is
 * left and the database, and exit 0, all within GRACE_MS (Docker's default before SIGKILL). A
 * request stuck on its own transaction would otherwise keep the server, and the database's write
 * lock, to the end. If closing itself hangs, the process exits 1 at GRACE_MS regardless.
 */
const GRACE_MS = 10_000
const DRAIN_MS = 6_000
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    payload.logger.info(`${signal}: finishing in-flight requests, then closing the database`)
    setTimeout(() => {
      payload.logger.error(`${signal}: not stopped within ${GRACE_MS / 1000} s; exiting`)
      process.exit(1)
    }, GRACE_MS).unref()
    void shutDown().then(
      () => process.exit(0),
      (error: unknown) => {
        payload.logger.error({ err: error, msg: `${signal}: shutdown failed` })
        process.exit(1)
      },
    )
  })
}

async function shutDown(): Promise<void> {
  const drained = new Promise<void>((resolve) => server.close(() => resolve()))
  // Keep-alive connections go as soon as they are idle (a request answered after the signal leaves one).
  server.closeIdleConnections()
  const idle = setInterval(() => server.closeIdleConnections(), 250)
  idle.unref()
  if (!(await Promise.race([drained.then(() => true), delay(DRAIN_MS).then(() => false)]))) {
    await writeLockOf(payload.db)?.abandon(new TransactionAbandoned('the server is shutting down, and the transaction was rolled back; nothing of it was saved. Try again.'))
    await Promise.race([drained, delay(1000)]) // the 503s go out, queued writes finish
    server.closeAllConnections()
  }
  clearInterval(idle)
  await close()
  jobsLock.release()
}

async function seedEmptyEmbeddedDatabase(): Promise<void> {
  if (settings.database.kind !== 'sqlite' || settings.production) return
  await seedIfEmpty(payload, { production: settings.production })
}
