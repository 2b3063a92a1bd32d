/**
 * Every way a read reaches Payload gets the same checks: the query string, a POST with
 * X-Payload-HTTP-Method-Override: GET (form or JSON body, either header), GraphQL arguments,
 * joins. The page cap holds on each, bad values are refused with 400 on each, and a read sent
 * as a POST to /api/contributors is not counted as a sign-up by the rate limit.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { assignSlugs, insertResources, type BulkResource } from '../src/bulk/resources'
import { MAX_PAGE_SIZE } from '../src/security/queryGuard'
import { createJurisdictions } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

const TOTAL = MAX_PAGE_SIZE + 20
const SIGN_UPS_PER_HOUR = 3
let app: TestApp
let nyId: string | number
let editor: Awaited<ReturnType<typeof signIn>>

beforeAll(async () => {
  app = await startTestApp({ ACCOUNT_RATE_LIMIT: String(SIGN_UPS_PER_HOUR) })
  const J = await createJurisdictions(app)
  nyId = J['US-NY']
  const records: BulkResource[] = Array.from({ length: TOTAL }, (_, i) => ({
    title: { en: `Override resource ${i}` },
    category: 'legislation',
    jurisdictions: [J['US-NY']],
    reviewStatus: 'published',
    publishedAt: '2025-01-01T00:00:00.000Z',
  }))
  await assignSlugs(app.payload, records)
  await insertResources(app.payload, records)
  editor = await signIn(app, await createAccount(app, 'editor'))
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const asPost = (path: string, body: string, type = 'application/x-www-form-urlencoded', header = 'X-Payload-HTTP-Method-Override') =>
  request(app.url).post(path).set(header, 'GET').set('Content-Type', type).send(body)

describe('the page cap holds on every route to a list', () => {
  it.each([
    ['query string: pagination=false', () => request(app.url).get('/api/resources?pagination=false')],
    ['query string: limit=0', () => request(app.url).get('/api/resources?limit=0')],
    ['query string: limit=100000', () => request(app.url).get('/api/resources?limit=100000')],
    ['override, form body: pagination=false', () => asPost('/api/resources', 'pagination=false')],
    ['override, form body: limit=0', () => asPost('/api/resources', 'limit=0&depth=0')],
    ['override, form body: limit=5000', () => asPost('/api/resources', 'limit=5000')],
    ['override, X-HTTP-Method-Override', () => asPost('/api/resources', 'pagination=false', undefined, 'X-HTTP-Method-Override')],
    ['override, query and body together', () => asPost('/api/resources?depth=0', 'pagination=false&limit=0')],
    ['override, trailing slash', () => asPost('/api/resources/', 'pagination=false')],
    ['versions (an editor), override', () => editor.post('/api/resources/versions').set('X-Payload-HTTP-Method-Override', 'GET').type('form').send('pagination=false')],
    ['versions (an editor), limit=0', () => editor.get('/api/resources/versions?limit=0')],
  ])('%s', async (_name, send) => {
    const res = await send()
    expect(res.status).toBe(200)
    expect(res.body.totalDocs).toBeGreaterThanOrEqual(TOTAL)
    expect(res.body.docs.length).toBe(MAX_PAGE_SIZE)
  })

  it('a JSON body carries only what Payload reads from it (the locale): no page size', async () => {
    const res = await asPost('/api/resources', JSON.stringify({ pagination: false, limit: 0, locale: 'es' }), 'application/json')
    expect(res.status).toBe(200)
    expect(res.body.docs.length).toBe(10)
  })

  it.each([
    ['GraphQL pagination: false', '{ Resources(pagination: false) { docs { id } totalDocs } }'],
    ['GraphQL limit: 0', '{ Resources(limit: 0) { docs { id } totalDocs } }'],
    ['GraphQL limit: 100000', '{ Resources(limit: 100000) { docs { id } totalDocs } }'],
    ['GraphQL versions (an editor)', '{ versionsResources(pagination: false) { docs { id } totalDocs } }'],
  ])('%s', async (_name, query) => {
    const res = await (query.includes('versions') ? editor : request(app.url)).post('/api/graphql').send({ query })
    expect(res.status).toBe(200)
    const list = Object.values(res.body.data as Record<string, { docs: unknown[]; totalDocs: number }>)[0]!
    expect(list.docs.length).toBe(MAX_PAGE_SIZE)
  })

  it('a join inside a document is capped too (REST and GraphQL)', async () => {
    for (const send of [
      () => request(app.url).get(`/api/jurisdictions/${nyId}?joins[resources][limit]=0&depth=0`),
      () => asPost(`/api/jurisdictions/${nyId}`, 'joins[resources][limit]=100000&depth=0'),
    ]) {
      const res = await send()
      expect(res.status).toBe(200)
      expect(res.body.resources.docs.length).toBe(MAX_PAGE_SIZE)
    }
    const res = await request(app.url)
      .post('/api/graphql')
      .send({ query: `{ Jurisdiction(id: ${JSON.stringify(nyId)}) { resources { docs { id } } } }` })
    expect(res.status).toBe(200)
    expect(res.body.data.Jurisdiction.resources.docs.length).toBe(MAX_PAGE_SIZE)
  })
})

describe('bad query values are refused whichever way they come', () => {
  it.each([
    ['where=notjson', /where must be a JSON object/],
    ['limit=abc', /limit must be a whole number/],
    ['depth=-1', /depth must be a whole number/],
    ['where[title][equals][$ne]=x', /where\[title\]\[equals\] must be a single value/],
    ['where[title][$regex]=.*', /"\$regex" is not a query operator/],
  ])('%s', async (query, message) => {
    for (const res of [await request(app.url).get(`/api/resources?${query}`), await asPost('/api/resources', query), await asPost('/api/resources?depth=0', query)]) {
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toMatch(message)
    }
  })

  it('custom endpoints check what a form body adds to their query too', async () => {
    for (const res of [await request(app.url).get('/api/search?q=override&limit=1000'), await asPost('/api/search', 'q=override&limit=1000')]) {
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toMatch(/limit/)
    }
    const feed = await asPost('/api/feed.json', 'limit=5000')
    expect(feed.status).toBe(400)
    expect(feed.body.errors[0].message).toMatch(/"limit" must be a whole number from 1 to 100/)
  })

  it('a read with a malformed JSON body is a 400', async () => {
    const res = await asPost('/api/resources', '{"locale":', 'application/json')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/not valid JSON/)
  })
})

describe('the sign-up rate limit counts sign-ups, not reads sent as POST', () => {
  it('the admin panel’s account pickers never run into 429, and sign-ups are still limited', async () => {
    for (let i = 0; i < SIGN_UPS_PER_HOUR * 4; i++) {
      const read = await asPost('/api/contributors', `where[status][equals]=active&limit=10&page=${i + 1}`)
      expect(read.status).not.toBe(429)
      const jsonRead = await asPost('/api/contributors', '{}', 'application/json', 'X-HTTP-Method-Override')
      expect(jsonRead.status).not.toBe(429)
    }
    const signUp = (n: number, override?: string) => {
      const req = request(app.url).post('/api/contributors')
      if (override) req.set('X-Payload-HTTP-Method-Override', override)
      return req.send({ name: `Person ${n}`, email: `person-${n}@example.org`, password: 'a long enough password 1' })
    }
    for (let i = 0; i < SIGN_UPS_PER_HOUR; i++) expect((await signUp(i)).status).toBe(201)
    // Not Payload's override value ("GET" exactly): Payload creates an account, so it counts.
    expect((await signUp(100, 'get')).status).toBe(429)
    expect((await signUp(101)).status).toBe(429)
  })
})
