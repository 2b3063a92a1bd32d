import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { seed } from '../seed/seed'
import { paragraphs } from '../seed/lexical'
import { ImportError, importResources } from '../src/bulk/importFile'
import { assignSlugs, insertResources, type BulkResource } from '../src/bulk/resources'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let editorEmail: string
let ids: { jurisdictions: (string | number)[]; topics: (string | number)[] }

beforeAll(async () => {
  app = await startTestApp()
  await seed(app.payload)
  const editorAccount = await createAccount(app, 'editor')
  editorEmail = editorAccount.email
  editor = await signIn(app, editorAccount)
  const find = (collection: 'jurisdictions' | 'topics') =>
    app.payload.find({ collection, limit: 2, depth: 0, sort: 'id', overrideAccess: true }).then((r) => r.docs.map((d) => d.id))
  ids = { jurisdictions: await find('jurisdictions'), topics: await find('topics') }
})
afterAll(async () => {
  await app?.stop()
})

const PUBLISHED_AT = '2025-03-04T05:06:07.000Z'

function record(slug: string): BulkResource {
  return {
    slug,
    title: { en: 'Bulk test statute', es: 'Ley de prueba' },
    summary: { en: 'What it does.', es: 'Lo que hace.' },
    body: { en: paragraphs(['First paragraph.', 'Second.']), es: paragraphs(['Primer párrafo.']) },
    category: 'legislation',
    section: 'researching-legal-solutions',
    jurisdictions: ids.jurisdictions,
    topics: ids.topics,
    issuedBy: { en: 'The Legislature', es: 'La Legislatura' },
    issuerType: 'legislature',
    issuedAt: '2024-01-02T00:00:00.000Z',
    billNumber: 'A 123',
    legislativeStatus: 'enacted',
    links: [{ label: { en: 'Official text', es: 'Texto oficial' }, url: 'https://example.org/a123' }],
    language: ['en', 'es'],
    reviewStatus: 'published',
    publishedAt: PUBLISHED_AT,
  }
}

/** The same resource through the Local API: English on create, Spanish as an update (as the seed does). */
async function createThroughLocalApi(slug: string) {
  const r = record(slug)
  const en = {
    slug,
    title: r.title.en,
    summary: r.summary!.en,
    body: r.body!.en,
    category: r.category,
    section: r.section,
    jurisdictions: r.jurisdictions,
    topics: r.topics,
    issuedBy: r.issuedBy!.en,
    issuerType: r.issuerType,
    issuedAt: r.issuedAt,
    billNumber: r.billNumber,
    legislativeStatus: r.legislativeStatus,
    links: [{ label: 'Official text', url: 'https://example.org/a123' }],
    language: r.language,
    _status: 'published',
    // Set explicitly: the field's default ('draft') wins over resetReviewOnEdit's `??=` on create.
    reviewStatus: 'published',
    publishedAt: PUBLISHED_AT,
  }
  const doc = await app.payload.create({ collection: 'resources', data: en as never, locale: 'en', overrideAccess: true })
  const es = {
    title: r.title.es,
    summary: r.summary!.es,
    body: r.body!.es,
    issuedBy: r.issuedBy!.es,
    links: [{ id: (doc.links as { id: string }[])[0]!.id, label: 'Texto oficial', url: 'https://example.org/a123' }],
    _status: 'published',
  }
  await app.payload.update({ collection: 'resources', id: doc.id, data: es as never, locale: 'es', overrideAccess: true })
  return doc.id
}

/** What differs by nature between two documents: identity, timestamps, array row ids. */
function comparable(doc: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, slug: _slug, createdAt: _c, updatedAt: _u, ...rest } = doc
  return JSON.parse(JSON.stringify(rest, (key, value) => (key === 'id' ? undefined : value)))
}

describe.each([
  ['SQLite fast path (or the adapter on MongoDB)', false],
  ['through the database adapter', true],
])('bulk resource import, %s', (_name, viaAdapter) => {
  let bulkId: string | number
  let localId: string | number
  const suffix = viaAdapter ? '-adapter' : ''

  beforeAll(async () => {
    localId = await createThroughLocalApi(`through-local-api${suffix}`)
    const records = [record(`through-bulk-path${suffix}`)]
    await assignSlugs(app.payload, records)
    bulkId = (await insertResources(app.payload, records, { viaAdapter }))[0]!
  })

  it('stores a resource that reads back through REST exactly like one created through the Local API', async () => {
    for (const query of ['locale=all&depth=0', 'locale=es&depth=1', 'depth=2']) {
      const bulk = await request(app.url).get(`/api/resources/${bulkId}?${query}`)
      const local = await request(app.url).get(`/api/resources/${localId}?${query}`)
      expect(bulk.status).toBe(200)
      expect(comparable(bulk.body)).toEqual(comparable(local.body))
      // And for an editor, who also sees the review fields.
      const bulkEditor = await editor.get(`/api/resources/${bulkId}?${query}`)
      const localEditor = await editor.get(`/api/resources/${localId}?${query}`)
      expect(bulkEditor.body.reviewStatus).toBe('published')
      expect(comparable(bulkEditor.body)).toEqual(comparable(localEditor.body))
    }
  })

  it('writes a latest version equal to the document, as Payload does', async () => {
    const latest = async (id: string | number) => {
      const res = await editor.get(`/api/resources/versions?where[parent][equals]=${id}&sort=-updatedAt&limit=1&locale=all&depth=0`)
      expect(res.status).toBe(200)
      return res.body.docs[0]
    }
    const bulk = await latest(bulkId)
    const local = await latest(localId)
    expect(bulk.latest).toBe(true)
    expect(comparable(bulk.version)).toEqual(comparable(local.version))
  })

  it('writes the same search entries as the Local API, so search finds it', async () => {
    const entries = async (id: string | number) => {
      const { docs } = await app.payload.find({ collection: 'search-entries', where: { resource: { equals: String(id) } }, sort: 'locale', overrideAccess: true, depth: 0 })
      return docs.map(({ id: _id, resource: _r, slug: _s, publishedAt: _p, ...rest }) => rest)
    }
    const bulk = await entries(bulkId)
    expect(bulk.map((e) => e.locale)).toEqual(['en', 'es'])
    expect(bulk).toEqual(await entries(localId))
    const found = await request(app.url).get('/api/search').query({ q: 'ley prueba', locale: 'es' })
    expect(found.status).toBe(200)
    expect(found.body.docs.map((d: { id: string | number }) => String(d.id))).toContain(String(bulkId))
  })

  it('is found by the published list, the filters and the workflow like any other resource', async () => {
    const list = await request(app.url).get(`/api/resources?where[slug][equals]=through-bulk-path${suffix}&where[category][equals]=legislation`)
    expect(list.body.totalDocs).toBe(1)
    const state = await editor.get(`/api/resources/${bulkId}/workflow`)
    expect(state.status).toBe(200)
    const unpublish = await editor.post(`/api/resources/${bulkId}/workflow`).send({ action: 'unpublish' })
    expect(unpublish.status).toBe(200)
    expect((await request(app.url).get(`/api/resources/${bulkId}`)).status).toBe(404)
  })

  it('keeps drafts private and gives duplicate titles distinct slugs', async () => {
    const drafts: BulkResource[] = [0, 1].map(() => ({ ...record(''), slug: undefined, title: { en: `Draft${suffix}` }, reviewStatus: 'draft', publishedAt: null }))
    await assignSlugs(app.payload, drafts)
    expect(drafts.map((d) => d.slug)).toEqual([`draft${suffix}`, `draft${suffix}-2`])
    const draftIds = await insertResources(app.payload, drafts, { viaAdapter })
    expect((await request(app.url).get(`/api/resources/${draftIds[0]}`)).status).toBe(404)
    const asEditor = await editor.get(`/api/resources/${draftIds[0]}`)
    expect(asEditor.body.reviewStatus).toBe('draft')
    expect(asEditor.body._status).toBe('draft')
    await expect(assignSlugs(app.payload, [{ ...record(`draft${suffix}`) }])).rejects.toThrow(/already taken/)
  })
})

describe('npm run import (src/bulk/importFile.ts)', () => {
  const CSV = [
    'title,title_es,category,section,jurisdictions,topics,issuedAt,url,language,status',
    '"Court rule, with a comma",Regla,judicial-rule,court-system-statements-and-policies,US-NY;US-NJ,courthouse-arrests,2020-05-01,https://example.org/r,en;es,published',
    'A draft rule,,judicial-rule,,US-NY,,,,,draft',
  ].join('\n')

  it('imports a CSV file: lists, quoted commas, Spanish titles, drafts kept private', async () => {
    const { ids } = await importResources(app.payload, 'rules.csv', CSV, { as: editorEmail, publish: true, confirmChecklist: true })
    expect(ids).toHaveLength(2)
    const rule = await request(app.url).get(`/api/resources/${ids[0]}?locale=all&depth=1`)
    expect(rule.status).toBe(200)
    expect(rule.body.title).toEqual({ en: 'Court rule, with a comma', es: 'Regla' })
    expect(rule.body.slug).toBe('court-rule-with-a-comma')
    expect(rule.body.jurisdictions.map((j: { code: string }) => j.code)).toEqual(['US-NY', 'US-NJ'])
    expect(rule.body.links[0].url).toBe('https://example.org/r')
    expect((await request(app.url).get(`/api/resources/${ids[1]}`)).status).toBe(404)
  })

  it('refuses a file with bad rows, naming each problem, and writes nothing', async () => {
    const before = (await app.payload.count({ collection: 'resources', overrideAccess: true })).totalDocs
    const bad = JSON.stringify([
      { title: 'Fine', category: 'policy', jurisdictions: ['US'] },
      { title: '', category: 'nonsense', jurisdictions: ['US-XX'], url: 'javascript:alert(1)', status: 'live' },
    ])
    const error = await importResources(app.payload, 'bad.json', bad, { as: editorEmail }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportError)
    const problems = (error as ImportError).problems.join('\n')
    for (const field of ['title: required', 'category: "nonsense"', 'jurisdictions: "US-XX" does not exist', 'url:', 'status: "live"']) {
      expect(problems).toContain(`record 2, ${field}`)
    }
    expect(problems).not.toContain('record 1')
    expect((await app.payload.count({ collection: 'resources', overrideAccess: true })).totalDocs).toBe(before)
  })
})
