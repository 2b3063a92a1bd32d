/**
 * A queued job is claimed with one conditional update ({ id, processing: false }) on every
 * adapter (src/jobs/atomicClaim.ts), so two runners never run one job. On MongoDB Payload's
 * claim reads the candidates and then updates them by id without a transaction: two runners
 * reading at the same moment both claimed (and ran) the job. Here that interleaving is forced
 * on SQLite: runner B claims and runs the job between runner A's read and A's claim.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createAccount, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.stop()
})

const queueActivationEmail = async (contributor: string | number) =>
  (await app.payload.jobs.queue({ task: 'sendEmail', input: { template: 'activated', contributor: String(contributor) } as never })).id

describe('claiming jobs', () => {
  it('a job another runner has claimed (processing) is not run again, by id or by query', async () => {
    const person = await createAccount(app, 'contributor')
    const id = await queueActivationEmail(person.id)
    // Runner A's claim, as it stands while A sends the email.
    await app.payload.db.updateOne({ collection: 'payload-jobs', id, data: { processing: true } as never, req: {} as never })
    await app.payload.jobs.runByID({ id, overrideAccess: true, silent: true })
    await app.payload.jobs.run({ where: { id: { equals: id } }, allQueues: true, overrideAccess: true, silent: true })
    expect(app.mail.to(person.email)).toHaveLength(0)
    const job = await app.payload.findByID({ collection: 'payload-jobs', id, overrideAccess: true, depth: 0 })
    expect([job.processing, job.completedAt ?? null]).toEqual([true, null])
  })

  it('two claims whose reads of the queue overlap (MongoDB: no transaction around a claim) give the job to one of them', async () => {
    const person = await createAccount(app, 'contributor')
    const id = await queueActivationEmail(person.id)
    // Payload's claim, as runJobs makes it on MongoDB: updateJobs outside any transaction.
    const claim = () =>
      app.payload.db.updateJobs({
        data: { processing: true, updatedAt: new Date().toISOString() } as never,
        where: { and: [{ id: { equals: id } }, { processing: { equals: false } }] },
        limit: 10,
        req: { transactionID: undefined } as never,
        returning: true,
      })
    const db = app.payload.db as unknown as { find: (args: { collection: string }) => Promise<unknown> }
    const find = db.find
    let second: unknown[] | null | undefined
    db.find = async function (this: unknown, args) {
      const found = await find.call(this, args)
      // The first claim has read the queue; the second one reads and claims before the first claims.
      if (args.collection === 'payload-jobs' && second === undefined) {
        db.find = find
        second = await claim()
      }
      return found
    }
    let first: unknown[] | null
    try {
      first = await claim()
    } finally {
      db.find = find
    }
    expect([(first ?? []).length, (second ?? []).length]).toEqual([0, 1])
    const job = await app.payload.findByID({ collection: 'payload-jobs', id, overrideAccess: true, depth: 0 })
    expect(job.processing).toBe(true)
  })
})
