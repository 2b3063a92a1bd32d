/**
 * The webinar emails' outbox on the registration row (src/webinars/outbox.ts): a sign-up's row is
 * stored marked as owing its email, the mark is cleared once the email is sent, and what a
 * stopped process left marked is handed to the retry queue by the scheduled sweep (after a grace
 * period: the request may still be sending it), then sent exactly once. The mark is internal:
 * no API answer shows it and no query can filter or sort on it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { OUTBOX_GRACE_MS } from '../src/webinars/outbox'
import { createWebinar, registrationsOf, signUp } from './helpers/webinars'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp({ REGISTRATION_RATE_LIMIT: '0', LOG_LEVEL: 'error' })
})
afterAll(async () => {
  await app?.stop()
})

type Row = { id: string | number; email: string; emailOwed?: string | null; emailOwedSince?: string | null }

async function row(id: string | number): Promise<Row> {
  return (await app.payload.findByID({ collection: 'webinar-registrations', id, overrideAccess: true, showHiddenFields: true, depth: 0 })) as unknown as Row
}

const retryJobs = async () =>
  (await app.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'retryWebinarEmail' } }, overrideAccess: true, pagination: false })).docs

/** A registration as a process that died right after its commit leaves it: stored, marked, its email never sent. */
async function leftByDeadProcess(webinar: string | number, markedAgoMs: number) {
  const person = signUp()
  const doc = await app.payload.create({
    collection: 'webinar-registrations',
    data: { ...person, webinar, status: 'registered', emailOwed: 'registered', emailOwedSince: new Date(Date.now() - markedAgoMs).toISOString() } as never,
    overrideAccess: true,
    context: { skipAudit: true },
  })
  return { person, id: doc.id }
}

/** The scheduled sweep, then the queue it fills (as the jobs worker runs them). */
async function sweepAndRun() {
  await app.payload.jobs.queue({ task: 'queueUnsentWebinarEmails', input: {}, queue: 'webinars' })
  await app.payload.jobs.run({ queue: 'webinars' })
  await app.payload.jobs.run({ queue: 'webinars' })
}

describe('the outbox of a sign-up', () => {
  it('a sign-up sends its email and leaves its row unmarked, with no job behind', async () => {
    const webinar = await createWebinar(app, { capacity: 1 })
    const people = [signUp(), signUp()]
    for (const person of people) expect((await request(app.url).post(`/api/webinars/${webinar.id}/register`).send(person)).status).toBe(202)
    const rows = await registrationsOf(app, webinar.id)
    expect(rows.map((r) => r.status)).toEqual(['registered', 'waitlisted'])
    expect(people.map((p) => app.mail.to(p.email).length)).toEqual([1, 1])
    for (const r of rows) expect(await row(r.id)).toMatchObject({ emailOwed: null, emailOwedSince: null })
    expect(await retryJobs()).toHaveLength(0)
  })

  it('what a stopped process left marked is sent by the sweep once the grace has passed, exactly once', async () => {
    const webinar = await createWebinar(app)
    const old = await leftByDeadProcess(webinar.id, OUTBOX_GRACE_MS + 60_000)
    const fresh = await leftByDeadProcess(webinar.id, 1_000)
    await sweepAndRun()
    expect(app.mail.to(old.person.email).map((m) => m.subject)).toEqual([`You're registered: ${webinar.title}`])
    expect((await row(old.id)).emailOwed ?? null).toBeNull()
    // Within the grace its own request may still be sending it: left alone.
    expect(app.mail.to(fresh.person.email)).toHaveLength(0)
    expect((await row(fresh.id)).emailOwed).toBe('registered')

    await sweepAndRun()
    expect(app.mail.to(old.person.email)).toHaveLength(1)
  })

  it('a person who cancelled before the sweep is not emailed', async () => {
    const webinar = await createWebinar(app)
    const left = await leftByDeadProcess(webinar.id, OUTBOX_GRACE_MS + 60_000)
    await app.payload.delete({ collection: 'webinar-registrations', id: left.id, overrideAccess: true, context: { skipAudit: true } })
    await sweepAndRun()
    expect(app.mail.to(left.person.email)).toHaveLength(0)
  })
})

describe('the mark is internal', () => {
  it('no answer shows it and no query filters or sorts on it', async () => {
    const webinar = await createWebinar(app)
    const left = await leftByDeadProcess(webinar.id, 1_000)
    const editor = await signIn(app, await createAccount(app, 'editor'))
    const one = await editor.get(`/api/webinar-registrations/${left.id}`)
    expect(one.status).toBe(200)
    expect(Object.keys(one.body).filter((k) => k.startsWith('emailOwed'))).toEqual([])
    const list = await editor.get(`/api/webinar-registrations?where[id][equals]=${left.id}`)
    expect(list.status).toBe(200)
    expect(Object.keys(list.body.docs[0]).filter((k) => k.startsWith('emailOwed'))).toEqual([])
    for (const query of ['where[emailOwed][exists]=true', 'where[emailOwedSince][less_than]=2100-01-01', 'sort=emailOwedSince', 'sort=-emailOwed', 'where[or][0][emailOwed][equals]=registered']) {
      const res = await editor.get(`/api/webinar-registrations?${query}`)
      expect([query, res.status]).toEqual([query, 400])
    }
    // GraphQL: the field answers null (Payload keeps hidden fields in its schema), and filters on it are refused.
    const gql = await editor.post('/api/graphql').send({ query: `{ WebinarRegistration(id: ${JSON.stringify(left.id)}) { id emailOwed emailOwedSince } }` })
    expect(gql.body.data?.WebinarRegistration).toMatchObject({ emailOwed: null, emailOwedSince: null })
    const filtered = await editor.post('/api/graphql').send({ query: '{ WebinarRegistrations(where: { emailOwed: { exists: true } }) { totalDocs } }' })
    expect(filtered.body.data?.WebinarRegistrations ?? null).toBeNull()
    expect(filtered.body.errors?.[0]?.message).toMatch(/emailOwed/)
  })
})
