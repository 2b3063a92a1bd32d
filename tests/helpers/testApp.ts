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
import { createApp, type App, type CreateAppOptions } from '../../src/server'
import { type Env, loadSettings } from '../../src/settings'
import { withDatabaseName } from './mongoUri'

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
export async function startTestApp(env: Env = {}, options: Pick<CreateAppOptions, 'logDestination'> = {}): Promise<TestApp> {
  if (running) throw new Error('startTestApp: stop the running app first (one app per file at a time)')
  running = true
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-test-'))
  const mongo = process.env.DATABASE_URI?.startsWith('mongodb')
  const databaseUri = mongo ? withDatabaseName(process.env.DATABASE_URI!, `cms_test_${crypto.randomBytes(6).toString('hex')}`) : `file:${path.join(dataDir, 'test.db')}`
  process.env.DISABLE_PAYLOAD_HMR = 'true'
  // Payload skips the schema push when the schema equals the last one pushed in this process;
  // every app here has a new, empty database file.
  process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'

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
  const app = await createApp({ settings, ...options }).catch((error: unknown) => {
    server.close() // or jest waits for it forever
    running = false
    throw error
  })
  app.mail.clear()
  server.on('request', app.app)

  const stop = async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    // The MongoDB adapter has no dropDatabase: the file's database goes through its connection.
    if (settings.database.kind === 'mongodb') await (app.payload.db as unknown as { connection: { dropDatabase: () => Promise<unknown> } }).connection.dropDatabase()
    await app.close()
    ;(globalThis as { _payload?: Map<string, unknown> })._payload?.delete('default')
    running = false
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  return { ...app, url, server, stop }
}

/**
 * The jurisdiction test leaders work in unless a test gives them others (Vermont: no test's own
 * geography uses it). A contributor's resources must name jurisdictions within theirs
 * (access/withinJurisdictions.ts), so fixtures create theirs with `jurisdictions: [await homeJurisdiction(app)]`.
 */
export async function homeJurisdiction(app: App): Promise<string | number> {
  const found = await app.payload.find({ collection: 'jurisdictions', where: { code: { equals: 'US-VT' } }, limit: 1, depth: 0, overrideAccess: true })
  if (found.docs[0]) return found.docs[0].id
  return (await app.payload.create({ collection: 'jurisdictions', data: { code: 'US-VT', name: 'Vermont', type: 'state' } as never, overrideAccess: true })).id
}

/**
 * Creates an account directly (bypassing sign-up) and returns its credentials. A contributor
 * holds the home jurisdiction (above) unless `overrides.jurisdictions` says otherwise.
 */
export async function createAccount(
  app: App,
  role: 'admin' | 'editor' | 'contributor',
  overrides: Record<string, unknown> = {},
): Promise<{ id: string | number; email: string; password: string }> {
  const email = `${role}-${crypto.randomBytes(4).toString('hex')}@example.org`
  const password = `pw-${crypto.randomBytes(8).toString('hex')}`
  const jurisdictions = role === 'contributor' && !('jurisdictions' in overrides) ? [await homeJurisdiction(app)] : []
  const doc = await app.payload.create({
    collection: 'contributors',
    data: { name: `Test ${role}`, email, password, role, status: 'active', jurisdictions, ...overrides } as never,
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
