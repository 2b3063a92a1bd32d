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
import { createApp } from './server'
import { surviveUnhandledRejections } from './http/unhandledRejections'
import { ConfigurationError, loadSettings, type Settings } from './settings'

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
  payload.logger.info(`ICE Out of Courts CMS on ${settings.serverUrl} (admin: ${admin ? `${settings.serverUrl}/admin` : 'off'}, database: ${settings.database.kind})`)
})

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    payload.logger.info(`${signal}: finishing in-flight requests, then closing the database`)
    // Force the exit if a client holds a connection open past the grace period.
    setTimeout(() => process.exit(1), 10_000).unref()
    server.close(async () => {
      await close()
      jobsLock.release()
      process.exit(0)
    })
    server.closeIdleConnections()
  })
}

async function seedEmptyEmbeddedDatabase(): Promise<void> {
  if (settings.database.kind !== 'sqlite' || settings.production) return
  await seedIfEmpty(payload, { production: settings.production })
}
