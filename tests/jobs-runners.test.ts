/**
 * Two job runners in one process: the jobs cron (`payload.jobs.run`, every minute where
 * JOBS_AUTORUN is on) and the immediate delivery after a change (`runJobsNow`). CI once saw a
 * publish wait 30 s and fail: the cron and the delivery ran one email job together, the loser's
 * bookkeeping failed inside a transaction Payload never ended, and the write lock stayed held.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { deliverNow } from '../src/email/outbox'
import { createAccount, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.stop()
})

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const queueActivationEmail = async (contributor: string | number) =>
  (await app.payload.jobs.queue({ task: 'sendEmail', input: { template: 'activated', contributor: String(contributor) } as never })).id

/** A write that must go through: with the lock leaked it waits 30 s and throws. */
const writeSomething = (n: number) =>
  app.payload.create({ collection: 'topics', data: { name: `Topic ${n}`, slug: `topic-runners-${n}` } as never, overrideAccess: true })

describe('job runners', () => {
  it('an email the cron picks up at the same moment as the immediate delivery is sent once', async () => {
    const person = await createAccount(app, 'contributor')
    for (let round = 0; round < 12; round++) {
      app.mail.clear()
      const id = await queueActivationEmail(person.id)
      const cron = () => app.payload.jobs.run({ limit: 50 })
      const now = () => deliverNow(app.payload, [id])
      // Either one first, a few milliseconds apart, as the minute tick may fall.
      await Promise.all(round % 2 ? [delay(round >> 1).then(cron), now()] : [cron(), delay(round >> 1).then(now)])
      expect(app.mail.to(person.email)).toHaveLength(1)
      await writeSomething(round)
    }
    const left = await app.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendEmail' } }, overrideAccess: true })
    expect(left.docs).toEqual([]) // every job completed (and was deleted), none left processing
  }, 120_000)

  it("a failed update of a job's bookkeeping leaves no transaction open (the next write goes through)", async () => {
    const id = await queueActivationEmail((await createAccount(app, 'contributor')).id)
    // What Payload's updateJob does: a transaction of its own for one adapter call, never ended by
    // Payload when the call throws; here the call fails on a log entry without its required fields.
    const transactionID = await app.payload.db.beginTransaction()
    const log = [{ executedAt: new Date().toISOString(), state: 'succeeded' }]
    await expect(app.payload.db.updateJobs({ id, data: { log } as never, req: { transactionID } as never })).rejects.toThrow()
    await writeSomething(100)
    expect((await app.payload.find({ collection: 'topics', where: { slug: { equals: 'topic-runners-100' } }, overrideAccess: true })).totalDocs).toBe(1)
  }, 60_000)
})
