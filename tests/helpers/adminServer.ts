/**
 * The real server with the admin panel (its production build), in a child process on a free
 * port and a fresh SQLite file: Next's server must not run inside jest's module sandbox, and it
 * sets NODE_ENV=production for the whole process it runs in.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ensureAdminBuild } from '../../src/admin/build'
import { projectRoot } from '../../src/settings/paths'
import { quoteServerOutputOnFailure } from './browser'
import { freePort } from './instances'

export type AdminServer = { url: string; stop: () => Promise<void> }

/** `env`: more settings for the server (e.g. SMTP_URL, to read its mail from tests/helpers/smtp.ts). */
export async function startAdminServer(env: Record<string, string> = {}): Promise<AdminServer> {
  // The first run builds the admin panel (about 85 s on 2 cores); the other e2e file waits for it.
  ensureAdminBuild(projectRoot)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-e2e-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const { NODE_ENV: _jest, NODE_OPTIONS: _vm, ...inherited } = process.env
  // --conditions=production: lexical's default `node` entry points wrap their code in a top-level
  // `await import()`, which on Node 20 leaves `import '@payloadcms/richtext-lexical'` unsettled in
  // about half the starts (exit code 13, no output); the `production` entries have no such await.
  const args = ['--conditions=production', '--import', 'tsx', 'tests/e2e/serveAdmin.ts']
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: {
      ...inherited,
      DATA_DIR: dataDir,
      DATABASE_URI: `file:${path.join(dataDir, 'e2e.db')}`,
      PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
      SERVER_URL: url,
      PORT: String(port),
      LOG_LEVEL: 'info', // quoted by a failed step (tests/helpers/browser.ts)
      DISABLE_PAYLOAD_HMR: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
      // Next's types declare NODE_ENV required; the child must start without it (see above).
    } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output += chunk
    if (process.env.E2E_VERBOSE) process.stderr.write(chunk) // the server's own output, live
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  quoteServerOutputOnFailure(() => output)
  await waitUntilListening(child, url, () => output)
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function waitUntilListening(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The admin server exited (${child.exitCode}):\n${output()}`)
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  child.kill('SIGKILL')
  throw new Error(`The admin server did not answer within 120 s:\n${output()}`)
}
