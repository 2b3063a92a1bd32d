/**
 * GET /api/feed.json (JSON Feed 1.1) and /api/feed.xml (Atom): published resources only, their
 * published version while a revision is under review, filters by jurisdiction (with its
 * counties) and category, 400s naming the bad parameter, and HTTP caching: 304 on a repeated
 * request with the ETag, a fresh 200 once an edit is published through the workflow.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { publishThroughWorkflow } from './helpers/workflow'

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let J: Awaited<ReturnType<typeof createJurisdictions>>
const ids: Record<string, string | number> = {}

beforeAll(async () => {
  app = await startTestApp()
  editor = await signIn(app, await createAccount(app, 'editor'))
  J = await createJurisdictions(app)
  ids.nyLaw = await createPublished(app, { title: 'Protect Our Courts Act', summary: 'New York statute.', jurisdictions: [J['US-NY']], publishedAt: '2025-01-01T00:00:00.000Z' })
  ids.kingsRule = await createPublished(app, { title: 'Kings County court directive', category: 'judicial-rule', jurisdictions: [J['US-NY-KINGS']], publishedAt: '2025-02-01T00:00:00.000Z' })
  ids.caLaw = await createPublished(app, { title: 'California courthouse bill', jurisdictions: [J['US-CA']], publishedAt: '2025-03-01T00:00:00.000Z' })
  await app.payload.update({ collection: 'resources', id: ids.nyLaw, locale: 'es', data: { title: 'Ley de Protección de Nuestros Tribunales' } as never, overrideAccess: true })
  // A draft never published, and a published resource whose revision is under review.
  ids.draft = (await editor.post('/api/resources').send({ title: 'UNPUBLISHED-DRAFT memo', category: 'legislation' })).body.doc.id
  ids.revised = await createPublished(app, { title: 'Published title', jurisdictions: [J['US-NY']], publishedAt: '2025-04-01T00:00:00.000Z' })
  expect((await editor.patch(`/api/resources/${ids.revised}`).send({ title: 'REVISION-UNDER-REVIEW title' })).status).toBe(200)
  expect((await editor.post(`/api/resources/${ids.revised}/workflow`).send({ action: 'submit' })).status).toBe(200)
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const titles = (feed: { items: { title: string }[] }) => feed.items.map((i) => i.title)

describe('GET /api/feed.json', () => {
  it('is a JSON Feed 1.1 of published resources, newest first, showing the published version of a revised one', async () => {
    const res = await request(app.url).get('/api/feed.json')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/feed\+json/)
    const feed = JSON.parse(res.text)
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.feed_url).toBe(`${app.url}/api/feed.json`)
    expect(titles(feed)).toEqual(['Published title', 'California courthouse bill', 'Kings County court directive', 'Protect Our Courts Act'])
    const item = feed.items.find((i: { title: string }) => i.title === 'Protect Our Courts Act')
    expect(item).toMatchObject({ id: `${app.url}/api/resources/${ids.nyLaw}`, url: `${app.url}/api/resources/${ids.nyLaw}`, summary: 'New York statute.', date_published: '2025-01-01T00:00:00.000Z' })
    expect(item.tags).toEqual(['legislation', 'US-NY'])
    expect(res.text).not.toMatch(/UNPUBLISHED-DRAFT|REVISION-UNDER-REVIEW/)
  })

  it('filters by jurisdiction (a state includes its counties) and by category', async () => {
    const ny = JSON.parse((await request(app.url).get('/api/feed.json?jurisdiction=US-NY')).text)
    expect(titles(ny)).toEqual(['Published title', 'Kings County court directive', 'Protect Our Courts Act'])
    expect(ny.title).toMatch(/New York/)
    const kings = JSON.parse((await request(app.url).get('/api/feed.json?jurisdiction=US-NY-KINGS')).text)
    expect(titles(kings)).toEqual(['Kings County court directive'])
    const rules = JSON.parse((await request(app.url).get('/api/feed.json?category=judicial-rule')).text)
    expect(titles(rules)).toEqual(['Kings County court directive'])
    const both = JSON.parse((await request(app.url).get('/api/feed.json?jurisdiction=US-NY&category=legislation&limit=1')).text)
    expect(titles(both)).toEqual(['Published title'])
  })

  it('speaks Spanish with English fallback', async () => {
    const es = JSON.parse((await request(app.url).get('/api/feed.json?locale=es&jurisdiction=US-NY')).text)
    expect(es.language).toBe('es')
    expect(titles(es)).toEqual(['Published title', 'Kings County court directive', 'Ley de Protección de Nuestros Tribunales'])
  })

  it.each([
    ['jurisdiction=US-ZZ', /"jurisdiction": there is no jurisdiction with code "US-ZZ"/],
    ['jurisdiction=%3Cscript%3E', /"jurisdiction" must be a jurisdiction code/],
    ['category=recipes', /"category" must be one of legal-theory/],
    // An unconfigured locale is refused before the feed runs (src/security/queryGuard.ts); `all`, which
    // other routes take, by the feed itself.
    ['locale=fr', /^locale must be one of en, es, all/],
    ['locale=all', /"locale" must be one of en, es/],
    ['limit=0', /"limit" must be a whole number from 1 to 100/],
    ['limit=1000', /"limit" must be a whole number/],
    ['category=legislation&category=policy', /"category" may be given once/],
    ['jurisdiction[x]=1', /"jurisdiction\[x\]": the feed's "jurisdiction" takes one plain value, e.g. jurisdiction=US-NY/],
    ['category[]=legislation', /"category\[\]": the feed's "category" takes one plain value/],
    ['jurisdiction[in]=US-NY,US-CA', /"jurisdiction\[in\]"/],
    ['limit[gt]=5', /limit/], // refused before the feed by the API's own limit check
  ])('answers ?%s with a 400 naming the parameter', async (query, message) => {
    for (const path of ['/api/feed.json', '/api/feed.xml']) {
      const res = await request(app.url).get(`${path}?${query}`)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toMatch(message)
    }
  })
})

describe('GET /api/feed.xml', () => {
  it('is an Atom feed with the same entries and filters', async () => {
    const res = await request(app.url).get('/api/feed.xml?jurisdiction=US-NY-KINGS')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/)
    expect(res.text).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"[^>]*>/)
    const entries = [...res.text.matchAll(/<entry>[\s\S]*?<title type="text">(.*?)<\/title>/g)].map((m) => m[1])
    expect(entries).toEqual(['Kings County court directive'])
    expect(res.text).toContain(`<link href="${app.url}/api/resources/${ids.kingsRule}"/>`)
    const all = await request(app.url).get('/api/feed.xml')
    expect(all.text).toContain('Published title')
    expect(all.text).not.toMatch(/UNPUBLISHED-DRAFT|REVISION-UNDER-REVIEW/)
  })

  it('is listed in /api/openapi.json', async () => {
    const { body } = await request(app.url).get('/api/openapi.json')
    expect(body.paths['/api/feed.xml'].get.security).toEqual([])
    expect(body.paths['/api/feed.json'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['jurisdiction', 'category', 'locale', 'limit'])
  })
})

describe('HTTP caching of public reads', () => {
  it.each(['/api/feed.json?jurisdiction=US-NY', `/api/resources?where[jurisdictions][in]=PLACEHOLDER`])(
    '%s: 304 with the ETag, then a fresh 200 once an edit is published through the workflow',
    async (template) => {
      const path = template.replace('PLACEHOLDER', String(J['US-NY']))
      const first = await request(app.url).get(path)
      expect(first.status).toBe(200)
      expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600')
      const etag = first.headers.etag as string
      expect(etag).toBeTruthy()
      const again = await request(app.url).get(path).set('If-None-Match', etag)
      expect(again.status).toBe(304)

      // An edit saved as a draft changes nothing public: still 304.
      const title = `Protect Our Courts Act (amended ${Date.now()})`
      expect((await editor.patch(`/api/resources/${ids.nyLaw}`).send({ title })).status).toBe(200)
      expect((await request(app.url).get(path).set('If-None-Match', etag)).status).toBe(304)

      await publishThroughWorkflow(editor, ids.nyLaw!)
      const fresh = await request(app.url).get(path).set('If-None-Match', etag)
      expect(fresh.status).toBe(200)
      expect(fresh.headers.etag).not.toBe(etag)
      expect(fresh.text).toContain(title)
    },
  )
})
