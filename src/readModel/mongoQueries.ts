/**
 * The read model's documents and queries on MongoDB, as plain values (./mongoStore.ts sends them;
 * tests/read-model-mongo-queries.test.ts evaluates them in memory against the SQLite model).
 *
 * One document per resource, locale and depth in `read_model_docs`, with the columns a query uses
 * and the JSON Payload rendered; the jurisdictions (ids and codes) and languages a resource names
 * are arrays on it, so every filter is a match on one collection (SQLite joins its refs table).
 * `read_model_refs` holds what each resource names, for re-rendering (./index.ts).
 */
import type { ListQuery, Locale } from './query'
import { FORMAT_VERSION, type StoredDoc, type StoredRef } from './store'

/** The SQLite model's format, and this layout's: a change of either rebuilds the collections (and their indexes). */
export const MONGO_FORMAT = `${FORMAT_VERSION}-mongo1`

export const DOCS = 'read_model_docs'
export const REFS = 'read_model_refs'
export const META = 'read_model_meta'
/** One document per write not yet rendered (see ./store.ts): while any exists, the model answers nothing. */
export const PENDING = 'read_model_pending'
export const COLLECTIONS = [DOCS, REFS, META, PENDING] as const

export type DocRow = {
  /** `resource|locale|depth`: the unique key, and what a read by id looks up. */
  _id: string
  resourceId: string
  locale: Locale
  depth: number
  slug: string | null
  category: string | null
  section: string | null
  jurisdictionIds: string[]
  jurisdictionCodes: string[]
  languages: string[]
  // Dates as Payload's adapter stores them (BSON dates): the same order, and `updatedAt > x` means the same.
  publishedAt: Date | null
  updatedAt: Date | null
  createdAt: Date | null
  titleSort: string | null
  volatile: boolean
  /** Absent when the rendering never goes stale (the index on it is sparse). */
  staleAfter?: number
  json: string
}
export type RefRow = { resourceId: string; relation: string; target: string; code: string | null }
export type Filter = Record<string, unknown>
export type Sort = Record<string, 1 | -1>

export const docKey = (id: string, locale: Locale, depth: number) => `${id}|${locale}|${depth}`
const date = (value: string | null) => (value === null ? null : new Date(value))

/** The documents stored for `docs`, with the jurisdictions and languages `refs` name for each resource. */
export function docRows(docs: StoredDoc[], refs: StoredRef[]): DocRow[] {
  const named = new Map<string, { jurisdictionIds: string[]; jurisdictionCodes: string[]; languages: string[] }>()
  const of = (id: string) => named.get(id) ?? named.set(id, { jurisdictionIds: [], jurisdictionCodes: [], languages: [] }).get(id)!
  for (const ref of refs) {
    if (ref.relation === 'jurisdictions') {
      of(ref.id).jurisdictionIds.push(ref.target)
      if (ref.code !== null) of(ref.id).jurisdictionCodes.push(ref.code)
    } else if (ref.relation === 'language') of(ref.id).languages.push(ref.target)
  }
  return docs.map((d) => ({
    _id: docKey(d.id, d.locale, d.depth),
    resourceId: d.id,
    locale: d.locale,
    depth: d.depth,
    slug: d.slug,
    category: d.category,
    section: d.section,
    ...(named.get(d.id) ?? { jurisdictionIds: [], jurisdictionCodes: [], languages: [] }),
    publishedAt: date(d.publishedAt),
    updatedAt: date(d.updatedAt),
    createdAt: date(d.createdAt),
    titleSort: d.titleSort,
    volatile: d.volatile,
    ...(d.staleAfter === null ? {} : { staleAfter: d.staleAfter }),
    json: d.json,
  }))
}

export const refRows = (refs: StoredRef[]): RefRow[] => refs.map((r) => ({ resourceId: r.id, relation: r.relation, target: r.target, code: r.code }))

const SORT_FIELD: Record<ListQuery['sort']['field'], string> = { updatedAt: 'updatedAt', publishedAt: 'publishedAt', title: 'titleSort' }

/** The documents a list matches (the same for its page and its count). */
export function listFilter(query: ListQuery): Filter {
  const filter: Filter = { locale: query.locale, depth: query.depth }
  if (query.category !== undefined) filter.category = query.category
  if (query.section !== undefined) filter.section = query.section
  if (query.slug !== undefined) filter.slug = query.slug
  // An array field equal to a value: one of its elements is (as Payload's own filter on `jurisdictions` matches).
  if (query.jurisdictionCode !== undefined) filter.jurisdictionCodes = query.jurisdictionCode
  if (query.jurisdictionId !== undefined) filter.jurisdictionIds = query.jurisdictionId
  if (query.language !== undefined) filter.languages = query.language
  if (query.updatedAfter !== undefined) filter.updatedAt = { $gt: new Date(query.updatedAfter) }
  return filter
}

/**
 * Payload's order on MongoDB (@payloadcms/db-mongodb buildSortParam): the sort, then its fallback
 * `-createdAt` (newest first, whatever the sort's direction), and nothing after it; no collation
 * (the adapter sets none unless configured: strings compare by their UTF-8 bytes, null and a
 * missing value before every string and date). Rows equal on both are in an order Payload leaves
 * to the query plan; the model puts them by resource id, so that its own pages never overlap.
 */
export function listSort(query: ListQuery): Sort {
  return { [SORT_FIELD[query.sort.field]]: query.sort.descending ? -1 : 1, createdAt: -1, resourceId: 1 }
}

/** What a page reads of each document. */
export const PAGE_PROJECTION = { _id: 0, json: 1, volatile: 1, staleAfter: 1 } as const
export const pageWindow = (query: ListQuery) => ({ skip: (query.page - 1) * query.limit, limit: query.limit })

export const byIdFilter = (id: string, locale: Locale, depth: number): Filter => ({ _id: docKey(id, locale, depth) })
/** Stale renderings (`staleAfter` is absent when there is none: the sparse index answers this). */
export const staleFilter = (now: number): Filter => ({ staleAfter: { $lte: now } })
export const referringFilter = (relation: string, target: string): Filter => ({ relation, target })
export const targetsFilter = (relation: string, ids: string[]): Filter => ({ relation, resourceId: { $in: ids } })
/** Every resource has an `en` document at depth 0. */
export const COUNT_FILTER: Filter = { locale: 'en', depth: 0 }

/** A stored document the model may answer with: not volatile, not stale at `now` (as ./store.ts). */
export const answerable = (row: { [key: string]: unknown }, now: number) =>
  !row.volatile && (row.staleAfter === null || row.staleAfter === undefined || Number(row.staleAfter) > now)

type IndexSpec = { key: Record<string, 1 | -1>; name: string; sparse?: boolean }

/**
 * Every list reads one locale and depth in one order: each sort, in each direction (MongoDB reads
 * an index for a sort only in the index's order or its exact reverse, and the `-createdAt` tie-break
 * keeps its direction whatever the sort's), alone or after each filter but the slug's (one resource)
 * and the language's (matched on the documents read), leads an index, so that a page is read in
 * order and stops at `limit`.
 */
export function docIndexes(): IndexSpec[] {
  const sorts = Object.values(SORT_FIELD)
  const filters = [undefined, 'category', 'section', 'jurisdictionCodes', 'jurisdictionIds']
  const indexes: IndexSpec[] = []
  for (const sort of sorts) {
    for (const filter of filters) {
      for (const direction of [1, -1] as const) {
        indexes.push({
          key: { locale: 1, depth: 1, ...(filter ? { [filter]: 1 } : {}), [sort]: direction, createdAt: -1, resourceId: 1 },
          name: `${filter ? `${filter}_` : ''}${sort}_${direction === 1 ? 'asc' : 'desc'}`,
        })
      }
    }
  }
  indexes.push(
    { key: { locale: 1, depth: 1, slug: 1 }, name: 'slug' },
    { key: { resourceId: 1 }, name: 'resource' },
    { key: { staleAfter: 1 }, name: 'stale_after', sparse: true },
  )
  return indexes
}

export const REF_INDEXES: IndexSpec[] = [
  { key: { relation: 1, target: 1, resourceId: 1 }, name: 'target' },
  { key: { resourceId: 1, relation: 1 }, name: 'resource' },
]
