/**
 * Reliability under concurrency, through the real stack: many requests fired at once must leave
 * exactly the rows, seats, emails and history entries that the answers promised.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, registrationsOf, signUp } from './helpers/webinars'
import { CHECKLIST, settle } from './helpers/workflow'

async function drainEmailJobs(timeoutMs = 30_000) {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    const { totalDocs } = await app.payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendEmail' } } })
    if (!totalDocs) break
    await new Promise((r) => setTimeout(r, 100))
  }
  await settle(app)
}

let app: TestApp

beforeAll(async () => {
  app = await startTestApp({ REGISTRATION_RATE_LIMIT: '0' })
})
afterAll(async () => {
  await app?.stop()
})

describe('200 registrations for 20 webinars fired at once', () => {
  it('stores exactly one row per address, never more seats than the capacity, and sends one email per request', async () => {
    app.mail.clear()
    // Even webinars hold 4 seats, odd ones are unlimited.
    const webinars = await Promise.all(Array.from({ length: 20 }, (_, i) => createWebinar(app, i % 2 === 0 ? { capacity: 4 } : {})))
    // Per webinar: 9 different people, and the first of them twice (a double click).
    const requests = webinars.flatMap((webinar) => {
      const people = Array.from({ length: 9 }, () => signUp())
      return [...people, people[0]!].map((person) => ({ webinar, person }))
    })
    expect(requests).toHaveLength(200)

    const responses = await Promise.all(
      requests.map(({ webinar, person }) => request(app.url).post(`/api/webinars/${webinar.id}/register`).send(person)),
    )
    expect(responses.map((r) => r.status)).toEqual(Array(200).fill(202))

    for (const [i, webinar] of webinars.entries()) {
      const rows = await registrationsOf(app, webinar.id)
      const expected = requests.filter((r) => r.webinar === webinar).map((r) => r.person.email)
      expect(rows.map((r) => r.email).sort()).toEqual([...new Set(expected)].sort())
      const registered = rows.filter((r) => r.status === 'registered')
      if (i % 2 === 0) {
        expect(registered).toHaveLength(4)
        expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(5)
        // Seats 1..4, each held once (the unique seat key).
        const { docs } = await app.payload.find({
          collection: 'webinar-registrations',
          where: { and: [{ webinar: { equals: webinar.id } }, { status: { equals: 'registered' } }] },
          showHiddenFields: true,
          pagination: false,
          overrideAccess: true,
        })
        expect(docs.map((d) => (d as { seatKey?: string }).seatKey).sort()).toEqual([1, 2, 3, 4].map((n) => `${webinar.id}:${n}`))
      } else {
        expect(registered).toHaveLength(9)
      }
    }

    // One email per accepted request: the duplicate gets "already registered", everyone else one confirmation or waitlist notice.
    expect(app.mail.messages).toHaveLength(200)
    for (const { webinar, person } of requests) {
      const subjects = app.mail.to(person.email).map((m) => m.subject)
      const row = (await registrationsOf(app, webinar.id)).find((r) => r.email === person.email)!
      const first = row.status === 'registered' ? `You're registered: ${webinar.title}` : `You're on the waitlist: ${webinar.title}`
      expect(subjects.filter((s) => s === first)).toHaveLength(1)
      const duplicate = requests.filter((r) => r.person.email === person.email).length > 1
      expect(subjects).toHaveLength(duplicate ? 2 : 1)
      if (duplicate) expect(subjects).toContain(`You're already registered: ${webinar.title}`)
    }
  }, 180_000)
})

describe('20 editors publishing and unpublishing one resource at once', () => {
  it('ends in a consistent state with one history entry per 200 and none for refusals', async () => {
    const leader = await createAccount(app, 'contributor')
    const asLeader = await signIn(app, leader)
    const created = await asLeader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Contested resource', category: 'media' })
    expect(created.status).toBe(201)
    const id = created.body.doc.id as string | number
    expect((await asLeader.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(200)

    const editors = await Promise.all(Array.from({ length: 20 }, async () => signIn(app, await createAccount(app, 'editor'))))
    // Each editor sends publish, unpublish and submit (to go round the cycle again), in an order of its own.
    const bodies = [{ action: 'publish', checklist: CHECKLIST }, { action: 'unpublish' }, { action: 'submit' }]
    const calls = editors.flatMap((agent, i) => [0, 1, 2].map((k) => ({ agent, body: bodies[(i + k) % 3]! })))
    const results = await Promise.all(calls.map(({ agent, body }) => agent.post(`/api/resources/${id}/workflow`).send(body)))

    const statuses = results.map((r) => r.status)
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true)
    const ok = results.filter((r) => r.status === 200)
    expect(ok.length).toBeGreaterThan(1)

    const events = await app.payload.find({ collection: 'review-events', where: { resource: { equals: id } }, sort: 'at', pagination: false })
    // The leader's submit, then exactly the events the 200s named.
    expect(events.docs).toHaveLength(1 + ok.length)
    expect(new Set(events.docs.slice(1).map((e) => String(e.id)))).toEqual(new Set(ok.map((r) => String(r.body.event))))
    // The history is one unbroken chain of states.
    const chain = [...events.docs].sort((a, b) => Number(a.id) - Number(b.id) || String(a.at).localeCompare(String(b.at)))
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.from).toBe(chain[i - 1]!.to)

    const last = chain[chain.length - 1]!
    const stored = await app.payload.findByID({ collection: 'resources', id, draft: true, overrideAccess: true })
    expect(stored.reviewStatus).toBe(last.to)
    const publicRead = await request(app.url).get(`/api/resources/${id}`)
    expect(publicRead.status).toBe(last.to === 'published' ? 200 : 404)
    // Let the notifications of every 200 go out before the app stops.
    await drainEmailJobs()
  }, 240_000)
})
