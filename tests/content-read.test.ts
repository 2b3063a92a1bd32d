import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { seed } from '../seed/seed'
import { resources as seedResources } from '../seed/data/resources'
import { tuneSqlite } from '../src/db/database'
import { NY_SEED_RESOURCES } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { publishThroughWorkflow } from './helpers/workflow'

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>

beforeAll(async () => {
  app = await startTestApp()
  await seed(app.payload)
  editor = await signIn(app, await createAccount(app, 'editor'))
})
afterAll(async () => {
  await app?.stop()
})

const get = (path: string) => request(app.url).get(path)
const slugs = (docs: { slug: string }[]) => docs.map((d) => d.slug).sort()

describe('localized reads', () => {
  it('answers ?locale=es with the Spanish text, and falls back to English where there is none', async () => {
    const translated = await get('/api/resources?where[slug][equals]=ny-protect-our-courts-act&locale=es')
    expect(translated.body.docs[0].title).toBe('Ley Protect Our Courts (Nueva York)')
    const untranslated = await get('/api/resources?where[slug][equals]=nj-judiciary-directive-07-19&locale=es')
    expect(untranslated.body.docs[0].title).toBe('New Jersey Judiciary Directive #07-19: ICE in court facilities')
    const english = await get('/api/resources?where[slug][equals]=ny-protect-our-courts-act')
    expect(english.body.docs[0].title).toBe('Protect Our Courts Act (New York)')
  })

  it('localizes topics and protection summaries the same way', async () => {
    const topic = await get('/api/topics?where[slug][equals]=courthouse-arrests&locale=es')
    expect(topic.body.docs[0].name).toBe('Arrestos en tribunales')
    const nj = await get('/api/jurisdictions?where[code][equals]=US-NJ&locale=es&depth=0')
    expect(nj.body.docs[0].protectionSummary).toMatch(/^Judiciary Directive #07-19/)
  })

  it('plans a localized list without scanning a _locales table (SQLite)', async () => {
    if (app.payload.db.name !== 'sqlite') return
    await tuneSqlite(app.payload) // statistics for the seeded rows, as at every start
    const plans = await plansOf(['/api/resources?limit=10&depth=0&locale=es&sort=-issuedAt', '/api/jurisdictions?limit=100&depth=0&locale=es'])
    const localized = plans.filter(({ sql }) => /_locales/.test(sql))
    expect(localized.length).toBeGreaterThan(0)
    for (const { rows } of localized) {
      expect(rows.map((row) => row.detail).filter((detail) => /^SCAN \S*_locales\b/.test(detail))).toEqual([])
    }
  })

  // Each of these was a per-row scan once (docs/BENCHMARKS.md): a filtered page computed every
  // match's subqueries before sorting (12-20 s at 10,000 rows); the supersededBy join and the
  // arrays walked whole tables for each document. src/db/sqliteIndexes.ts and the resources indexes.
  it('plans every documented public read as index lookups, and a filtered page in sort order (SQLite)', async () => {
    if (app.payload.db.name !== 'sqlite') return
    await tuneSqlite(app.payload)
    const plans = await plansOf([
      '/api/resources?limit=10&depth=0',
      '/api/resources?limit=10&depth=0&where[category][equals]=policy',
      '/api/resources?limit=10&depth=0&where[section][equals]=media',
      '/api/resources?limit=10&depth=0&where[legislativeStatus][equals]=enacted',
      '/api/resources?limit=10&depth=0&sort=-issuedAt',
      '/api/resources?limit=10&depth=0&where[jurisdictions.code][equals]=US-NY&where[category][equals]=legislation',
      '/api/resources?limit=10&depth=1&where[slug][equals]=ny-protect-our-courts-act',
    ])
    const problems: string[] = []
    for (const { sql, rows } of plans) {
      // A co-routine (a subquery's rows) is read by SCAN <its name>: that is not a table scan.
      const coroutines = new Set(rows.flatMap((r) => /^CO-ROUTINE (\S+)/.exec(r.detail)?.[1] ?? []))
      for (const { detail, parent } of rows) {
        const scanned = /^SCAN (\S+)/.exec(detail)?.[1]
        if (scanned && !coroutines.has(scanned) && !/^(jurisdictions|topics|organizations|documents)\b/.test(scanned)) problems.push(`${detail} in: ${sql.slice(0, 160)}`)
        if (parent === 0 && /USE TEMP B-TREE FOR ORDER BY/.test(detail) && /from "resources" "resources" where/.test(sql)) problems.push(`${detail} in: ${sql.slice(0, 160)}`)
      }
    }
    expect(problems).toEqual([])
  })
})

type Query = string | { sql: string; args?: unknown[] }
type PlanRow = { detail: string; parent: number }

/** The EXPLAIN QUERY PLAN of every SQL statement the given anonymous reads ran. */
async function plansOf(paths: string[]): Promise<{ sql: string; rows: PlanRow[] }[]> {
  const client = (app.payload.db as unknown as { client: { execute: (q: Query) => Promise<{ rows: PlanRow[] }> } }).client
  const execute = client.execute.bind(client)
  const seen: Query[] = []
  client.execute = (q: Query) => {
    seen.push(q)
    return execute(q)
  }
  try {
    for (const path of paths) expect((await get(path)).status).toBe(200)
  } finally {
    client.execute = execute
  }
  const plans = []
  for (const q of seen) {
    const { sql, args = [] } = typeof q === 'string' ? { sql: q } : q
    if (!/^select/i.test(sql)) continue
    plans.push({ sql, rows: (await execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args })).rows })
  }
  return plans
}

describe('relationship queries', () => {
  it('filters resources by jurisdiction code', async () => {
    const res = await get('/api/resources?where[jurisdictions.code][equals]=US-NY&limit=100&depth=0')
    expect(res.status).toBe(200)
    expect(slugs(res.body.docs)).toEqual([...NY_SEED_RESOURCES].sort())
  })

  it('populates a jurisdiction inside a resource with its own fields, without its resources join', async () => {
    const res = await get('/api/resources?where[slug][equals]=ny-protect-our-courts-act&depth=1')
    const ny = res.body.docs[0].jurisdictions.find((j: { code: string }) => j.code === 'US-NY')
    expect(ny).toMatchObject({ code: 'US-NY', name: expect.any(String), protectionStatus: expect.any(String) })
    expect(ny).not.toHaveProperty('resources')
  })

  it('combines a jurisdiction with a category, and a topic slug', async () => {
    const res = await get('/api/resources?where[and][0][jurisdictions.code][equals]=US-NY&where[and][1][category][equals]=legislation&depth=0')
    expect(slugs(res.body.docs)).toEqual(['ny-protect-our-courts-act'])
    const byTopic = await get('/api/resources?where[topics.slug][equals]=court-rules&depth=0&limit=50')
    expect(slugs(byTopic.body.docs)).toEqual(
      seedResources.filter((r) => r.status !== 'draft' && r.topics?.includes('court-rules')).map((r) => r.slug).sort(),
    )
  })

  it("lists a jurisdiction's published resources through its join field, drafts only for editors", async () => {
    const draftSlug = 'demo-draft-model-bill'
    const anonymous = await get('/api/jurisdictions?where[code][equals]=US-NY&depth=1')
    const publicSlugs = anonymous.body.docs[0].resources.docs.map((d: { slug: string }) => d.slug)
    expect(publicSlugs).toContain('ny-protect-our-courts-act')
    expect(publicSlugs).not.toContain(draftSlug)
    const asEditor = await editor.get('/api/jurisdictions?where[code][equals]=US-NY&depth=1')
    expect(asEditor.body.docs[0].resources.docs.map((d: { slug: string }) => d.slug)).toContain(draftSlug)
  })

  it('keeps drafts out of the public list', async () => {
    const res = await get('/api/resources?where[slug][equals]=demo-draft-model-bill')
    expect(res.body.totalDocs).toBe(0)
  })
})

describe('superseded resources', () => {
  const read = async (slug: string) => (await get(`/api/resources?where[slug][equals]=${slug}&depth=0`)).body.docs[0]

  it('reports each link of the ICE policy chain as superseded by its published successor', async () => {
    expect((await read('ice-directive-11072-1-courthouse-enforcement')).superseded).toBe(true)
    expect((await read('ice-cbp-memo-2021-courthouse-enforcement')).superseded).toBe(true)
    expect((await read('ice-interim-guidance-2025-courthouse-enforcement')).superseded).toBe(true)
    const latest = await read('ice-memo-2025-05-27-courthouse-enforcement')
    expect(latest.superseded).toBe(false)
    const directive = await read('ice-directive-11072-1-courthouse-enforcement')
    const memo = await read('ice-cbp-memo-2021-courthouse-enforcement')
    expect(directive.supersededBy.docs).toEqual([memo.id])
  })

  it('does not count a draft successor, and counts it once published', async () => {
    const nj = await get('/api/resources?where[slug][equals]=nj-judiciary-directive-07-19&depth=0')
    const id = nj.body.docs[0].id
    const draft = await editor
      .post('/api/resources?draft=true')
      .send({ title: 'Draft successor', category: 'judicial-rule', supersedes: [id], _status: 'draft' })
    expect(draft.status).toBe(201)
    expect((await read('nj-judiciary-directive-07-19')).superseded).toBe(false)
    expect((await read('nj-judiciary-directive-07-19')).supersededBy.docs).toEqual([]) // the draft stays hidden

    await publishThroughWorkflow(editor, draft.body.doc.id)
    expect((await read('nj-judiciary-directive-07-19')).superseded).toBe(true)
  })

  it('answers the same through GraphQL', async () => {
    const res = await request(app.url)
      .post('/api/graphql')
      .send({ query: '{ Resources(where: { slug: { equals: "ice-directive-11072-1-courthouse-enforcement" } }) { docs { slug superseded } } }' })
    expect(res.status).toBe(200)
    expect(res.body.data.Resources.docs).toEqual([{ slug: 'ice-directive-11072-1-courthouse-enforcement', superseded: true }])
  })
})
