/**
 * Forgot-password is the one email Payload sends inside a request (and inside its transaction):
 * with the mail server down or silent, it must answer as it does for an unknown address (no 500,
 * no hint that the account exists), and must not hold other writes up for long.
 */
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { smtpOptions, SMTP_TIMEOUTS } from '../src/email/adapter'
import { freePort } from './helpers/instances'
import { createAccount, startTestApp, type TestApp } from './helpers/testApp'

describe('SMTP options', () => {
  it('bound how long a send waits, unless SMTP_URL says otherwise', () => {
    expect(smtpOptions('smtp://user:p%40ss@mail.example.org:587')).toMatchObject({
      ...SMTP_TIMEOUTS,
      host: 'mail.example.org',
      port: 587,
      secure: false,
      auth: { user: 'user', pass: 'p@ss' },
    })
    expect(smtpOptions('smtps://mail.example.org?connectionTimeout=3000').connectionTimeout).toBe(3000)
    expect(SMTP_TIMEOUTS.greetingTimeout).toBeLessThan(30_000) // below the SQLite write lock's wait limit
  })
})

let app: TestApp
let silent: net.Server
const sockets = new Set<net.Socket>()
let port = 0

beforeAll(async () => {
  // A mail server that accepts connections and never says a word.
  port = await freePort()
  silent = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve))
  app = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}?greetingTimeout=2000`, LOG_LEVEL: 'fatal' })
})
afterAll(async () => {
  await app?.stop()
  for (const socket of sockets) socket.destroy()
  await new Promise((resolve) => silent?.close(resolve))
})

const forgot = (email: string) => request(app.url).post('/api/contributors/forgot-password').send({ email })

describe('forgot-password with a mail server that does not answer', () => {
  it('answers exactly as for an unknown address, and other writes go on', async () => {
    const account = await createAccount(app, 'contributor')
    const unknown = await forgot('nobody-here@example.org')
    const [known, written] = await Promise.all([
      forgot(account.email),
      // Started while forgot-password waits on the mail server inside its transaction.
      new Promise((resolve) => setTimeout(resolve, 200)).then(() =>
        app.payload.create({ collection: 'topics', data: { name: 'Written meanwhile', slug: 'written-meanwhile' } as never, overrideAccess: true }),
      ),
    ])
    expect({ status: known.status, body: known.body }).toEqual({ status: unknown.status, body: unknown.body })
    expect(unknown.status).toBe(200)
    expect(written.slug).toBe('written-meanwhile')
  }, 60_000)
})
