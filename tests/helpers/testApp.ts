/**
 * Boots the real app (express → Payload → database → in-memory mail) on a fresh temporary
 * SQLite file, or on DATABASE_URI when that names a MongoDB server (a fresh database per file).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { createApp, type App } from '../../src/server'
import { type Env, loadSettings } from '../../src/settings'

export type TestApp = App & {
  /** The base URL the app listens on (a free port on loopback). */
  url: string
  server: http.Server
  stop: () => Promise<void>
}

let running = false

/**
 * One app at a time per test file: Payload's handlers find their instance through a
 * process-wide cache (`getPayload`'s default key), which stop() clears for the next app.
 */
export async function startTestApp(env: Env = {}, options: { logDestination?: import('pino').DestinationStream } = {}): Promise<TestApp> {
  if (running) throw new Error('startTestApp: stop the running app first (one app per file at a time)')
  running = true
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-test-'))
  const mongo = process.env.DATABASE_URI?.startsWith('mongodb')
  const databaseUri = mongo ? withDatabaseName(process.env.DATABASE_URI!) : `file:${path.join(dataDir, 'test.db')}`
  process.env.DISABLE_PAYLOAD_HMR = 'true'

  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  const settings = loadSettings({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URI: databaseUri,
    PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
    SERVER_URL: url,
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    ...env,
  })
  const app = await createApp({ settings, logDestination: options.logDestination })
  app.mail.clear()
  server.on('request', app.app)

  const stop = async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    if (mongo) await app.payload.db.dropDatabase?.({ adapter: app.payload.db } as never)
    await app.close()
    ;(globalThis as { _payload?: Map<string, unknown> })._payload?.delete('default')
    running = false
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  return { ...app, url, server, stop }
}

function withDatabaseName(uri: string): string {
  const name = `cms_test_${crypto.randomBytes(6).toString('hex')}`
  const u = new URL(uri)
  u.pathname = `/${name}`
  return u.toString()
}

/** Creates an account directly (bypassing sign-up) and returns its credentials. */
export async function createAccount(
  app: App,
  role: 'admin' | 'editor' | 'contributor',
  overrides: Record<string, unknown> = {},
): Promise<{ id: string | number; email: string; password: string }> {
  const email = `${role}-${crypto.randomBytes(4).toString('hex')}@example.org`
  const password = `pw-${crypto.randomBytes(8).toString('hex')}`
  const doc = await app.payload.create({
    collection: 'contributors',
    data: { name: `Test ${role}`, email, password, role, status: 'active', ...overrides } as never,
    overrideAccess: true,
  })
  return { id: doc.id, email, password }
}

/**
 * A supertest agent signed in as the account. It sends the app's own Origin, as a browser on
 * the admin panel does: Payload ignores a cookie whose request shows no allowed origin (CSRF).
 */
export async function signIn(app: TestApp, account: { email: string; password: string }) {
  const { default: request } = await import('supertest')
  const agent = request.agent(app.url).set('Origin', app.url)
  const res = await agent.post('/api/contributors/login').send({ email: account.email, password: account.password })
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`)
  return agent
}
