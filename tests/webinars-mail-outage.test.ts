import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { localSmtp, type LocalSmtp } from './helpers/smtp'
import { startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, parseIcs, registrationsOf, signUp } from './helpers/webinars'

let smtp: LocalSmtp
let app: TestApp

beforeAll(async () => {
  smtp = await localSmtp()
  app = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, REGISTRATION_RATE_LIMIT: '0', LOG_LEVEL: 'error' })
})
afterAll(async () => {
  await app?.stop()
  await smtp?.stop()
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
    // Handed to the queue: the row's outbox mark is cleared with it (the sweep would queue it again otherwise).
    const [row] = await registrationsOf(app, webinar.id)
    const stored = await app.payload.findByID({ collection: 'webinar-registrations', id: row!.id, overrideAccess: true, showHiddenFields: true })
    expect(stored).toMatchObject({ emailOwed: null, emailOwedSince: null })

    await smtp.start()
    await app.payload.jobs.run({ queue: 'webinars' })
    expect(smtp.received.map((m) => [m.to, m.subject])).toEqual([[[person.email], `You're registered: ${webinar.title}`]])
    expect(parseIcs(smtp.received[0]!.attachments.find((a) => a.filename === 'webinar.ics')!.content).SUMMARY).toBe(webinar.title)
  })
})
