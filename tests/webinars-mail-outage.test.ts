import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import request from 'supertest'
import { startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, parseIcs, registrationsOf, signUp } from './helpers/webinars'

/** A real local SMTP server, started only when the test says the mail server is back. */
let smtp: SMTPServer | undefined
const received: { to: string[]; subject: string; ics?: string }[] = []
let port: number
let app: TestApp

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

function startSmtp() {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        const ics = mail.attachments.find((a) => a.filename === 'webinar.ics')
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', ics: ics?.content.toString('utf8') })
        callback()
      }, callback)
    },
  })
  return new Promise<void>((resolve) => smtp!.listen(port, '127.0.0.1', resolve))
}

beforeAll(async () => {
  port = await freePort()
  app = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, REGISTRATION_RATE_LIMIT: '0', LOG_LEVEL: 'error' })
})
afterAll(async () => {
  await app?.stop()
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()))
})

describe('with the mail server down', () => {
  it('still registers people, and the confirmation goes out through the jobs queue once the server is back', async () => {
    const webinar = await createWebinar(app)
    const person = signUp()
    const res = await request(app.url).post(`/api/webinars/${webinar.id}/register`).send(person)
    expect(res.status).toBe(202)
    expect(await registrationsOf(app, webinar.id)).toHaveLength(1)

    const { docs: queued } = await app.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'retryWebinarEmail' } }, overrideAccess: true })
    expect(queued).toHaveLength(1)
    // The job holds ids only: no address, no name.
    expect(JSON.stringify(queued[0]!.input)).not.toContain(person.email)
    expect(JSON.stringify(queued[0]!.input)).not.toContain(person.name)

    await startSmtp()
    await app.payload.jobs.run({ queue: 'webinars' })
    expect(received.map((m) => [m.to, m.subject])).toEqual([[[person.email], `You're registered: ${webinar.title}`]])
    expect(parseIcs(received[0]!.ics!).SUMMARY).toBe(webinar.title)
  })
})
