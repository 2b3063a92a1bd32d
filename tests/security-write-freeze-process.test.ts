/**
 * Stuck writes, against a real server process (`src/start.ts`, NODE_ENV=production, API only):
 *  (d) /readyz answers 503, naming the cause, while one transaction holds the SQLite write lock,
 *      and ready again once it is gone;
 *  (e) SIGTERM during such a transaction rolls it back, answers its request 503, and the process
 *      exits 0 within its grace period instead of being killed.
 * The long transaction is Payload's forgot-password, which sends its email inside its transaction,
 * against a mail server that accepts the connection and never speaks.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { freePort, startInstance, type Child } from './helpers/instances'

let silent: net.Server
let smtpPort = 0
const sockets = new Set<net.Socket>()
const dataDirs: string[] = []
const children: Child[] = []

beforeAll(async () => {
  smtpPort = await freePort()
  silent = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => silent.listen(smtpPort, '127.0.0.1', resolve))
})
afterAll(async () => {
  for (const child of children) await child.stop()
  for (const socket of sockets) socket.destroy()
  await new Promise((resolve) => silent?.close(resolve))
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true })
})

async function start(transactionLimitSeconds: number): Promise<Child> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-freeze-'))
  dataDirs.push(dataDir)
  const child = await startInstance({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}?connectionTimeout=120000&greetingTimeout=120000&socketTimeout=120000`,
    SQLITE_TRANSACTION_LIMIT_S: String(transactionLimitSeconds),
    JOBS_AUTORUN: 'false',
    LOG_LEVEL: 'info',
  })
  children.push(child)
  return child
}

const json = (child: Child, route: string, body: object) =>
  fetch(`${child.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** The first account of a production database: sign-up makes it the active admin. */
async function account(child: Child) {
  const email = `person-${crypto.randomBytes(3).toString('hex')}@example.org`
  const res = await json(child, '/api/contributors', { name: 'First person', email, password: 'a long enough password' })
  expect(res.status).toBe(201)
  return email
}

/** Polls /readyz until it answers `status`; fails if `during` (the stuck write) ends first. */
async function readiness(child: Child, status: number, during?: Promise<unknown>) {
  let ended = false
  void during?.then(() => (ended = true))
  for (;;) {
    const res = await fetch(`${child.url}/readyz`)
    if (res.status === status) return (await res.json()) as { status: string; reason?: string }
    if (ended) throw new Error(`/readyz never answered ${status} while the write was stuck`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** A forgot-password that holds the write lock while the silent mail server never greets it. */
const stuckWrite = (child: Child, email: string) =>
  json(child, '/api/contributors/forgot-password', { email }).then(
    async (res) => ({ status: res.status, body: (await res.json()) as { errors?: { message: string }[] } }),
    (error: Error) => ({ status: 0, body: { errors: [{ message: `no answer: ${error.message}` }] } }),
  )

describe('stuck writes in a production process', () => {
  it('(d) /readyz answers 503 while a transaction holds the write lock, and ready again once it is rolled back', async () => {
    const child = await start(8)
    const email = await account(child)
    expect((await fetch(`${child.url}/readyz`)).status).toBe(200)
    const stuck = stuckWrite(child, email)
    const unready = await readiness(child, 503, stuck)
    expect(unready).toMatchObject({ status: 'unavailable', database: 'sqlite' })
    expect(unready.reason).toMatch(/^writes are waiting behind a transaction open for \d+ s$/)
    const answer = await stuck
    expect(answer.status).toBe(503)
    expect(answer.body.errors?.[0]?.message).toMatch(/open for more than 8 s .*rolled back/)
    expect(await readiness(child, 200)).toMatchObject({ status: 'ready' })
  }, 120_000)

  it('(e) SIGTERM rolls back the transaction still open, answers its request 503, and exits 0', async () => {
    const child = await start(0) // no limit: only the shutdown can end it
    const email = await account(child)
    const stuck = stuckWrite(child, email)
    await readiness(child, 503, stuck)
    const exited = new Promise<number | null>((resolve) => child.process.once('exit', (code) => resolve(code)))
    child.process.kill('SIGTERM')
    const answer = await stuck
    expect(answer.status).toBe(503)
    expect(answer.body.errors?.[0]?.message).toMatch(/server is shutting down/)
    expect(await exited).toBe(0)
    expect(child.output()).not.toContain('not stopped within')
  }, 120_000)
})
