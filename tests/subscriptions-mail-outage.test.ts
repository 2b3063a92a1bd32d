/**
 * A digest while the mail server is down: every subscriber's email waits in the outbox (one
 * sendEmail job each, ids only), the job run again queues nothing more, and once the server is
 * back each subscriber receives exactly one email.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { lastDigestMoment, sendDueAlerts } from '../src/subscriptions/alerts'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { localSmtp, type LocalSmtp } from './helpers/smtp'
import { startTestApp, type TestApp } from './helpers/testApp'

let smtp: LocalSmtp
let app: TestApp
const HOUR = 3_600_000

const emailJobs = async () =>
  (await app.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendEmail' } }, pagination: false, overrideAccess: true })).docs

async function runQueueNow() {
  // By `where`: a job a background delivery finished (and deleted) meanwhile is simply not there.
  await app.payload.update({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendEmail' } }, data: { waitUntil: new Date(Date.now() - 1000).toISOString() }, overrideAccess: true })
  await app.payload.jobs.run({ overrideAccess: true })
}

beforeAll(async () => {
  smtp = await localSmtp()
  app = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, LOG_LEVEL: 'fatal' })
}, 120_000)
afterAll(async () => {
  await app?.stop()
  await smtp?.stop()
})

describe('a digest during a mail outage', () => {
  it('loses nothing and doubles nothing', async () => {
    const places = await createJurisdictions(app)
    const lastHour = lastDigestMoment('daily', new Date())
    const addresses = ['one@example.org', 'two@example.org', 'three@example.org']
    for (const email of addresses) {
      const since = new Date(lastHour.getTime() - HOUR).toISOString()
      await app.payload.create({ collection: 'subscriptions', data: { email, frequency: 'daily', confirmedAt: since, alertedThrough: since, jurisdictions: [places['US-NY']] } as never, overrideAccess: true })
    }
    await createPublished(app, { title: 'Outage digest item', jurisdictions: [places['US-NY']] })
    const digestTime = new Date(lastDigestMoment('daily', new Date(lastHour.getTime() + 25 * HOUR)).getTime() + 60_000)

    expect((await sendDueAlerts(app.payload, digestTime)).queued).toBe(3)
    await runQueueNow() // the server is down: every attempt fails
    expect(await emailJobs()).toHaveLength(3)
    for (const job of await emailJobs()) expect(JSON.stringify(job.input)).not.toContain('@')
    // The job retried (or run again) in the middle of the outage queues nothing more.
    expect((await sendDueAlerts(app.payload, digestTime)).queued).toBe(0)
    expect(await emailJobs()).toHaveLength(3)

    await smtp.start()
    await runQueueNow()
    expect(smtp.received.map((m) => m.to.join(',')).sort()).toEqual([...addresses].sort())
    expect(smtp.received.every((m) => m.subject === 'Toolkit alert: 1 new or updated item')).toBe(true)
    await runQueueNow()
    expect((await sendDueAlerts(app.payload, new Date(digestTime.getTime() + HOUR))).queued).toBe(0)
    expect(smtp.received).toHaveLength(3)
  })
})
