/**
 * A date the database cannot store is a 400 naming the field, on every collection, in drafts too,
 * and in the date fields Payload adds itself (createdAt, updatedAt, an account's sessions), which it
 * never validates: `createdAt: "notadate"` was a 500, for an anonymous sign-up too, and so was
 * `issuedAt: ""` on a resource (a draft write, which Payload does not validate).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar } from './helpers/webinars'

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
const ids: Record<string, string | number> = {}

beforeAll(async () => {
  app = await startTestApp({ ACCOUNT_RATE_LIMIT: '0' })
  editor = await signIn(app, await createAccount(app, 'editor'))
  const home = await homeJurisdiction(app)
  ids.jurisdictions = home
  ids.topics = (await app.payload.create({ collection: 'topics', data: { name: 'Dates', slug: 'dates-test' } })).id
  ids.organizations = (await editor.post('/api/organizations').send({ name: 'Date Org', type: 'coalition', jurisdictions: [home] }).expect(201)).body.doc.id
  ids.resources = (await editor.post('/api/resources').send({ jurisdictions: [home], title: 'Dated draft', category: 'statement' }).expect(201)).body.doc.id
  ids.webinars = (await createWebinar(app)).id
})
afterAll(async () => {
  await app?.stop()
})

const stored = (collection: string) => app.payload.findByID({ collection: collection as 'topics', id: ids[collection]!, depth: 0, draft: true, overrideAccess: true })
const BAD = ['notadate', 1e20, '', true, { year: 2020 }, ['2020-01-01']]

describe('a date the database cannot store', () => {
  it.each(['topics', 'jurisdictions', 'organizations', 'resources', 'webinars'])('PATCH /api/%s/:id with a bad createdAt or updatedAt is a 400 naming it, and changes nothing', async (collection) => {
    const before = await stored(collection)
    for (const field of ['createdAt', 'updatedAt']) {
      for (const value of BAD) {
        const res = await editor.patch(`/api/${collection}/${ids[collection]}`).send({ [field]: value })
        expect({ field, value, status: res.status }).toEqual({ field, value, status: 400 })
        expect(JSON.stringify(res.body.errors)).toContain(`"path":"${field}"`)
      }
    }
    expect(await stored(collection)).toEqual(before)
    // A real date is taken (createdAt is the caller's to set; updatedAt is Payload's).
    expect((await editor.patch(`/api/${collection}/${ids[collection]}`).send({ createdAt: '2020-01-31T00:00:00.000Z' })).status).toBe(200)
  })

  it('a draft of a resource: its own date fields too', async () => {
    for (const value of ['', 'notadate', 1e20]) {
      const res = await editor.patch(`/api/resources/${ids.resources}`).send({ issuedAt: value })
      expect({ value, status: res.status }).toEqual({ value, status: 400 })
      expect(JSON.stringify(res.body.errors)).toContain('"path":"issuedAt"')
    }
    expect((await editor.patch(`/api/resources/${ids.resources}`).send({ issuedAt: null })).status).toBe(200)
  })

  it('creates nothing when a new document has one', async () => {
    const before = (await app.payload.count({ collection: 'topics' })).totalDocs
    const res = await editor.post('/api/topics').send({ name: 'Bad date', slug: 'bad-date', createdAt: 'notadate' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('createdAt')
    expect((await app.payload.count({ collection: 'topics' })).totalDocs).toBe(before)
  })

  it('an anonymous sign-up: 400 naming the field, no account made', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ createdAt: 'notadate' }, 'createdAt'],
      [{ updatedAt: 1e20 }, 'updatedAt'],
      [{ sessions: [{ id: 'x', createdAt: 'notadate', expiresAt: '2030-01-01' }] }, 'sessions.0.createdAt'],
      [{ sessions: [{ id: 'x', expiresAt: 'never' }] }, 'sessions.0.expiresAt'],
    ]
    for (const [n, [extra, path]] of cases.entries()) {
      const email = `dated-${n}@example.org`
      const res = await request(app.url).post('/api/contributors').send({ name: 'Dated Person', email, password: 'a long enough password 1', ...extra })
      expect({ path, status: res.status }).toEqual({ path, status: 400 })
      expect(JSON.stringify(res.body.errors)).toContain(`"path":"${path}"`)
      expect((await app.payload.count({ collection: 'contributors', where: { email: { equals: email } }, overrideAccess: true })).totalDocs).toBe(0)
    }
  })

  it('GraphQL: an error naming the field, nothing stored, no server error', async () => {
    const before = await stored('topics')
    const res = await editor.post('/api/graphql').send({ query: `mutation { updateTopic(id: ${JSON.stringify(ids.topics)}, data: { createdAt: "notadate" }) { id } }` })
    expect(JSON.stringify(res.body.errors)).toMatch(/createdAt/)
    expect(JSON.stringify(res.body.errors)).not.toMatch(/Something went wrong/)
    expect(await stored('topics')).toEqual(before)
  })
})
