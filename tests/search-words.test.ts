/**
 * Search matches whole-word prefixes of folded words (src/search/text.ts searchWords), stored in
 * each entry and matched in the database on both adapters: FTS5 on SQLite (through the real
 * stack here), an anchored regex on an indexed array on MongoDB (src/search/mongoWords.ts, its
 * filter run by sift on real entries). Accents are ignored both ways, "ice" is not "justice",
 * and the cap counts real matches only.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { paragraphs } from '../seed/lexical'
import { MAX_RANKED_MATCHES } from '../src/search/backends'
import { searchEntry } from '../src/search/entry'
import { mongoSearchFilter, mongoWordsBackend } from '../src/search/mongoWords'
import { LOCK_ENTRY } from '../src/search/reindexLock'
import { reindexIfStale } from '../src/search/sync'
import { siftModel } from './helpers/mongoFake'
import { homeJurisdiction, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
let vt: string | number

beforeAll(async () => {
  app = await startTestApp()
  vt = await homeJurisdiction(app)
  const publish = (slug: string, title: string, body: string) =>
    app.payload.create({
      collection: 'resources',
      data: { slug, title, category: 'media', jurisdictions: [vt], _status: 'published', reviewStatus: 'published', body: paragraphs([body]) } as never,
      overrideAccess: true,
    })
  await publish('accented', 'Guía de información', 'Derechos en la inmigración y los tribunales.')
  await publish('unaccented', 'Guia de informacion basica', 'Sin acentos: peticion, inmigracion.')
  await publish('not-ice', 'Justice notice', 'The office of police and justice gave notice of practice.')
  await publish('ice', 'Courthouse arrests', 'ICE agents arrested people at the courthouse.')
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const slugs = async (q: string) => {
  const res = await request(app.url).get(`/api/search?q=${encodeURIComponent(q)}`)
  expect(res.status).toBe(200)
  return (res.body.docs as { slug: string }[]).map((d) => d.slug).sort()
}

describe('through the stack (SQLite)', () => {
  it('ignores accents in both directions', async () => {
    expect(await slugs('informacion')).toEqual(['accented', 'unaccented'])
    expect(await slugs('información')).toEqual(['accented', 'unaccented'])
    expect(await slugs('inmigración')).toEqual(['accented', 'unaccented'])
    expect(await slugs('INMIGRACION guia')).toEqual(['accented', 'unaccented'])
  })

  it('matches word prefixes only: "ice" is not justice, notice, office, police or practice', async () => {
    expect(await slugs('ice')).toEqual(['ice'])
    expect(await slugs('just')).toEqual(['not-ice'])
  })

  it('stores the folded words in each entry', async () => {
    const { docs } = await app.payload.find({ collection: 'search-entries', where: { slug: { equals: 'accented' } }, depth: 0, overrideAccess: true })
    expect(docs[0]!.words).toEqual(expect.arrayContaining(['guia', 'informacion', 'inmigracion', 'tribunales']))
  })

  it('re-indexes entries of an older format (no words) at start, and two concurrent runs do not collide', async () => {
    const client = (app.payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }).client
    await client.execute('UPDATE search_entries SET words = NULL')
    // (Queries not asked before: the public response cache does not see a write made in SQL.)
    expect(await slugs('peticion')).toEqual([])
    await Promise.all([reindexIfStale(app.payload), reindexIfStale(app.payload)])
    expect(await slugs('peticion inmigracion')).toEqual(['unaccented'])
    expect((await app.payload.count({ collection: 'search-entries', where: { words: { exists: false } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('of two concurrent starts on an empty index one rebuilds it (the other does not wait), leaving one entry per resource and locale', async () => {
    await app.payload.delete({ collection: 'search-entries', where: { id: { exists: true } }, overrideAccess: true, depth: 0 })
    const find = app.payload.find.bind(app.payload)
    let rebuilds = 0
    app.payload.find = ((args: { collection: string; page?: number }) => {
      if (args.collection === 'resources' && args.page === 1) rebuilds++
      return find(args as never)
    }) as typeof app.payload.find
    try {
      await Promise.all([reindexIfStale(app.payload), reindexIfStale(app.payload)])
    } finally {
      app.payload.find = find
    }
    expect(rebuilds).toBe(1)
    const { docs } = await app.payload.find({ collection: 'search-entries', pagination: false, depth: 0, overrideAccess: true })
    expect(docs.length).toBe(8)
    expect(new Set(docs.map((d) => `${d.resource}/${d.locale}`)).size).toBe(8)
  })

  it('takes over a rebuild lock left by a process that died holding it', async () => {
    await app.payload.delete({ collection: 'search-entries', where: { id: { exists: true } }, overrideAccess: true, depth: 0 })
    const hourAgo = new Date(Date.now() - 61 * 60_000).toISOString()
    await app.payload.create({ collection: 'search-entries', data: { ...LOCK_ENTRY, words: [], publishedAt: hourAgo } as never, overrideAccess: true, depth: 0 })
    await reindexIfStale(app.payload)
    const { docs } = await app.payload.find({ collection: 'search-entries', pagination: false, depth: 0, overrideAccess: true })
    expect(docs.map((d) => d.locale).sort()).toEqual(['en', 'en', 'en', 'en', 'es', 'es', 'es', 'es'])
  })
})

describe('MongoDB backend (its filter evaluated by sift on entries made by searchEntry)', () => {
  let next = 0
  const entry = (title: string, body: string, publishedAt = '2020-01-01T00:00:00.000Z') => ({
    _id: String(next++).padStart(8, '0'),
    ...searchEntry({ resource: `r${next}`, locale: 'en', slug: `s${next}`, title, summary: '', body: paragraphs([body]), documentTitles: [], category: 'media', jurisdictionCodes: ['US-NY'], publishedAt }),
  })
  const run = (docs: Record<string, unknown>[], q: string[], limit = 10) =>
    mongoWordsBackend(app.payload, siftModel(docs) as never).search(q, { locale: 'en' }, { offset: 0, limit })

  it('asks for an anchored, case-sensitive prefix of the words (what the { locale, words } index answers)', () => {
    expect(mongoSearchFilter(['ice', 'court'], { locale: 'es', category: 'media', jurisdiction: 'US-NY' })).toEqual({
      locale: 'es',
      $and: [{ words: { $regex: '^ice' } }, { words: { $regex: '^court' } }],
      category: 'media',
      jurisdictions: { $regex: ' US-NY[ -]' },
    })
  })

  it('ignores accents both ways and matches word prefixes only', async () => {
    const docs = [entry('Información', 'inmigración'), entry('Informacion', 'inmigracion'), entry('Justice notice', 'office police')]
    expect((await run(docs, ['informacion'])).totalDocs).toBe(2)
    expect((await run(docs, ['inmigracion'])).totalDocs).toBe(2)
    expect((await run(docs, ['ice'])).totalDocs).toBe(0)
  })

  it('ranks an older real mention of ICE behind more than MAX_RANKED_MATCHES newer "justice" entries', async () => {
    const old = entry('Courthouse arrests', 'ICE agents at the door')
    const newer = Array.from({ length: MAX_RANKED_MATCHES + 100 }, (_, i) => entry(`Justice ${i}`, 'notice from the office of police'))
    const page = await run([old, ...newer], ['ice'])
    expect(page.totalDocs).toBe(1)
    expect(page.entries.map((e) => e.title)).toEqual(['Courthouse arrests'])
  })

  it('caps real matches at MAX_RANKED_MATCHES, ranking the newest', async () => {
    const docs = Array.from({ length: MAX_RANKED_MATCHES + 20 }, (_, i) => entry(`ICE ${i}`, 'ice'))
    const page = await run(docs, ['ice'], 5)
    expect(page.totalDocs).toBe(MAX_RANKED_MATCHES)
    expect(page.entries.map((e) => e.title)).toEqual([519, 518, 517, 516, 515].map((i) => `ICE ${i}`))
  })
})
