/**
 * A value the database cannot store in its field is a 400 naming the field, on every collection,
 * drafts included (src/security/storableValues.ts). Before: `createdAt: "notadate"` (a date field
 * Payload adds and never validates) and `issuedAt: ""` were 500s, for an anonymous sign-up too; a
 * select given a list or an object and rich text that is not a Lexical document were 500s; a
 * number given "abc" or 1e400 was stored as the text NaN or Infinity.
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

describe('a value of another shape than its field', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['resources', { category: ['statement'] }, 'category'],
    ['resources', { category: { a: 1 } }, 'category'],
    ['resources', { summary: { root: 1 } }, 'summary'],
    ['resources', { body: 'plain text' }, 'body'],
    ['resources', { body: { root: { children: 'x' } } }, 'body'],
    ['resources', { body: { root: { children: [1] } } }, 'body'],
    ['resources', { title: { text: 'x' } }, 'title'],
    ['organizations', { name: ['x'] }, 'name'],
    ['webinars', { language: ['en'] }, 'language'],
    ['webinars', { capacity: 'abc' }, 'capacity'],
    ['webinars', { capacity: [1] }, 'capacity'],
  ]
  it.each(cases)('PATCH /api/%s/:id with %j is a 400 naming the field, and changes nothing', async (collection, data, path) => {
    const before = await stored(collection)
    const res = await editor.patch(`/api/${collection}/${ids[collection]}`).send(data)
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toContain(`"path":"${path}"`)
    expect(await stored(collection)).toEqual(before)
  })

  it('a number too large for one (1e400, read as Infinity) is refused, not stored as text', async () => {
    const res = await editor.patch(`/api/webinars/${ids.webinars}`).set('content-type', 'application/json').send('{"capacity":1e400}')
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toContain('"path":"capacity"')
  })

  it('takes the values the fields are for', async () => {
    await editor.patch(`/api/webinars/${ids.webinars}`).send({ capacity: 25, language: 'es' }).expect(200)
    const body = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: 'A summary.', format: 0, style: '', mode: 'normal', detail: 0 }] }] } }
    await editor.patch(`/api/resources/${ids.resources}`).send({ category: 'policy', summary: 'A summary.', body }).expect(200)
    const doc = (await stored('resources')) as unknown as { category: string }
    expect(doc.category).toBe('policy')
  })
})

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
      [{ preferredLanguage: ['en'] }, 'preferredLanguage'],
      [{ preferredLanguage: { en: true } }, 'preferredLanguage'],
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

describe("an account's sessions", () => {
  it('are never written by a sign-up: only Payload\'s login adds them', async () => {
    const email = 'sessions-injected@example.org'
    const sessions = [{ id: 'chosen-by-the-client', createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z' }]
    const res = await request(app.url).post('/api/contributors').send({ name: 'Session Person', email, password: 'a long enough password 1', sessions })
    expect(res.status).toBe(201)
    const { docs } = await app.payload.find({ collection: 'contributors', where: { email: { equals: email } }, overrideAccess: true, showHiddenFields: true, depth: 0 })
    expect(docs).toHaveLength(1)
    expect(((docs[0] as { sessions?: unknown[] }).sessions ?? []).length).toBe(0)
  })
})
