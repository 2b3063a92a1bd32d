import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { claimJobsRunner } from '../src/jobs/lock'
import { ConfigurationError } from '../src/settings'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-jobs-lock-'))
const file = path.join(dir, 'cms.db')
const sqlite = { database: { kind: 'sqlite' as const, file, url: `file:${file}` }, jobsAutoRun: true }
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('JOBS_AUTORUN on a shared SQLite file', () => {
  it('refuses a second process while the first one runs, and lets it take over once it is gone', async () => {
    // Another live process holds the lock.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    await new Promise((resolve) => other.once('spawn', resolve))
    const first = claimJobsRunner(sqlite, other.pid!)
    expect(() => claimJobsRunner(sqlite)).toThrow(ConfigurationError)
    expect(() => claimJobsRunner(sqlite)).toThrow(new RegExp(`process ${other.pid} already runs the jobs`))

    other.kill('SIGKILL')
    await new Promise((resolve) => other.once('exit', resolve))
    const second = claimJobsRunner(sqlite) // the stale lock is taken over
    expect(fs.readFileSync(`${file}.jobs-runner.lock`, 'utf8')).toBe(String(process.pid))
    first.release() // not the owner any more: leaves the lock alone
    expect(fs.existsSync(`${file}.jobs-runner.lock`)).toBe(true)
    second.release()
    expect(fs.existsSync(`${file}.jobs-runner.lock`)).toBe(false)
  })

  it('claims its lock in a data folder that does not exist yet (a new DATA_DIR: it crashed npm start)', () => {
    const fresh = path.join(dir, 'new', 'data', 'cms.db')
    const lock = claimJobsRunner({ database: { kind: 'sqlite', file: fresh, url: `file:${fresh}` }, jobsAutoRun: true })
    expect(fs.readFileSync(`${fresh}.jobs-runner.lock`, 'utf8')).toBe(String(process.pid))
    lock.release()
  })

  it('claims nothing without JOBS_AUTORUN or on MongoDB', () => {
    claimJobsRunner({ ...sqlite, jobsAutoRun: false })
    claimJobsRunner({ database: { kind: 'mongodb', url: 'mongodb://db/cms' }, jobsAutoRun: true })
    expect(fs.existsSync(`${file}.jobs-runner.lock`)).toBe(false)
  })
})
