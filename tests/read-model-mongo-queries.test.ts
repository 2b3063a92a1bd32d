/**
 * The read model's MongoDB queries (src/readModel/mongoQueries.ts) answer what its SQLite store
 * answers, on a real corpus: the SQLite model's own rows (read_model_docs/refs) are turned into
 * the documents the MongoDB store would hold, and for every query shape the store's filter, sort,
 * projection and page window are evaluated in memory, by sift (the MongoDB query matcher
 * mongoose itself uses) and a comparator of MongoDB's BSON order (null and missing first, then
 * numbers, strings by their UTF-8 bytes, dates; no collation, as Payload's adapter sets none:
 * tests/helpers/mongoMemory.ts). The page's order and the count must equal the SQLite store's.
 * The sort is also checked against Payload's own MongoDB sort builder (@payloadcms/db-mongodb
 * buildSortParam).
 *
 * No MongoDB server runs here: this proves the queries' meaning, not a server's plans or its
 * transactions (docs/MONGODB.md, M6).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, expect, jest, test } from '@jest/globals'
import { CATEGORIES, SECTIONS } from '../collections/Resources/options'
import { readModel } from '../src/readModel'
import {
  answerable,
  byIdFilter,
  COUNT_FILTER,
  docRows,
  listFilter,
  listSort,
  PAGE_PROJECTION,
  pageWindow,
  referringFilter,
  refRows,
  staleFilter,
  targetsFilter,
  type DocRow,
  type RefRow,
} from '../src/readModel/mongoQueries'
import { DEPTHS, LOCALES, type ListQuery } from '../src/readModel/query'
import { sqliteStore, type StoredDoc, type StoredRef } from '../src/readModel/store'
import { projectRoot } from '../src/settings/paths'
import { bsonCompare, evaluate } from './helpers/mongoMemory'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { startTestApp, type TestApp } from './helpers/testApp'

jest.setTimeout(300_000)

type Row = Record<string, unknown>
let app: TestApp
let dir: string
let places: Awaited<ReturnType<typeof createJurisdictions>>
let docs: DocRow[]
let refs: RefRow[]
let midpoints: string[]

/** What the MongoDB store's list() would answer on these documents. */
function mongoList(query: ListQuery, now: number) {
  const { page, count } = evaluate(docs, listFilter(query), { sort: listSort(query), ...pageWindow(query), projection: PAGE_PROJECTION })
  if (!page.every((row) => answerable(row, now))) return undefined
  return { docs: page.map((row) => String(row.json)), totalDocs: count }
}

const sqlite = () => {
  const store = sqliteStore(app.payload)
  if (!store) throw new Error('the SQLite model is missing')
  return store
}

beforeAll(async () => {
  // SQLite whatever DATABASE_URI says: the SQLite model is what the queries are compared with.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-mongo-queries-'))
  app = await startTestApp({ READ_MODEL: 'on', DATABASE_URI: `file:${path.join(dir, 'model.db')}` })
  places = await createJurisdictions(app)
  const ids = Object.values(places)
  const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString()
  // Titles whose UTF-8 byte order differs from JavaScript's UTF-16 order (U+FF21 vs an emoji), accents,
  // case; shared publishedAt days (the createdAt tie-break decides); Spanish titles on some only (null sorts first).
  const titles = ['Zeta', 'alpha', 'Ａfullwidth', '😀 emoji', 'Émile', 'émile', 'Beta', 'beta', 'ß sharp', 'Ωmega', 'a', 'A']
  for (let i = 0; i < 36; i++) {
    const id = await createPublished(app, {
      title: `${titles[i % titles.length]} ${i % 5}`,
      slug: `mq-${i}`,
      category: CATEGORIES[i % 4]!.value,
      section: SECTIONS[i % 3]!.value,
      jurisdictions: [ids[i % ids.length], ...(i % 5 === 0 ? [places['US-NY-KINGS']] : [])],
      language: i % 3 === 0 ? ['en', 'es'] : i % 3 === 1 ? ['es'] : ['en'],
      publishedAt: day(i % 4),
    })
    if (i % 2) await app.payload.update({ collection: 'resources', id, locale: 'es', data: { title: `${titles[(i * 5) % titles.length]} es` } as never, overrideAccess: true })
  }
  // A draft: never in the model.
  await app.payload.create({ collection: 'resources', data: { title: 'mq draft', category: 'policy', _status: 'draft' } as never, overrideAccess: true })
  await readModel.settle()
  const client = (app.payload.db as unknown as { client: { execute: (sql: string) => Promise<{ rows: Row[] }> } }).client
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v))
  const stored: StoredDoc[] = (await client.execute('SELECT * FROM read_model_docs')).rows.map((r) => ({
    id: String(r.resource_id),
    locale: r.locale as StoredDoc['locale'],
    depth: Number(r.depth),
    slug: text(r.slug),
    category: text(r.category),
    section: text(r.section),
    publishedAt: text(r.published_at),
    updatedAt: text(r.updated_at),
    createdAt: text(r.created_at),
    titleSort: text(r.title_sort),
    volatile: Boolean(Number(r.volatile)),
    staleAfter: r.stale_after === null ? null : Number(r.stale_after),
    json: String(r.json),
  }))
  const named: StoredRef[] = (await client.execute('SELECT * FROM read_model_refs')).rows.map((r) => ({ id: String(r.resource_id), relation: String(r.relation), target: String(r.target), code: text(r.code) }))
  docs = docRows(stored, named)
  refs = refRows(named)
  const updated = stored.map((d) => d.updatedAt!).sort()
  midpoints = [updated[0]!, updated[Math.floor(updated.length / 2)]!, updated[updated.length - 1]!]
})

afterAll(async () => {
  await app?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Every list shape the model serves (src/readModel/query.ts), on this corpus. */
function listQueries(): ListQuery[] {
  const filters: Partial<ListQuery>[] = [{}]
  for (const category of CATEGORIES.slice(0, 5)) filters.push({ category: category.value })
  for (const section of SECTIONS.slice(0, 3)) filters.push({ section: section.value })
  for (const code of [...Object.keys(places), 'US-TX']) filters.push({ jurisdictionCode: code })
  for (const id of Object.values(places)) filters.push({ jurisdictionId: String(id) })
  for (const language of ['en', 'es', 'fr']) filters.push({ language })
  for (const slug of ['mq-3', 'mq-missing']) filters.push({ slug })
  for (const at of midpoints) filters.push({ updatedAfter: at })
  filters.push(
    { category: CATEGORIES[1]!.value, jurisdictionCode: 'US-NY' },
    { section: SECTIONS[0]!.value, language: 'es', jurisdictionId: String(places.US) },
    { category: CATEGORIES[0]!.value, updatedAfter: midpoints[1] },
  )
  const queries: ListQuery[] = []
  for (const locale of LOCALES) {
    for (const depth of DEPTHS) {
      for (const field of ['updatedAt', 'publishedAt', 'title'] as const) {
        if (field === 'title' && locale === 'all') continue
        for (const descending of [false, true]) {
          for (const filter of filters) {
            for (const [limit, page] of [[3, 1], [3, 2], [5, 3], [100, 1]] as const) {
              queries.push({ kind: 'list', locale, depth, limit, page, sort: { field, descending }, ...filter })
            }
          }
        }
      }
    }
  }
  return queries
}

test('every list shape: the same page, in the same order, and the same count as the SQLite store', async () => {
  const store = sqlite()
  const now = Date.now()
  const problems: string[] = []
  let multi = 0
  let ties = 0
  for (const query of listQueries()) {
    const expected = await store.list(query, now)
    const got = mongoList(query, now)
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      const ids = (page?: { docs: string[] }) => page?.docs.map((json) => (JSON.parse(json) as { id: unknown }).id)
      problems.push(`${JSON.stringify(query)}\n  sqlite: ${JSON.stringify(ids(expected))} of ${expected?.totalDocs}\n  mongo:  ${JSON.stringify(ids(got))} of ${got?.totalDocs}`)
    }
    if ((expected?.docs.length ?? 0) > 1) multi++
    // Pages where the sort key ties and the createdAt tie-break decides the order.
    const sortKey = { updatedAt: 'updatedAt', publishedAt: 'publishedAt', title: 'titleSort' }[query.sort.field]
    const rows = evaluate(docs, listFilter(query), { sort: listSort(query), ...pageWindow(query) }).page
    if (rows.some((row, i) => i > 0 && bsonCompare(row[sortKey], rows[i - 1]![sortKey]) === 0)) ties++
  }
  expect(problems.slice(0, 5)).toEqual([])
  // The corpus exercises what could differ: pages of several documents, ties broken by createdAt.
  expect(multi).toBeGreaterThan(1000)
  expect(ties).toBeGreaterThan(200)
})

test('titles are ordered by their UTF-8 bytes on both (not JavaScript’s UTF-16 order), null titles first', () => {
  const titles = [...new Set(docs.filter((d) => d.locale === 'en').map((d) => d.titleSort!))]
  const byBytes = [...titles].sort(bsonCompare)
  expect(byBytes).not.toEqual([...titles].sort()) // the corpus has titles where the two orders differ
  expect(byBytes.indexOf('😀 emoji 3')).toBeGreaterThan(byBytes.indexOf('Ａfullwidth 2'))
  expect(docs.some((d) => d.locale === 'es' && d.titleSort === null)).toBe(true)
})

test('the sort is Payload’s own on MongoDB: the sort, then -createdAt, whatever the direction', async () => {
  // Payload's MongoDB sort builder, from the installed adapter (not part of its exported API).
  const file = path.join(projectRoot, 'node_modules/@payloadcms/db-mongodb/dist/queries/buildSortParam.js')
  const { buildSortParam } = (await import(pathToFileURL(file).href)) as { buildSortParam: (args: Record<string, unknown>) => Record<string, 'asc' | 'desc'> }
  const collection = app.payload.collections.resources.config
  for (const locale of ['en', 'es'] as const) {
    for (const [sort, field] of [['updatedAt', 'updatedAt'], ['publishedAt', 'publishedAt'], ['title', 'title']] as const) {
      for (const descending of [false, true]) {
        const payloads = buildSortParam({
          adapter: { disableFallbackSort: false },
          config: app.payload.config,
          fields: collection.flattenedFields,
          locale,
          sort: `${descending ? '-' : ''}${sort}`,
          sortAggregation: [],
          timestamps: collection.timestamps,
        })
        const ours = listSort({ kind: 'list', locale, depth: 0, limit: 10, page: 1, sort: { field, descending } })
        // Ours names the title of the row's locale `titleSort`, and adds the resource id after Payload's last key.
        const renamed = Object.entries(payloads).map(([key, direction]) => [key === `title.${locale}` ? 'titleSort' : key, direction === 'desc' ? -1 : 1])
        expect(Object.entries(ours).slice(0, renamed.length)).toEqual(renamed)
        expect(Object.keys(ours).slice(renamed.length)).toEqual(['resourceId'])
      }
    }
  }
})

test('by id, count, stale, referring and targets: the same answers as the SQLite store', async () => {
  const store = sqlite()
  const now = Date.now()
  const ids = [...new Set(docs.map((d) => d.resourceId))]
  for (const id of [...ids, '999999']) {
    for (const locale of LOCALES) {
      for (const depth of DEPTHS) {
        const row = evaluate(docs, byIdFilter(id, locale, depth), { projection: PAGE_PROJECTION }).page[0]
        expect(row && answerable(row, now) ? String(row.json) : undefined).toBe(await store.byId(id, locale, depth, now))
      }
    }
  }
  expect(evaluate(docs, COUNT_FILTER).count).toBe(await store.count())
  for (const at of [now, now + 400 * 24 * 3600 * 1000]) {
    const stale = new Set(evaluate(docs, staleFilter(at)).page.map((d) => d.resourceId))
    expect([...stale].sort()).toEqual((await store.stale(at)).sort())
  }
  const distinct = (rows: Row[], key: keyof RefRow) => [...new Set(rows.map((r) => String(r[key])))].sort()
  for (const ref of refs) {
    expect(distinct(evaluate(refs, referringFilter(ref.relation, ref.target)).page, 'resourceId')).toEqual((await store.referring(ref.relation, ref.target)).sort())
  }
  for (const relation of ['jurisdictions', 'language', 'supersedes']) {
    expect(distinct(evaluate(refs, targetsFilter(relation, ids.slice(0, 7))).page, 'target')).toEqual((await store.targets(relation, ids.slice(0, 7))).sort())
  }
})
