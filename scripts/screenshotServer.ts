/**
 * `npm start`'s server for the screenshot scripts (screenshots.ts, site-screenshots.ts): a fresh
 * SQLite database in a temporary folder, a free port, the demo seed with `seedPassword`, no jobs.
 * Resolves once `ready` answers 200 (a route that exists only when the server is up, or seeded).
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '../tests/helpers/instances'
import { projectRoot } from '../src/settings/paths'

export type ScreenshotServer = { url: string; stop: () => Promise<void> }

export async function startScreenshotServer(options: {
  /** Names the temporary folder. */
  name: string
  seedPassword: string
  /** Added to the server's environment (e.g. `ADMIN: 'off'`). */
  env?: Record<string, string>
  ready: { route: string; minutes: number; failure: string }
}): Promise<ScreenshotServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${options.name}-`))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/start.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URI: `file:${path.join(dataDir, 'cms.db')}`,
      PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
      SERVER_URL: url,
      PORT: String(port),
      SEED_PASSWORD: options.seedPassword,
      JOBS_AUTORUN: 'false',
      LOG_LEVEL: 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    const deadline = Date.now() + options.ready.minutes * 60_000
    while (!(await fetch(`${url}${options.ready.route}`).then((r) => r.ok, () => false))) {
      if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode})`)
      if (Date.now() > deadline) throw new Error(options.ready.failure)
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  } catch (error) {
    await stop()
    throw error
  }
  return { url, stop }
}
