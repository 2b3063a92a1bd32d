/**
 * `npm run jobs`: a process that only runs the jobs queue (emails, scheduled publishing, webinar
 * reminders, retention), for deployments where no app instance has JOBS_AUTORUN=true. Run one.
 */
import 'dotenv/config'
import { getPayload } from 'payload'
import { createConfig } from '../config'
import { sizeSqliteCache } from '../db/database'
import { claimJobsRunner } from './lock'
import { readModel } from '../readModel'
import { surviveUnhandledRejections } from '../http/unhandledRejections'
import { ConfigurationError, loadSettings } from '../settings'

function settingsOrExit() {
  try {
    const settings = loadSettings({ ...process.env, JOBS_AUTORUN: 'true' })
    return { settings, lock: claimJobsRunner(settings) }
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error
    console.error(`Refusing to start: ${error.message}`)
    process.exit(1)
  }
}

const { settings, lock } = settingsOrExit()
const payload = await getPayload({ config: await createConfig(settings), cron: true })
// Scheduled publishing changes published resources: rendered here, after each commit, like the server does.
await readModel.start(payload, settings.readModel)
await sizeSqliteCache(payload, settings.sqliteCacheMb) // after the start-up work (src/db/database.ts)
surviveUnhandledRejections((err) => payload.logger.error({ err, msg: 'Unhandled promise rejection (the worker keeps running)' }))
payload.logger.info(`Jobs worker running (database: ${settings.database.kind})`)

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    payload.logger.info(`${signal}: stopping the jobs worker`)
    await payload.destroy() // stops the crons, then closes the database
    lock.release()
    process.exit(0)
  })
}
