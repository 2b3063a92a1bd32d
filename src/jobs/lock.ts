/**
 * SQLite is for one machine, and queued jobs run in exactly one process. With the embedded
 * database, JOBS_AUTORUN=true claims a lock file beside the database; a second process sharing
 * the file with JOBS_AUTORUN=true refuses to start. A lock left by a dead process is taken over.
 * (MongoDB deployments: one instance or one worker, by configuration; see docs/DEPLOYMENT.md.)
 */
import fs from 'node:fs'
import path from 'node:path'
import { ConfigurationError, type Settings } from '../settings'

export type JobsLock = { release: () => void }

const none: JobsLock = { release: () => undefined }

export function claimJobsRunner(settings: Pick<Settings, 'database' | 'jobsAutoRun'>, pid = process.pid): JobsLock {
  if (!settings.jobsAutoRun || settings.database.kind !== 'sqlite') return none
  const database = settings.database.file
  const lock = `${database}.jobs-runner.lock`
  // Before the database opens (which makes its folder): a new DATA_DIR did not exist yet (ENOENT).
  fs.mkdirSync(path.dirname(database), { recursive: true })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(pid), { flag: 'wx' })
      return {
        release: () => {
          if (readOwner(lock) === pid) fs.rmSync(lock, { force: true })
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = readOwner(lock)
    if (owner !== undefined && owner !== pid && isAlive(owner)) {
      throw new ConfigurationError(
        `JOBS_AUTORUN=true, but process ${owner} already runs the jobs on ${database}. Jobs run in exactly one process, and SQLite on one machine: set JOBS_AUTORUN=false here.`,
      )
    }
    fs.rmSync(lock, { force: true }) // stale: its process is gone (or it is ours)
  }
  throw new ConfigurationError(`Could not claim ${lock}; remove it if no process runs the jobs.`)
}

function readOwner(lock: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(lock, 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
