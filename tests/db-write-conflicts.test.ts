/**
 * Write conflicts (MongoDB's WriteConflict, TransientTransactionError) on the write paths that
 * rely on unique keys, through the real stack on SQLite: the adapter is made to throw the
 * driver's own error, as a transaction that lost a race on MongoDB does. The whole transaction
 * runs again (src/db/transientRetry.ts); one that keeps losing answers 409, never 500, and
 * leaves nothing half-written.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createJurisdictions } from './helpers/publicApi'
import { conflictOnCreate } from './helpers/mongoFake'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, registrationsOf, signUp } from './helpers/webinars'
import { CHECKLIST, settle } from './helpers/workflow'

let app: TestApp
let restore = () => undefined as void
beforeAll(async () => {
  app = await startTestApp({ REGISTRATION_RATE_LIMIT: '0' })
  await createJurisdictions(app)
}, 120_000)
afterEach(() => restore())
afterAll(async () => {
  await app?.stop()
})

const inject = (collection: string, times: number) => {
  const conflict = conflictOnCreate(app.payload, collection, times)
  restore = conflict.restore
  return conflict
}

describe('webinar registrations', () => {
  it('a registration that lost a write conflict is run again: one row, one email, 202', async () => {
    const webinar = await createWebinar(app, { capacity: 5 })
    const person = signUp()
    const conflict = inject('webinar-registrations', 2)
    const res = await request(app.url).post(`/api/webinars/${webinar.id}/register`).send(person)
    expect(res.status).toBe(202)
    expect(conflict.thrown()).toBe(2)
    await settle(app)
    const rows = await registrationsOf(app, webinar.id)
    expect(rows.map((r) => [r.email, r.status])).toEqual([[person.email, 'registered']])
    expect(app.mail.messages.filter((m) => m.to.includes(person.email)).length).toBe(1)
  })
})

describe('alert subscriptions', () => {
  it('a sign-up that lost a write conflict is run again: one subscription, 202', async () => {
    const email = 'conflicted.subscriber@example.org'
    inject('subscriptions', 1)
    const res = await request(app.url).post('/api/subscriptions').send({ email, jurisdictions: ['US-NY'], frequency: 'daily', language: 'en' })
    expect(res.status).toBe(202)
    const { docs } = await app.payload.find({ collection: 'subscriptions', where: { email: { equals: email } }, overrideAccess: true, depth: 0, context: { skipAudit: true } })
    expect(docs.length).toBe(1)
  })
})

describe('workflow actions', () => {
  const submitted = async () => {
    const leader = await createAccount(app, 'contributor')
    const agent = await signIn(app, leader)
    const created = await agent.post('/api/resources').send({ title: 'Conflicted', category: 'media', jurisdictions: [await homeJurisdiction(app)] })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect((await agent.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(200)
    return id as string | number
  }
  const events = async (id: string | number) =>
    (await app.payload.find({ collection: 'review-events', where: { resource: { equals: id } }, depth: 0, overrideAccess: true, sort: 'at' })).docs.map((e) => e.action)

  it('a transition that lost a write conflict once is run again: 200, one event', async () => {
    const id = await submitted()
    const editor = await signIn(app, await createAccount(app, 'editor'))
    inject('review-events', 1)
    const res = await editor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })
    expect([res.status, res.body.errors]).toEqual([200, undefined])
    expect(await events(id)).toEqual(['submit', 'publish'])
  })

  it('one that keeps losing answers the documented 409, and nothing changed', async () => {
    const id = await submitted()
    const editor = await signIn(app, await createAccount(app, 'editor'))
    inject('review-events', Infinity)
    const res = await editor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toMatch(/same moment/)
    restore()
    expect(await events(id)).toEqual(['submit'])
    const state = await editor.get(`/api/resources/${id}/workflow`)
    expect([state.body.reviewStatus, state.body.live]).toEqual(['in_review', false])
  })
})

describe("Payload's own operations (REST, GraphQL)", () => {
  it('a write conflict that reaches Payload answers 409 with a message, over REST and GraphQL', async () => {
    const admin = await signIn(app, await createAccount(app, 'admin'))
    inject('topics', Infinity)
    const rest = await admin.post('/api/topics').send({ name: 'Conflicted topic', slug: 'conflicted-topic' })
    expect([rest.status, rest.body.errors?.[0]?.message]).toEqual([409, expect.stringMatching(/same moment/)])
    const gql = await admin.post('/api/graphql').send({ query: 'mutation { createTopic(data: { name: "Conflicted GraphQL", slug: "conflicted-gql" }) { id } }' })
    expect(gql.body.errors?.[0]?.message).toMatch(/same moment/)
    restore()
    expect((await app.payload.count({ collection: 'topics', where: { name: { like: 'Conflicted' } }, overrideAccess: true })).totalDocs).toBe(0)
  })
})
