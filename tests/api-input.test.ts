import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
let topicCount: number
beforeAll(async () => {
  app = await startTestApp()
  await app.payload.create({ collection: 'topics', data: { name: 'Warrants', slug: 'warrants' } })
  topicCount = (await app.payload.count({ collection: 'topics' })).totalDocs
})
afterAll(async () => {
  await app?.stop()
})

/** Whatever a client types in a query string gets a 4xx naming the problem, never a 500. */
describe('query strings a client can send', () => {
  const cases: [string, number, RegExp][] = [
    ['/api/topics?where={bad', 400, /where must be a JSON object/],
    ['/api/topics?data={x', 400, /data must be a JSON object/],
    ['/api/topics?where[slug][nope]=1', 400, /"nope" is not a query operator/],
    ['/api/topics?where[$where]=1', 400, /where\[\$where\] must name an operator/],
    ['/api/topics?where[name][in]=a&where[name][in][x]=b', 400, /where\[name\]\[in\] must be a value or a list/],
    ['/api/topics?where[name][equals][$gt]=', 400, /where\[name\]\[equals\] must be a single value/],
    ['/api/topics?where[hash][exists]=true', 400, /where\[hash\]: no field "hash" in topics/],
    ['/api/topics?limit=abc', 400, /limit must be a whole number/],
    ['/api/topics?page=-1', 400, /page must be a whole number/],
    ['/api/topics?depth=x', 400, /depth must be a whole number/],
    ['/api/topics/abc', 404, /Not Found/],
    ['/api/topics/1e3', 404, /Not Found/],
  ]
  it.each(cases)('GET %s → %i', async (path, status, message) => {
    const res = await request(app.url).get(path)
    expect(res.status).toBe(status)
    expect(res.body.errors[0].message).toMatch(message)
  })

  it('treats SQL in a value as a value', async () => {
    const res = await request(app.url).get(`/api/topics?where[name][equals]=${encodeURIComponent("' OR 1=1 --")}`)
    expect(res.status).toBe(200)
    expect(res.body.totalDocs).toBe(0)
  })

  it('still answers well-formed queries', async () => {
    const res = await request(app.url).get('/api/topics?where[or][0][slug][equals]=warrants&where[or][1][slug][like]=zzz&depth=99')
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: { slug: string }) => d.slug)).toEqual(['warrants'])
  })

  it('answers writes to an impossible id with 404 and changes nothing', async () => {
    for (const method of ['patch', 'delete'] as const) {
      const res = await request(app.url)[method]('/api/topics/abc').send({ name: 'x' })
      expect(res.status).toBe(404)
    }
    expect((await app.payload.count({ collection: 'topics' })).totalDocs).toBe(topicCount)
  })
})

/** Methods: a web Request cannot carry TRACE (it was a 500 on every API route); HEAD is the GET without a body. */
describe('methods', () => {
  it('answers TRACE with 405 everywhere, and keeps serving', async () => {
    for (const path of ['/api/topics', '/api/graphql', '/api/feed.json', '/', '/healthz']) {
      const res = await request(app.url).trace(path)
      expect({ path, status: res.status }).toEqual({ path, status: 405 })
    }
    expect((await request(app.url).get('/healthz')).status).toBe(200)
  })

  it('answers HEAD as the GET without its body', async () => {
    const { body } = await request(app.url).get('/api/topics?limit=1&depth=0')
    const id = body.docs[0].id
    for (const path of ['/api/topics?limit=1', `/api/topics/${id}`, `/api/topics/${id}?depth=0`]) {
      const head = await request(app.url).head(path)
      expect({ path, status: head.status }).toEqual({ path, status: 200 })
      expect(head.headers['content-type']).toMatch(/application\/json/)
      expect(head.text ?? '').toBe('')
    }
    expect((await request(app.url).head('/api/topics/abc')).status).toBe(404)
    expect((await request(app.url).head('/api/topics?locale=fr')).status).toBe(400)
  })
})

describe("Payload's collections without routes", () => {
  it('answer 404, not 501, to every method', async () => {
    for (const method of ['get', 'post', 'patch', 'delete'] as const) {
      for (const path of ['/api/payload-migrations', '/api/payload-migrations/1', '/api/payload-migrations/versions']) {
        const res = await request(app.url)[method](path)
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 })
      }
    }
  })
})

/** SQLite refuses a LIKE pattern over 50,000 bytes and more than 32,766 bound values: both were 500s. */
describe('the size of what a query compares with', () => {
  const asPost = (form: string) => request(app.url).post('/api/topics').set('X-Payload-HTTP-Method-Override', 'GET').type('form').send(form)
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`).join(',')

  it.each([
    ['a like pattern of 60,000 characters', `where[name][like]=${'a'.repeat(60_000)}`, /where\[name\]\[like\] must be at most 1000 characters/],
    ['a contains of 1,001', `where[name][contains]=${'a'.repeat(1001)}`, /must be at most 1000 characters/],
    ['an in list of 40,000 values', `where[slug][in]=${ids(40_000)}`, /where\[slug\]\[in\] must be at most 1000 values/],
    ['a not_in list of 1,001', `where[slug][not_in]=${ids(1001)}`, /must be at most 1000 values/],
    ['6 lists of 900 (5,400 values in all)', Array.from({ length: 6 }, (_, k) => `where[or][${k}][slug][in]=${ids(900)}`).join('&'), /more than 5000 values in all/],
  ])('%s: 400 naming it', async (_name, form, message) => {
    const res = await asPost(form)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(message)
  })

  // SQLite's expression depth (1,000), tables in one join (64) and ORDER BY terms: 500s past them.
  const resourcesAsPost = (form: string) => request(app.url).post('/api/resources').set('X-Payload-HTTP-Method-Override', 'GET').type('form').send(form)
  it.each([
    ['3,000 and-clauses', Array.from({ length: 3000 }, (_, i) => `where[and][${i}][title][exists]=true`).join('&'), /more than 100 conditions/],
    ['101 conditions', Array.from({ length: 101 }, (_, i) => `where[or][${i}][slug][equals]=s${i}`).join('&'), /more than 100 conditions/],
    ['900 conditions through a relationship', Array.from({ length: 900 }, (_, i) => `where[or][${i}][jurisdictions.parent.code][equals]=US-NY`).join('&'), /more than 10 conditions go through a relationship/],
    ['a sort of 4,000 fields', `sort=${Array.from({ length: 1000 }, () => 'title,-updatedAt,slug,-createdAt').join(',')}`, /sort: at most 10 fields/],
    ['a sort of 11 fields, repeated', Array.from({ length: 11 }, () => 'sort=title').join('&'), /sort: at most 10 fields/],
  ])('%s: 400 naming it', async (_name, form, message) => {
    const res = await resourcesAsPost(form)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(message)
  })

  it('answers what fits', async () => {
    for (const form of [`where[name][like]=${'a'.repeat(1000)}`, `where[slug][in]=${ids(1000)}`, `where[name][equals]=${'a'.repeat(60_000)}`]) {
      expect((await asPost(form)).status).toBe(200)
    }
    for (const form of [
      Array.from({ length: 100 }, (_, i) => `where[and][${i}][title][exists]=true`).join('&'),
      Array.from({ length: 10 }, (_, i) => `where[or][${i}][jurisdictions.parent.code][equals]=US-NY`).join('&'),
      'sort=title,-updatedAt,slug',
    ]) {
      expect((await resourcesAsPost(form)).status).toBe(200)
    }
  })
})
