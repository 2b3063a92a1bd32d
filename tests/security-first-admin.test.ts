/**
 * Only the very first account becomes admin, also when two sign-ups race on an empty database:
 * on MongoDB each transaction's count sees 0 (snapshot isolation), so the rule alone made two
 * admins. The first-account admin carries a unique key (firstAdminKey): the second insert fails
 * on it and answers 409; nobody else is ever made admin by sign-up.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ ACCOUNT_RATE_LIMIT: '0' })
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const admins = async () => (await app.payload.count({ collection: 'contributors', where: { role: { equals: 'admin' } }, overrideAccess: true })).totalDocs

/** What a racing sign-up's transaction sees on MongoDB: no account yet (the other one is not committed). */
function countSeesNoAccounts(): () => void {
  const count = app.payload.count.bind(app.payload)
  app.payload.count = (async (args: { collection: string }) =>
    args.collection === 'contributors' ? { totalDocs: 0 } : count(args as never)) as typeof app.payload.count
  return () => void (app.payload.count = count)
}

describe('the first-account rule under a race', () => {
  it('the first sign-up becomes the admin', async () => {
    const res = await request(app.url).post('/api/contributors/first-register').send({ email: 'first@example.org', password: 'velvet-orbit-lantern-92x', name: 'First Admin' })
    expect(res.status).toBe(200)
    expect(await admins()).toBe(1)
  })

  it('a sign-up that counted no accounts at the same moment is refused with 409, not made a second admin', async () => {
    const restore = countSeesNoAccounts()
    try {
      const res = await request(app.url).post('/api/contributors').send({ email: 'second@example.org', password: 'velvet-orbit-lantern-93y', name: 'Second Person' })
      expect([res.status, res.body.errors?.[0]?.message]).toEqual([409, expect.stringMatching(/same moment/)])
    } finally {
      restore()
    }
    expect(await admins()).toBe(1)
    const { docs } = await app.payload.find({ collection: 'contributors', where: { email: { equals: 'second@example.org' } }, overrideAccess: true, depth: 0 })
    expect(docs).toEqual([])
  })

  it('never shows the key, and later sign-ups are pending contributors', async () => {
    const res = await request(app.url).post('/api/contributors').send({ email: 'third@example.org', password: 'velvet-orbit-lantern-94z', name: 'Third Person' })
    expect(res.status).toBeLessThan(300)
    const { docs } = await app.payload.find({ collection: 'contributors', where: { email: { equals: 'third@example.org' } }, overrideAccess: true, depth: 0 })
    expect([docs[0]?.role, docs[0]?.status]).toEqual(['contributor', 'pending'])
    expect(JSON.stringify(await app.payload.find({ collection: 'contributors', overrideAccess: true, depth: 0 }))).not.toMatch(/firstAdminKey/)
  })
})
