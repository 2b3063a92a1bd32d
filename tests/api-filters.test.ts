import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { seed } from '../seed/seed'
import { tuneSqlite } from '../src/db/database'
import { startTestApp, type TestApp } from './helpers/testApp'
import { NY_SEED_RESOURCES } from './helpers/publicApi'
import { resources as seedResources, type SeedResource } from '../seed/data/resources'

/** The filters docs/API.md "Filtering" documents, with their expected results on the seed data. */
let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
  await seed(app.payload)
  // A county under New York, with one published resource: the "children of a state" filter.
  const ny = (await app.payload.find({ collection: 'jurisdictions', where: { code: { equals: 'US-NY' } }, depth: 0 })).docs[0]!
  const kings = await app.payload.create({ collection: 'jurisdictions', data: { code: 'US-NY-KINGS', name: 'Kings County', type: 'county', parent: ny.id } as never, overrideAccess: true })
  await app.payload.create({
    collection: 'resources',
    data: { slug: 'kings-county-da-statement', title: 'Kings County District Attorney statement', category: 'statement', jurisdictions: [kings.id], _status: 'published' } as never,
    overrideAccess: true,
  })
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const get = (path: string) => request(app.url).get(path)
const slugs = (res: { body: { docs: { slug: string }[] } }) => res.body.docs.map((d) => d.slug).sort()

const NY_RESOURCES = [...NY_SEED_RESOURCES].sort()

/** The published seed resources that match, read from the seed data itself (sorted). */
const seeded = (matches: (r: SeedResource) => boolean) => seedResources.filter((r) => r.status !== 'draft' && matches(r)).map((r) => r.slug).sort()

/** The documented filter queries and what each returns on the seed data. */
const FILTERS: [string, string[]][] = [
  ['where[jurisdictions.code][equals]=US-NY', NY_RESOURCES],
  ['where[or][0][jurisdictions.code][equals]=US-NY&where[or][1][jurisdictions.parent.code][equals]=US-NY', [...NY_RESOURCES, 'kings-county-da-statement']],
  ['where[category][equals]=legislation', seeded((r) => r.category === 'legislation')],
  ['where[section][equals]=court-system-statements-and-policies', seeded((r) => r.section === 'court-system-statements-and-policies')],
  ['where[topics.slug][equals]=warrant-requirements', seeded((r) => Boolean(r.topics?.includes('warrant-requirements')))],
  ['where[organizations.slug][equals]=cbp', ['ice-cbp-memo-2021-courthouse-enforcement']],
  ['where[legislativeStatus][equals]=enacted', seeded((r) => r.legislativeStatus === 'enacted')],
  ['where[legislativeStatus][in]=vetoed,failed', ['ca-sb-349-courthouse-civil-arrest-privilege']],
  ['where[issuedAt][greater_than_equal]=2019-01-01&where[issuedAt][less_than]=2022-01-01', seeded((r) => Boolean(r.issuedAt && r.issuedAt >= '2019-01-01' && r.issuedAt < '2022-01-01'))],
  ['where[and][0][jurisdictions.code][equals]=US-NY&where[and][1][category][equals]=legislation', ['ny-protect-our-courts-act']],
]

describe('documented filters on /api/resources', () => {
  it.each(FILTERS)('%s', async (query, expected) => {
    const res = await get(`/api/resources?${query}&depth=0&limit=100`)
    expect(res.status).toBe(200)
    expect(slugs(res)).toEqual([...expected].sort())
  })

  it('answers the same through GraphQL (fields of the resource; a jurisdiction through its join field)', async () => {
    const graphql = async (query: string) => {
      const res = await request(app.url).post('/api/graphql').send({ query })
      expect([res.status, res.body.errors]).toEqual([200, undefined])
      return res.body.data
    }
    const enacted = await graphql('{ Resources(where: { category: { equals: legislation }, legislativeStatus: { equals: enacted } }, sort: "-issuedAt", limit: 10) { docs { slug } totalDocs } }')
    expect(enacted.Resources.docs.map((d: { slug: string }) => d.slug).sort()).toEqual(FILTERS[6]![1])
    const ny = await graphql('{ Jurisdictions(where: { code: { equals: "US-NY" } }) { docs { code resources(limit: 50) { docs { slug } } } } }')
    expect(ny.Jurisdictions.docs[0].resources.docs.map((d: { slug: string }) => d.slug).sort()).toEqual(NY_RESOURCES)
  })

  it('syncs incrementally: updatedAt greater_than the last sync returns only what changed since', async () => {
    const first = await get('/api/resources?sort=-updatedAt&limit=1&depth=0')
    const since = first.body.docs[0].updatedAt as string
    expect((await get(`/api/resources?where[updatedAt][greater_than]=${encodeURIComponent(since)}&depth=0`)).body.totalDocs).toBe(0)
    const { docs } = await app.payload.find({ collection: 'resources', where: { slug: { equals: 'lunn-v-commonwealth-477-mass-517' } }, depth: 0 })
    await new Promise((r) => setTimeout(r, 5))
    await app.payload.update({ collection: 'resources', id: docs[0]!.id, data: { summary: 'Updated summary for the sync test.', _status: 'published' } as never, overrideAccess: true })
    const changed = await get(`/api/resources?where[updatedAt][greater_than]=${encodeURIComponent(since)}&sort=updatedAt&depth=0`)
    expect(slugs(changed)).toEqual(['lunn-v-commonwealth-477-mass-517'])
  })
})

describe('paging, sorting, shaping', () => {
  it('sorts by issue date, newest first, and pages with limit and page', async () => {
    const all = await get('/api/resources?where[issuedAt][exists]=true&sort=-issuedAt&depth=0&limit=100')
    const dates = all.body.docs.map((d: { issuedAt: string }) => d.issuedAt)
    expect(dates).toEqual([...dates].sort().reverse())
    expect(all.body.docs[0].slug).toBe('united-states-v-new-york-protect-our-courts-act')
    const page2 = await get('/api/resources?where[issuedAt][exists]=true&sort=-issuedAt&depth=0&limit=2&page=2')
    expect(page2.body).toMatchObject({ page: 2, limit: 2, totalDocs: all.body.totalDocs, hasPrevPage: true })
    expect(page2.body.docs.map((d: { slug: string }) => d.slug)).toEqual(all.body.docs.slice(2, 4).map((d: { slug: string }) => d.slug))
  })

  it('caps limit at 100', async () => {
    expect((await get('/api/jurisdictions?limit=1000&depth=0')).body.limit).toBe(100)
  })

  it('returns only the selected fields with select, and populates with depth', async () => {
    const res = await get('/api/resources?where[slug][equals]=ny-protect-our-courts-act&select[title]=true&select[jurisdictions]=true&depth=1')
    const doc = res.body.docs[0]
    expect(Object.keys(doc).sort()).toEqual(['id', 'jurisdictions', 'title'])
    expect(doc.jurisdictions[0].code).toBe('US-NY')
    const flat = await get('/api/resources?where[slug][equals]=ny-protect-our-courts-act&select[jurisdictions]=true&depth=0')
    expect(typeof flat.body.docs[0].jurisdictions[0]).not.toBe('object')
  })

  it('filters and answers in Spanish with English fallback', async () => {
    const res = await get('/api/resources?where[category][equals]=policy&where[organizations.slug][equals]=ice&sort=issuedAt&locale=es&depth=0&select[title]=true&select[slug]=true')
    const titles = Object.fromEntries(res.body.docs.map((d: { slug: string; title: string }) => [d.slug, d.title]))
    expect(titles['ice-directive-11072-1-courthouse-enforcement']).toMatch(/^Directiva 11072\.1/)
    expect(titles['ice-memo-2025-05-27-courthouse-enforcement']).toBe('ICE memorandum revising courthouse enforcement guidance (27 May 2025)')
  })
})

describe('indexes (SQLite query plans)', () => {
  it('answers every documented filter and sort without scanning the resources table', async () => {
    if (app.payload.db.name !== 'sqlite') return
    await tuneSqlite(app.payload)
    type Query = string | { sql: string; args?: unknown[] }
    const client = (app.payload.db as unknown as { client: { execute: (q: Query) => Promise<{ rows: { detail: string }[] }> } }).client
    const execute = client.execute.bind(client)
    const seen: Query[] = []
    client.execute = (q: Query) => {
      seen.push(q)
      return execute(q)
    }
    const urls = [
      ...FILTERS.map(([query]) => `/api/resources?${query}&depth=0`),
      '/api/resources?where[updatedAt][greater_than]=2020-01-01T00:00:00Z&sort=updatedAt&depth=0',
      '/api/resources?sort=-issuedAt&depth=0',
      '/api/resources?sort=-publishedAt&depth=0',
      '/api/resources?depth=0', // default sort: -updatedAt
    ]
    try {
      for (const url of urls) expect([url, (await get(url)).status]).toEqual([url, 200])
    } finally {
      client.execute = execute
    }
    const reads = seen.map((q) => (typeof q === 'string' ? { sql: q, args: [] } : { sql: q.sql, args: q.args ?? [] })).filter((q) => /^\s*select/i.test(q.sql) && /"resources"/.test(q.sql))
    expect(reads.length).toBeGreaterThan(urls.length)
    for (const { sql, args } of reads) {
      const plan = await execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args })
      const scans = plan.rows.map((row) => row.detail).filter((detail) => /^SCAN (resources|\S*_locales)\b/.test(detail))
      expect([sql.slice(0, 120), scans]).toEqual([sql.slice(0, 120), []])
    }
  })
})
